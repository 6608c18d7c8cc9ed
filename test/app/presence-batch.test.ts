import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Readable, Writable } from 'node:stream';
import { runPresenceBatch, type PresenceBatchProgress } from '../../src/app/presence-batch.ts';
import { generatePresenceRequests } from '../../src/domain/records/index.ts';
import { calculatePresenceRequest } from '../../src/domain/presence/index.ts';

function collector(): { stream: Writable; text: () => string } {
  const parts: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      parts.push(chunk.toString('utf8'));
      callback();
    },
  });
  return { stream, text: () => parts.join('') };
}

const seedLine = {
  id: 'seed',
  applicationDate: '2020-11-18',
  indefiniteStayPeriods: [{ from: '2014-11-10', to: null }],
  movements: [{ direction: 'arrival', date: '2014-11-08' }],
};

describe('presence batch', () => {
  it('one result per line, in order; a malformed line in the middle yields an error record and the rest continue', async () => {
    const lines = [
      JSON.stringify(seedLine),
      '{"applicationDate": "2020-11-18", oops',
      '',
      JSON.stringify({ ...seedLine, id: 7, movements: [{ direction: 'arrival', date: '2014-02-30' }] }),
      JSON.stringify({ ...seedLine, id: { nested: true } }),
      JSON.stringify({ ...seedLine, id: 'last', movements: [] }),
    ];
    // Split the input at awkward places, including inside a multi-byte character.
    const bytes = Buffer.from(`${lines.join('\r\n')}\n{"id":"Mārama",${JSON.stringify(seedLine).slice(13)}`, 'utf8');
    const chunks = [
      bytes.subarray(0, 7),
      bytes.subarray(7, 150),
      bytes.subarray(150, bytes.length - 60),
      bytes.subarray(bytes.length - 60, bytes.length - 59),
      bytes.subarray(bytes.length - 59),
    ];
    const out = collector();
    const counts = await runPresenceBatch({ input: Readable.from(chunks), output: out.stream });
    const results = out
      .text()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(counts, { lines: 6, calculated: 3, errors: 3, eligible: 2, withExceptions: 1 });
    assert.deepEqual(
      results.map((r) => [r.line, r.id]),
      [
        [1, 'seed'],
        [2, null],
        [4, 7],
        [5, null],
        [6, 'last'],
        [7, 'Mārama'],
      ],
    );
    assert.equal(results[0]?.totalDays, 1827);
    assert.equal(results[0]?.eligible, true);
    const e2 = results[1]?.errors as { path: string; message: string }[];
    assert.equal(e2[0]?.path, '');
    assert.match(e2[0]?.message ?? '', /^is not valid JSON/);
    assert.deepEqual(results[2]?.errors, [{ path: '/movements/0/date', message: 'is not a calendar date' }]);
    assert.deepEqual(results[3]?.errors, [
      { path: '/id', message: 'must be a string of at most 200 characters or a number' },
    ]);
    assert.deepEqual(
      (results[4]?.exceptions as { exception: string }[]).map((e) => e.exception),
      ['No travel movements found'],
    );
    assert.equal(results[5]?.totalDays, 1827);
  });

  it('results equal the public call, line for line', async () => {
    const requests = [...generatePresenceRequests({ seed: 'equal', count: 300 })];
    const out = collector();
    await runPresenceBatch({
      input: Readable.from([requests.map((r) => JSON.stringify(r)).join('\n')]),
      output: out.stream,
    });
    const results = out
      .text()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(results.length, 300);
    requests.forEach((request, i) => {
      const { id, ...body } = request;
      const expected = calculatePresenceRequest(body);
      assert.ok(expected.ok);
      assert.deepEqual(results[i], { line: i + 1, id, ...expected.response });
    });
  });

  it('lines the fast scanner reads give byte for byte the results of the general path; chunking changes nothing', async () => {
    const requests = [...generatePresenceRequests({ seed: 'paths', count: 200 })].map((r, i) => ({
      ...r,
      id: i % 3 === 0 ? i : r.id,
    }));
    const compact = requests.map((r) => JSON.stringify(r));
    // The same requests with `id` last: the scanner declines them, JSON.parse and the contract parser read them.
    const reordered = requests.map(({ id, ...body }) => JSON.stringify({ ...body, id }));
    const run = async (lines: string[], chunkSize: number) => {
      const bytes = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
      const chunks: Buffer[] = [];
      for (let at = 0; at < bytes.length; at += chunkSize) chunks.push(bytes.subarray(at, at + chunkSize));
      const out = collector();
      const counts = await runPresenceBatch({ input: Readable.from(chunks), output: out.stream });
      return { text: out.text(), counts };
    };
    const fast = await run(compact, 1 << 20);
    const general = await run(reordered, 1 << 20);
    assert.equal(fast.text, general.text);
    assert.deepEqual(fast.counts, general.counts);
    assert.equal(fast.counts.calculated, 200);
    for (const size of [1, 7, 333, 4096]) assert.equal((await run(compact, size)).text, fast.text, `chunks of ${size}`);
  });

  it('applies batch-wide conventions to lines without options', async () => {
    const trip = {
      ...seedLine,
      movements: [
        ...seedLine.movements,
        { direction: 'departure', date: '2020-05-10' },
        { direction: 'arrival', date: '2020-05-10' },
      ],
    };
    const out = collector();
    await runPresenceBatch({
      input: Readable.from([JSON.stringify(trip)]),
      output: out.stream,
      presenceOptions: { boundaryDayRule: 'NEITHER_PRESENT' },
    });
    assert.equal((JSON.parse(out.text()) as { totalDays: number }).totalDays, 1826);
  });

  it('respects backpressure: reading stays close behind a slow writer', async () => {
    let produced = 0;
    let written = 0;
    let maxAhead = 0;
    async function* source() {
      for (const request of generatePresenceRequests({ seed: 'slow', count: 20_000 })) {
        produced++;
        maxAhead = Math.max(maxAhead, produced - written);
        yield `${JSON.stringify(request)}\n`;
      }
    }
    const output = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, callback) {
        written += chunk.toString('utf8').split('\n').length - 1;
        setImmediate(callback);
      },
    });
    const updates: PresenceBatchProgress[] = [];
    const counts = await runPresenceBatch({
      input: Readable.from(source()),
      output,
      onProgress: (p) => updates.push(p),
      progressIntervalMs: 0,
    });
    assert.equal(counts.lines, 20_000);
    assert.equal(written, 20_000);
    assert.ok(maxAhead < 2_000, `reader ran ${maxAhead} lines ahead`);
    const last = updates[updates.length - 1];
    assert.equal(last?.done, true);
    assert.equal(last?.items, 20_000);
    assert.ok(updates.length > 2);
    assert.ok((last?.itemsPerSecond ?? 0) > 0);
  });

  it('an over-long line is an error, the next line is fine', async () => {
    const out = collector();
    const long = `{"id":"x","pad":"${'a'.repeat(5000)}"}`;
    const chunks = [long.slice(0, 2000), long.slice(2000, 4000), `${long.slice(4000)}\n`, JSON.stringify(seedLine)];
    const counts = await runPresenceBatch({ input: Readable.from(chunks), output: out.stream, maxLineLength: 1000 });
    const results = out
      .text()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(
      results.map((r) => r.line),
      [1, 2],
    );
    assert.deepEqual(results[0]?.errors, [{ path: '', message: 'line is longer than 1000 characters' }]);
    assert.equal(results[1]?.totalDays, 1827);
    assert.equal(counts.errors, 1);
  });
});
