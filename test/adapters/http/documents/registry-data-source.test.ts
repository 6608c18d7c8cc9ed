// A captured passport on an account outside stub mode with a registry source (seed 003: "the confirmed data may
// also be used with an external data source, depending on customer account configuration"): the issuer's source
// does not run there, so the operator's records check the confirmed name and date of birth. A record of the
// person: the data source component "Operator registry" VERIFIED with its fields CONFIRMED; only a record of
// someone else born the same day: NO_MATCH on the names, the component (and the combination) not verified. The
// immigration records likewise ("Immigration records"), and ERROR while their service is down.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../../support/databases.ts';
import { startTestApp, type TestApp } from '../../../support/app.ts';
import { renderSpecimen } from '../../../../src/adapters/documents/specimens.ts';
import { missingImages } from '../../../../src/adapters/face/synthetic-faces.ts';
import {
  GRACE,
  accountWithRecords,
  confirmGraceAsRead,
  liveAccount,
  registerGrace,
  uploadDocuments,
} from './support.ts';
import { RecordsStore } from '../../../../src/adapters/records/store.ts';
import { generatePopulation } from '../../../../src/domain/records/index.ts';

const skip = missingImages();
interface Check {
  name: string;
  state: string;
  fieldResult: { name: string; status: string; value?: string }[];
  individualResult?: Check[];
}

/** Grace registered, her passport photographed and confirmed as read: the combination result. */
async function passportConfirmed(t: TestApp, auth: string): Promise<Check> {
  const verificationId = await registerGrace(t, auth);
  const captured = await uploadDocuments(
    t,
    verificationId,
    [{ name: 'document', content: await renderSpecimen(GRACE) }],
    auth,
  );
  assert.equal(captured.statusCode, 201, captured.body);
  const confirmed = await confirmGraceAsRead(t, verificationId, captured.json<{ captureId: string }>().captureId, auth);
  assert.equal(confirmed.statusCode, 200, confirmed.body);
  return confirmed.json<{ checkResult: Check }>().checkResult;
}

const statuses = (check: Check | undefined) => check?.fieldResult.map((f) => [f.name, f.status]);

forEachDatabase((kind) => {
  test(
    "outside stub mode the operator's records check the confirmed details: a match VERIFIED, a mismatch not",
    { skip },
    async () => {
      const t = await startTestApp(kind, { demo: false });
      try {
        const bank = await accountWithRecords(
          t,
          'bank',
          'id,givenName,middleNames,surname,dob\nB-1,Grace,Brewster,Hopper,1976-04-01\n',
        );
        const matched = await passportConfirmed(t, bank);
        assert.deepEqual(
          matched.individualResult?.map((c) => [c.name, c.state]),
          [
            ['Document Authenticity', 'VERIFIED'],
            ['Data Extraction', 'VERIFIED'],
            ['Operator registry', 'VERIFIED'],
            ['Document Registration Match', 'VERIFIED'],
          ],
        );
        assert.deepEqual(statuses(matched.individualResult?.find((c) => c.name === 'Operator registry')), [
          ['givenName', 'CONFIRMED'],
          ['middleNames', 'CONFIRMED'],
          ['surname', 'CONFIRMED'],
          ['dob', 'CONFIRMED'],
        ]);
        assert.equal(matched.state, 'VERIFIED');

        // someone else born the same day: a candidate, but not Grace
        const shop = await accountWithRecords(t, 'shop', 'id,givenName,surname,dob\nS-1,Ada,Lovelace,1976-04-01\n');
        const mismatched = await passportConfirmed(t, shop);
        const registry = mismatched.individualResult?.find((c) => c.name === 'Operator registry');
        assert.equal(registry?.state, 'IN_PROGRESS', JSON.stringify(registry));
        assert.deepEqual(statuses(registry), [
          ['givenName', 'NO_MATCH'],
          ['middleNames', 'MISSING'],
          ['surname', 'NO_MATCH'],
          ['dob', 'CONFIRMED'],
        ]);
        assert.equal(mismatched.state, 'IN_PROGRESS');
        assert.equal(
          mismatched.individualResult?.find((c) => c.name === 'Document Registration Match')?.state,
          'VERIFIED',
          'the master record still matches: only the registry disagrees',
        );
      } finally {
        await t.close();
      }
    },
  );
});

forEachDatabase((kind) => {
  test(
    'the immigration records check the confirmed details the same way; while their service is down the component is in ERROR',
    { skip },
    async () => {
      const t = await startTestApp(kind, { demo: false });
      try {
        // one generated immigration record made Grace's (her names and date of birth)
        const [record] = [...generatePopulation({ seed: 'document-capture', size: 1, referenceDate: '2024-06-30' })];
        assert.ok(record);
        const grace = {
          ...record.record,
          identity: {
            ...record.record.identity,
            givenNames: 'Grace',
            middleNames: 'Brewster',
            familyName: 'Hopper',
            dateOfBirth: '1976-04-01',
          },
        };
        assert.deepEqual(await t.services.records.load([grace]), { ok: true, loaded: 1 });
        const office = await liveAccount(t, 'office', ['immigration']);
        const matched = await passportConfirmed(t, office);
        const immigration = matched.individualResult?.find((c) => c.name === 'Immigration records');
        assert.equal(immigration?.state, 'VERIFIED', JSON.stringify(matched.individualResult));
        assert.deepEqual(statuses(immigration), [
          ['givenName', 'CONFIRMED'],
          ['middleNames', 'CONFIRMED'],
          ['surname', 'CONFIRMED'],
          ['dob', 'CONFIRMED'],
        ]);

        const store = t.services.records.source as RecordsStore;
        store.outage.down = true;
        try {
          const down = await passportConfirmed(t, office);
          assert.equal(down.individualResult?.find((c) => c.name === 'Immigration records')?.state, 'ERROR');
          assert.equal(down.state, 'ERROR');
        } finally {
          store.outage.down = false;
        }
      } finally {
        await t.close();
      }
    },
  );
});
