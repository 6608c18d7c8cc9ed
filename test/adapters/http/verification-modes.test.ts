// Seed 004's modes and method PP, recorded by an account's administrator, and its human-readable names of states:
// a source checked with the person present (ASSISTED), an in-person check of a document (POSTOFFICE, method PP),
// an outside check loaded in (EXTERNAL); each names who did it (seed 003's AdminComment) and shows in REST with
// the office's words beside the codes, and in SOAP (node-soap) with the codes only, as greenID V3 has them.
// Also documentSubRegion on an Australian licence source checked through setFields.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createClientAsync } from 'soap';
import { forEachDatabase } from '../../support/databases.ts';
import { startTestApp, DEMO_AUTH, basicAuth, type TestApp } from '../../support/app.ts';
import { DEMO_ACCOUNT as DEMO } from '../../../src/app/demo.ts';
import { SOAP_PATH } from '../soap/soap-app.ts';

const ALL_FAIL = `TWO${'F'.repeat(28)}`;

interface Field {
  name: string;
  status: string | null;
  statusName: string | null;
  data?: string;
  value?: string;
  extraData?: { name: string; value: string }[];
}
interface Check {
  name: string;
  state: string;
  stateName: string;
  stateDescription?: string;
  method: string | null;
  methodName: string;
  mode: string | null;
  modeName: string | null;
  documentType?: string;
  documentRegion?: string;
  documentSubRegion?: string;
  fieldResult: Field[];
}

forEachDatabase((kind) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(kind);
    await t.services.accounts.create({ accountId: 'other', password: 'other-password!', stubMode: true });
  });
  after(async () => {
    await t.close();
  });

  const call = (method: 'GET' | 'POST', url: string, payload?: object, auth: string | null = DEMO_AUTH) =>
    t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: auth ? { authorization: auth } : {},
      ...(payload ? { payload } : {}),
    });

  async function registered(): Promise<string> {
    const response = await call('POST', '/verifications', {
      name: { givenName: 'Aroha', middleNames: ALL_FAIL, surname: 'Ngata' },
      dob: '1986-03-12',
      currentResidentialAddress: {
        streetNumber: '12',
        streetName: 'George',
        streetType: 'ST',
        suburb: 'Sydney',
        state: 'NSW',
        postcode: '2000',
        country: 'AU',
      },
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json().verificationResult.verificationId as string;
  }

  async function licenceFields(id: string, number: string): Promise<Record<string, string>> {
    const fields = await call('GET', `/verifications/${id}/sources/nswregodvs/fields`);
    assert.equal(fields.statusCode, 200, fields.body);
    const values: Record<string, string> = {};
    for (const f of fields.json().sourceFields.fieldList as { name: string; value: string }[]) values[f.name] = f.value;
    return { ...values, greenid_nswregodvs_number: number, greenid_nswregodvs_tandc: 'on' };
  }

  const adminComment = (check: Check) => {
    const field = check.fieldResult.find((f) => f.name === 'AdminComment');
    return field && { data: field.data, email: field.extraData?.find((e) => e.name === 'AdminEmail')?.value };
  };

  test('states are named in the words of seed 004 beside their codes, overall and per source', async () => {
    const id = await registered();
    const read = await call('GET', `/verifications/${id}`);
    assert.equal(read.statusCode, 200, read.body);
    const result = read.json().verificationResult;
    assert.deepEqual(
      [result.overallVerificationStatus, result.overallVerificationStatusName, result.mode, result.modeName],
      ['IN_PROGRESS', 'In progress', null, null],
    );
    assert.match(result.overallVerificationStatusDescription, /further checks may be attempted/);
    const source = (read.json().sourceList as { name: string; state: string; stateName: string }[]).find(
      (s) => s.name === 'passportdvs',
    );
    assert.deepEqual([source?.state, source?.stateName], ['EMPTY', 'Not used']);
    const background = (result.individualResult as Check[]).find((c) => c.method === 'DB');
    assert.ok(background, 'a background source was run');
    assert.equal(background.methodName, 'Data Base OR Non Consent');
    const list = await call('GET', '/verifications?status=IN_PROGRESS');
    const row = (list.json().verifications as { verificationId: string; overallVerificationStatusName: string }[]).find(
      (v) => v.verificationId === id,
    );
    assert.equal(row?.overallVerificationStatusName, 'In progress');
  });

  test('lists carry names only; every meaning is listed once by the reference', async () => {
    const id = await registered();
    const read = await call('GET', `/verifications/${id}`);
    const sources = read.json().sourceList as Record<string, unknown>[];
    assert.ok(sources.length > 0);
    assert.deepEqual(
      sources.filter((s) => 'stateDescription' in s).map((s) => s.name),
      [],
      'no source repeats the meaning of its state',
    );
    const reference = await call('GET', '/reference/names');
    assert.equal(reference.statusCode, 200, reference.body);
    const names = reference.json() as Record<string, { code: string; name: string; description: string }[]>;
    const empty = names.sourceStates?.find((s) => s.code === 'EMPTY');
    assert.equal(empty?.name, 'Not used');
    assert.ok((empty?.description ?? '').length > 0);
    assert.equal(names.methods?.find((m) => m.code === 'PP')?.name, 'Person Present');
    assert.equal(
      names.documentChecks?.find((c) => c.code === 'MRZ_CHECK_DIGITS')?.name,
      'Machine readable zone check digits',
    );
    assert.deepEqual(
      names.overallStatuses?.map((s) => s.code),
      ['VERIFIED', 'VERIFIED_ADMIN', 'VERIFIED_WITH_CHANGES', 'IN_PROGRESS', 'PENDING', 'LOCKED_OUT'],
    );
  });

  test('an assisted check runs the source with the person present: mode ASSISTED, the administrator named, NSW', async () => {
    const id = await registered();
    const response = await call('POST', `/verifications/${id}/sources/nswregodvs/assisted`, {
      fields: await licenceFields(id, '11111111'),
      comment: 'Licence sighted at the counter; details typed in for the applicant',
      adminEmail: 'counter@example.org',
    });
    assert.equal(response.statusCode, 200, response.body);
    const check = response.json().checkResult as Check;
    assert.deepEqual(
      [check.name, check.state, check.stateName, check.method, check.methodName, check.mode, check.modeName],
      ['nswregodvs', 'VERIFIED', 'Verified', 'UC', 'User Centric', 'ASSISTED', 'Admin assisted'],
    );
    assert.deepEqual(
      [check.documentType, check.documentRegion, check.documentSubRegion],
      ['DRIVERS_LICENCE', 'AU', 'NSW'],
    );
    assert.deepEqual(adminComment(check), {
      data: 'Licence sighted at the counter; details typed in for the applicant',
      email: 'counter@example.org',
    });
    const confirmed = check.fieldResult.find((f) => f.name === 'surname');
    assert.deepEqual([confirmed?.status, confirmed?.statusName], ['CONFIRMED', 'Field confirmed.']);
  });

  test('a licence checked by the person through setFields carries its issuing state, and no mode', async () => {
    const id = await registered();
    const response = await call('POST', `/verifications/${id}/sources/nswregodvs`, {
      fields: await licenceFields(id, '33333333'),
    });
    assert.equal(response.statusCode, 200, response.body);
    const check = response.json().checkResult as Check;
    assert.deepEqual(
      [check.state, check.stateName, check.documentSubRegion, check.mode, check.modeName],
      ['PENDING', 'Pending review', 'NSW', null, null],
    );
    assert.equal(adminComment(check), undefined);
  });

  test('in-person (POSTOFFICE, PP) and external (EXTERNAL) checks verify the person; REST and SOAP show them', async () => {
    const id = await registered();
    const inPerson = await call('POST', `/verifications/${id}/in-person-check`, {
      outcome: 'VERIFIED',
      document: { documentType: 'DRIVERS_LICENCE', documentRegion: 'AU', documentSubRegion: 'VIC' },
      comment: 'VIC licence inspected at the Wellington counter',
      adminEmail: 'counter@example.org',
    });
    assert.equal(inPerson.statusCode, 200, inPerson.body);
    const counter = inPerson.json().checkResult as Check;
    assert.deepEqual(
      [counter.name, counter.state, counter.method, counter.methodName, counter.mode, counter.modeName],
      ['InPerson', 'VERIFIED', 'PP', 'Person Present', 'POSTOFFICE', 'Post Office'],
    );
    assert.deepEqual(
      [counter.documentType, counter.documentRegion, counter.documentSubRegion],
      ['DRIVERS_LICENCE', 'AU', 'VIC'],
    );
    assert.deepEqual(
      counter.fieldResult.filter((f) => f.status === 'CONFIRMED').map((f) => f.name),
      ['givenName', 'surname', 'dob'],
    );
    assert.deepEqual(adminComment(counter), {
      data: 'VIC licence inspected at the Wellington counter',
      email: 'counter@example.org',
    });
    // One more name+DOB and one name+address are needed (the default rule set).
    assert.equal(inPerson.json().verificationResult.overallVerificationStatus, 'IN_PROGRESS');

    const external = await call('POST', `/verifications/${id}/external-check`, {
      name: 'Council rates notice',
      outcome: 'VERIFIED',
      confirms: ['nameDob', 'nameAddress'],
      comment: 'Checked by the council office; letter on file',
      adminEmail: 'records@example.org',
    });
    assert.equal(external.statusCode, 200, external.body);
    const outside = external.json().checkResult as Check;
    assert.deepEqual(
      [outside.name, outside.state, outside.method, outside.methodName, outside.mode, outside.modeName],
      ['Council rates notice', 'VERIFIED', null, 'None', 'EXTERNAL', 'Externally Verified'],
    );
    const result = external.json().verificationResult;
    assert.deepEqual(
      [result.overallVerificationStatus, result.overallVerificationStatusName, result.mode, result.modeName],
      ['VERIFIED', 'Verified', 'POSTOFFICE', 'Post Office'],
    );

    const base = await t.listen();
    const client = await createClientAsync(`${base}${SOAP_PATH}?wsdl`);
    const getResult = client['getVerificationResultAsync'] as (args: object) => Promise<
      [
        {
          return: {
            verificationResult: {
              overallVerificationStatus: string;
              mode?: string;
              individualResult: (Record<string, unknown> & { name: string })[];
            };
          };
        },
      ]
    >;
    const [soap] = await getResult({ verificationId: id, accountId: DEMO.accountId, password: DEMO.password });
    const wire = soap.return.verificationResult;
    assert.deepEqual([wire.overallVerificationStatus, wire.mode], ['VERIFIED', 'POSTOFFICE']);
    const soapCounter = wire.individualResult.find((c) => c.name === 'InPerson');
    const soapOutside = wire.individualResult.find((c) => c.name === 'Council rates notice');
    assert.deepEqual(
      [soapCounter?.['method'], soapCounter?.['mode'], soapCounter?.['documentSubRegion']],
      ['PP', 'POSTOFFICE', 'VIC'],
    );
    assert.deepEqual([soapOutside?.['mode'], soapOutside?.['state']], ['EXTERNAL', 'VERIFIED']);
    assert.equal(soapCounter?.['stateName'], undefined, 'SOAP stays greenID V3: codes only');
    assert.equal(soapCounter?.['modeName'], undefined);
  });

  test('an assisted check alone verifies with mode ASSISTED; a FAILED in-person check counts for nothing', async () => {
    const id = await registered();
    const failed = await call('POST', `/verifications/${id}/in-person-check`, {
      outcome: 'FAILED',
      document: { documentType: 'PASSPORT', documentRegion: 'NZ' },
      comment: 'The photo is not the person at the counter',
      adminEmail: 'counter@example.org',
    });
    assert.equal(failed.statusCode, 200, failed.body);
    const counter = failed.json().checkResult as Check;
    assert.deepEqual([counter.state, counter.stateName, counter.mode], ['FAILED', 'Failed', 'POSTOFFICE']);
    assert.deepEqual(
      counter.fieldResult.map((f) => f.name),
      ['AdminComment'],
    );
    const roll = await call('POST', `/verifications/${id}/external-check`, {
      name: 'Electoral roll (paper)',
      outcome: 'VERIFIED',
      confirms: ['nameDob', 'nameAddress'],
      comment: 'Roll inspected',
      adminEmail: 'counter@example.org',
    });
    assert.equal(roll.statusCode, 200, roll.body);
    const assisted = await call('POST', `/verifications/${id}/sources/nswregodvs/assisted`, {
      fields: await licenceFields(id, '11111111'),
      comment: 'Typed in for the applicant',
      adminEmail: 'counter@example.org',
    });
    assert.equal(assisted.statusCode, 200, assisted.body);
    const result = assisted.json().verificationResult;
    assert.deepEqual([result.overallVerificationStatus, result.mode], ['VERIFIED', 'ASSISTED'], assisted.body);
  });

  test('checks recorded at the same moment on one verification are all kept', async () => {
    const id = await registered();
    const answers = await Promise.all(
      ['Rates notice', 'Bank statement', 'Tenancy agreement'].map((name) =>
        call('POST', `/verifications/${id}/external-check`, {
          name,
          outcome: 'VERIFIED',
          comment: `${name} checked by the branch`,
          adminEmail: 'branch@example.org',
        }),
      ),
    );
    assert.deepEqual(
      answers.map((a) => a.statusCode),
      [200, 200, 200],
    );
    const read = (await call('GET', `/verifications/${id}`)).json().verificationResult;
    assert.deepEqual(
      (read.individualResult as Check[])
        .filter((c) => c.mode === 'EXTERNAL')
        .map((c) => c.name)
        .sort(),
      ['Bank statement', 'Rates notice', 'Tenancy agreement'],
    );
  });

  test('bad input answers 400 naming the field, and nothing is recorded', async () => {
    const id = await registered();
    const refusals: [string, object, string][] = [
      [
        'in-person-check',
        {
          outcome: 'VERIFIED',
          document: { documentType: 'PASSPORT', documentRegion: 'nz' },
          comment: 'ok',
          adminEmail: 'a@example.org',
        },
        'document.documentRegion',
      ],
      [
        'in-person-check',
        {
          outcome: 'VERIFIED',
          document: { documentType: 'LIBRARY_CARD', documentRegion: 'NZ' },
          comment: 'ok',
          adminEmail: 'a@example.org',
        },
        'document.documentType',
      ],
      [
        'in-person-check',
        {
          outcome: 'VERIFIED',
          document: { documentType: 'PASSPORT', documentRegion: 'NZ' },
          comment: '   ',
          adminEmail: 'a@example.org',
        },
        'comment',
      ],
      [
        'external-check',
        { name: 'passportdvs', outcome: 'VERIFIED', comment: 'ok', adminEmail: 'a@example.org' },
        'name',
      ],
      ['external-check', { name: 'Rates', outcome: 'MAYBE', comment: 'ok', adminEmail: 'a@example.org' }, 'outcome'],
      [
        'external-check',
        { name: 'Rates', outcome: 'VERIFIED', comment: 'ok', adminEmail: 'not-an-email' },
        'adminEmail',
      ],
    ];
    for (const [path, payload, field] of refusals) {
      const response = await call('POST', `/verifications/${id}/${path}`, payload);
      assert.equal(response.statusCode, 400, `${path} ${JSON.stringify(payload)}: ${response.body}`);
      assert.match(response.body, new RegExp(field.replace('.', '\\.')), `${path} names ${field}: ${response.body}`);
    }
    const assisted = await call('POST', `/verifications/${id}/sources/nswregodvs/assisted`, {
      fields: await licenceFields(id, '11111111'),
      comment: 'ok',
      adminEmail: 'nobody',
    });
    assert.equal(assisted.statusCode, 400, assisted.body);
    assert.match(assisted.body, /adminEmail/);
    const read = (await call('GET', `/verifications/${id}`)).json().verificationResult;
    assert.equal(read.overallVerificationStatus, 'IN_PROGRESS');
    assert.deepEqual(
      (read.individualResult as Check[]).filter((c) => c.mode !== null || c.name === 'nswregodvs'),
      [],
      'nothing was recorded',
    );
  });

  test('only the account itself records them: no credentials 401, another account 404, a closed verification 409', async () => {
    const id = await registered();
    const body = {
      outcome: 'VERIFIED',
      document: { documentType: 'PASSPORT', documentRegion: 'NZ' },
      comment: 'Passport inspected',
      adminEmail: 'counter@example.org',
    };
    assert.equal((await call('POST', `/verifications/${id}/in-person-check`, body, null)).statusCode, 401);
    // The person's own browser token (the embeddable component's Bearer) is no administrator's credential.
    assert.equal(
      (await call('POST', `/verifications/${id}/in-person-check`, body, 'Bearer 0123456789abcdef0123456789abcdef'))
        .statusCode,
      401,
    );
    const other = basicAuth('other', 'other-password!');
    assert.equal((await call('POST', `/verifications/${id}/in-person-check`, body, other)).statusCode, 404);
    assert.equal(
      (
        await call(
          'POST',
          `/verifications/${id}/external-check`,
          { name: 'Rates', outcome: 'VERIFIED', comment: 'ok', adminEmail: 'a@example.org' },
          other,
        )
      ).statusCode,
      404,
    );
    const overridden = await call('POST', `/verifications/${id}/admin-override`, {
      comment: 'Verified by phone',
      adminEmail: 'admin@example.org',
    });
    assert.equal(overridden.json().verificationResult.overallVerificationStatusName, 'Verified (by admin)');
    const closed = await call('POST', `/verifications/${id}/in-person-check`, body);
    assert.equal(closed.statusCode, 409, closed.body);
  });
});
