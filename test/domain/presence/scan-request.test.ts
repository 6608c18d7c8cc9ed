import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import seedrandom from 'seedrandom';
import { generatePresenceRequests } from '../../../src/domain/records/index.ts';
import {
  calculatePresence,
  dayFromCivil,
  DEFAULT_PRESENCE_OPTIONS,
  emptyScannedRequest,
  formatIsoDay,
  parsePresenceRequest,
  presenceResponseMembers,
  scanPresenceRequest,
  toPresenceResponse,
  writePresenceResponseMembers,
  RESPONSE_MEMBERS_MAX_BYTES,
  type ParsedPresenceRequest,
  type ScannedRequest,
} from '../../../src/domain/presence/index.ts';

const ID_KEY = new Set(['id']);

function scan(line: string): ScannedRequest | null {
  const bytes = Buffer.from(line, 'utf8');
  const into = emptyScannedRequest();
  return scanPresenceRequest(bytes, 0, bytes.length, into) ? into : null;
}

function idText(line: string, scanned: ScannedRequest): string {
  return scanned.idStart < 0 ? 'null' : Buffer.from(line, 'utf8').toString('latin1', scanned.idStart, scanned.idEnd);
}

/** What the general path makes of a line: JSON.parse and the contract's parser, or null when it refuses it. */
function general(line: string): { id: string; value: ParsedPresenceRequest } | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  const parsed = parsePresenceRequest(value, ID_KEY);
  if (!parsed.ok) return null;
  const id = (value as { id?: unknown }).id;
  if (id === undefined || id === null) return { id: 'null', value: parsed.value };
  if (typeof id === 'string' && id.length <= 200) return { id: JSON.stringify(id), value: parsed.value };
  if (typeof id === 'number' && Number.isFinite(id)) return { id: String(id), value: parsed.value };
  return null;
}

/** A scanned line must mean exactly what the general path makes of it. */
function assertSameAsGeneral(line: string, scanned: ScannedRequest): void {
  const expected = general(line);
  assert.ok(expected !== null, `the scanner accepted a line the general path refuses: ${line}`);
  assert.equal(idText(line, scanned), expected.id, line);
  const input = expected.value.input;
  assert.deepEqual(
    [scanned.applicationDay, scanned.periodFrom, scanned.periodTo, scanned.movementDay, scanned.movementArrival],
    [input.applicationDay, input.periodFrom, input.periodTo, input.movementDay, input.movementArrival],
    line,
  );
  assert.deepEqual(expected.value.options, DEFAULT_PRESENCE_OPTIONS);
}

const plain =
  '{"id":"A1","applicationDate":"2020-11-18","indefiniteStayPeriods":[{"from":"2014-11-10","to":"2016-01-01"},{"from":"2016-01-02","to":null}],' +
  '"movements":[{"direction":"arrival","date":"2014-11-08"},{"direction":"departure","date":"2019-12-01"}]}';

describe('fast request scanner', () => {
  it('reads generated requests exactly as JSON.parse and the contract parser do', () => {
    for (const request of generatePresenceRequests({ seed: 'scan', count: 400 })) {
      const line = JSON.stringify(request);
      const scanned = scan(line);
      assert.ok(scanned !== null, line);
      assertSameAsGeneral(line, scanned);
    }
  });

  it('accepts the plain shapes: no id, a null or integer id, empty lists', () => {
    for (const line of [
      plain,
      plain.replace('"id":"A1",', ''),
      plain.replace('"A1"', 'null'),
      plain.replace('"A1"', '0'),
      plain.replace('"A1"', '123456789012345'),
      plain.replace('"A1"', '""'),
      plain.replace('"A1"', `"${'x'.repeat(200)}"`),
      '{"applicationDate":"2020-11-18","indefiniteStayPeriods":[],"movements":[]}',
    ]) {
      const scanned = scan(line);
      assert.ok(scanned !== null, line);
      assertSameAsGeneral(line, scanned);
    }
  });

  it('reads the same requests written with spaces and their members in another order', () => {
    const spaced = (value: unknown): string => {
      if (Array.isArray(value)) return `[ ${value.map(spaced).join(' ,\t')} ]`;
      if (value !== null && typeof value === 'object')
        return `{ ${Object.entries(value)
          .reverse()
          .map(([k, v]) => `"${k}" : ${spaced(v)}`)
          .join(', ')} }`;
      return JSON.stringify(value);
    };
    const lines = [...generatePresenceRequests({ seed: 'spaced', count: 300 })].map(spaced);
    lines.push(
      ` ${spaced(JSON.parse(plain))} `,
      '{"movements":[],"indefiniteStayPeriods":[],"applicationDate":"2020-11-18"}',
    );
    for (const line of lines) {
      const scanned = scan(line);
      assert.ok(scanned !== null, line);
      assertSameAsGeneral(line, scanned);
    }
  });

  it('declines every line it does not recognise exactly, so the general path decides', () => {
    for (const line of [
      plain.replace('"A1"', `"${'x'.repeat(201)}"`), // id too long: an error
      plain.replace('"A1"', '"Mārama"'), // not ASCII
      plain.replace('"A1"', '"a\\"b"'), // an escape
      plain.replace('"A1"', '"a\\u0041"'),
      plain.replace('"A1"', '01'), // not a plain integer
      plain.replace('"A1"', '-1'),
      plain.replace('"A1"', '1.5'),
      plain.replace('"A1"', '1e3'),
      plain.replace('"A1"', '1234567890123456'), // 16 digits
      plain.replace('"A1"', 'true'),
      plain.replace('"A1"', '{}'),
      plain.replace('"2020-11-18"', '"2021-02-29"'), // not a calendar date
      plain.replace('"2020-11-18"', '"0000-01-01"'),
      plain.replace('"2020-11-18"', '"2020-1-018"'),
      plain.replace('"2020-11-18"', '"2020-11-18 "'),
      plain.replace('"2016-01-01"', '"2013-01-01"'), // to before from
      plain.replace('"to":null', '"to":nul'),
      plain.replace('"arrival"', '"Arrival"'),
      plain.replace('"arrival"', '"arrive"'),
      plain.replace(']}', '],"options":{"boundaryDayRule":"NEITHER_PRESENT"}}'), // options
      plain.replace(']}', '],"extra":1}'),
      plain.replace('"movements":[', '"mov\\u0065ments":['), // an escaped name
      plain.replace('"from":"2014-11-10",', ''), // a period without its start
      plain.replace('"to":null', '"to" null'), // no colon
      plain.replace('"applicationDate":"2020-11-18",', ''), // a required member missing
      plain.replace(
        '{"direction":"arrival","date":"2014-11-08"}',
        '{"direction":"arrival","date":"2014-11-08","date":"2014-11-09"}',
      ),
      plain.replace('"id":"A1",', '"id":"A1","id":"A2",'), // duplicate member
      `${plain}x`,
      plain.slice(0, -1),
      plain.replace('"movements":[', '"movements":[,'),
      plain.replace('}]}', '},]}'),
      plain.replace('}]}', '}]]}'),
      plain.replace('"indefiniteStayPeriods":[', '"indefiniteStayPeriods":[{"from":"2014-11-10","to":null,"x":1},'),
      `[${plain}]`,
      '',
      '{}',
    ]) {
      assert.equal(scan(line), null, line);
    }
  });

  it('never accepts a damaged line that the general path reads differently (random mutations)', () => {
    const random = seedrandom('mutations');
    const lines = [...generatePresenceRequests({ seed: 'mutate', count: 60, movements: 6 })].map((r) =>
      JSON.stringify(r),
    );
    lines.push(plain, plain.replace('"A1"', '42'));
    const alphabet = '0123456789-":,{}[] nul\\tefrs';
    let accepted = 0;
    for (let round = 0; round < 20_000; round++) {
      const line = lines[Math.floor(random() * lines.length)] as string;
      let mutated = line;
      for (let edits = 1 + Math.floor(random() * 2); edits > 0; edits--) {
        let at = Math.floor(random() * mutated.length);
        const char = alphabet[Math.floor(random() * alphabet.length)] as string;
        const kind = random();
        // Mostly a digit changed (often still a valid line: another date, an impossible date, to < from …).
        while (kind < 0.7 && !/[0-9]/.test(mutated[at] ?? '0')) at = Math.floor(random() * mutated.length);
        if (kind < 0.7) mutated = mutated.slice(0, at) + String(Math.floor(random() * 10)) + mutated.slice(at + 1);
        else if (kind < 0.8) mutated = mutated.slice(0, at) + char + mutated.slice(at + 1);
        else if (kind < 0.9) mutated = mutated.slice(0, at) + char + mutated.slice(at);
        else mutated = mutated.slice(0, at) + mutated.slice(at + 1);
      }
      const scanned = scan(mutated);
      if (scanned === null) continue;
      accepted++;
      assertSameAsGeneral(mutated, scanned);
    }
    assert.ok(accepted > 2000, `only ${accepted} mutated lines were still valid`);
  });

  it('reads every date as parseIsoDay does, inside and outside its table (1900–2100)', () => {
    const days: number[] = [];
    for (let day = dayFromCivil(1899, 1, 1); day <= dayFromCivil(2101, 12, 31); day++) days.push(day);
    for (const year of [1, 4, 100, 400, 1600, 1700, 2400, 9999]) {
      for (let day = dayFromCivil(year, 1, 1); day <= dayFromCivil(year, 12, 31); day++) days.push(day);
    }
    for (const day of days) {
      const line = `{"applicationDate":"${formatIsoDay(day)}","indefiniteStayPeriods":[],"movements":[]}`;
      assert.equal(scan(line)?.applicationDay, day, line);
    }
    for (const year of ['1900', '2000', '2100', '2101', '0400', '9999']) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const line = `{"applicationDate":"${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}","indefiniteStayPeriods":[],"movements":[]}`;
          const scanned = scan(line);
          if (scanned === null) assert.equal(general(line), null, line);
          else assertSameAsGeneral(line, scanned);
        }
      }
    }
  });
});

describe('response bytes', () => {
  it('are exactly JSON.stringify of the response, including dates outside the cached years', () => {
    const requests: unknown[] = [...generatePresenceRequests({ seed: 'bytes', count: 300 })].map((r) => {
      const body: Partial<typeof r> = { ...r };
      delete body.id;
      return body;
    });
    const edge = {
      indefiniteStayPeriods: [{ from: '0001-01-01', to: null }],
      movements: [{ direction: 'arrival', date: '0001-01-01' }],
    };
    requests.push(
      { ...edge, applicationDate: '0003-02-28' },
      { ...edge, applicationDate: '9999-12-31', movements: [{ direction: 'arrival', date: '9999-01-01' }] },
      { ...edge, applicationDate: '2020-02-29', options: { leapDayAnniversary: 'FEB_28' } },
      { ...edge, applicationDate: '2020-02-29' },
      { ...edge, applicationDate: '2020-11-18', movements: [] },
      {
        ...edge,
        applicationDate: '2020-11-18',
        movements: [],
        options: { noMovements: 'PRESENT_THROUGHOUT', earliestEligibleDate: false },
      },
    );
    const out = new Uint8Array(RESPONSE_MEMBERS_MAX_BYTES + 10);
    for (const request of requests) {
      const parsed = parsePresenceRequest(request);
      assert.ok(parsed.ok, JSON.stringify(request));
      const calculation = calculatePresence(parsed.value.input, parsed.value.options);
      const expected = JSON.stringify(toPresenceResponse(calculation));
      const end = writePresenceResponseMembers(calculation, out, 3);
      assert.equal(`{${Buffer.from(out.subarray(3, end)).toString('latin1')}}`, expected);
      assert.equal(`{${presenceResponseMembers(calculation)}}`, expected);
    }
  });
});
