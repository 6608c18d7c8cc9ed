// Liveness sessions over HTTP on both databases: create by API (officer token), server-chosen challenge order,
// upload validation (400 naming the field), officer-only results and evidence (401/403), three attempt sets then
// attemptsExhausted, real-image analysis stored as evidence, and the casework link flow (link Completed).
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../../support/databases.ts';
import { startTestApp, type TestApp } from '../../../support/app.ts';
import { startMailbox, type Mailbox } from '../casework/casework-client.ts';
import { missingImages } from '../../face/fixtures.ts';
import {
  cannedAnalysis,
  jsonSubmission,
  multipartSubmission,
  officer,
  capturesWithoutNod,
  realAttempt,
  realFaces,
  stillCapture,
  type Faces,
  type Headers,
} from './support.ts';

interface Created {
  session: {
    id: string;
    status: string;
    trustedSources: { source: string }[];
    createdByName: string;
    createdByEmail: string | null;
  };
  clientToken: string;
  pageUrl: string;
}
interface ApplicantView {
  state: string;
  result?: string;
  attemptsUsed: number;
  attemptsRemaining: number;
  attempt: { id: string; number: number; challenges: string[]; steps: number } | null;
}
interface Problem {
  error: string;
  code?: string;
  problems?: { field: string; message: string }[];
}
interface SessionView {
  status: string;
  attemptsUsed: number;
  attemptsExhausted: boolean;
  options: string[];
  attempts: {
    number: number;
    challenges: string[];
    state: string;
    result: string;
    liveness: string;
    faceMatch: string;
    reasons: string[];
    challengeResults: {
      challenge: string;
      result: string;
      score: number;
      reasons: string[];
      frameCount: number;
      bestFrameIndex: number;
    }[];
    evaluation: { type: string; detail: string; result: string }[];
    faces: { label: string; result: string; fmrText: string; thresholdText: string }[];
  }[];
}

const skipImages = missingImages();

forEachDatabase((kind) => {
  let t: TestApp;
  let co: Headers;
  let validator: Headers;
  let admin: Headers;
  let faces: Faces;
  let mailbox: Mailbox;

  before(async () => {
    mailbox = await startMailbox();
    t = await startTestApp(kind, { demo: false, env: { SMTP_URL: mailbox.url, PONO_PUBLIC_URL: 'https://pono.test' } });
    co = await officer(t, `co-${kind}@dia.example`, ['case-officer']);
    validator = await officer(t, `vo-${kind}@dia.example`, ['validating-officer']);
    admin = await officer(t, `ad-${kind}@dia.example`, ['administrator']);
    if (!skipImages) faces = await realFaces();
  });
  after(async () => {
    await t.close();
    await mailbox.close();
  });

  const inject = (
    method: 'GET' | 'POST',
    url: string,
    who?: Headers,
    payload?: object | Buffer,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method,
      url,
      headers: { ...(who?.headers ?? {}), ...headers },
      ...(payload !== undefined ? { payload } : {}),
    });

  async function create(subjectReference = 'ext-1'): Promise<Created> {
    const r = await inject('POST', '/api/v1/liveness/sessions', co, {
      subjectReference,
      trustedSources: [{ source: 'PROVIDED', image: faces.collinsJpeg.toString('base64') }],
    });
    assert.equal(r.statusCode, 201, r.body);
    return r.json<Created>();
  }

  async function start(token: string): Promise<ApplicantView> {
    const r = await inject('POST', `/liveness/${token}/attempts`);
    assert.equal(r.statusCode, 200, r.body);
    return r.json<ApplicantView>();
  }

  function fieldsOf(body: string): string[] {
    return (JSON.parse(body) as Problem).problems?.map((p) => p.field) ?? [];
  }

  describe('sessions', { skip: skipImages }, () => {
    test('create: officer token required (401), a role that may not (403), fields named (400), PROVIDED required', async () => {
      const body = {
        subjectReference: 'x',
        trustedSources: [{ source: 'PROVIDED', image: faces.collinsJpeg.toString('base64') }],
      };
      assert.equal((await inject('POST', '/api/v1/liveness/sessions', undefined, body)).statusCode, 401);
      assert.equal(
        (
          await inject(
            'POST',
            '/api/v1/liveness/sessions',
            { headers: { authorization: 'Bearer notarealtokennotarealtoken' } },
            body,
          )
        ).statusCode,
        401,
      );
      assert.equal((await inject('POST', '/api/v1/liveness/sessions', admin, body)).statusCode, 403);
      let r = await inject('POST', '/api/v1/liveness/sessions', co, { subjectReference: 'x' });
      assert.equal(r.statusCode, 400);
      assert.deepEqual(fieldsOf(r.body), ['trustedSources']);
      r = await inject('POST', '/api/v1/liveness/sessions', co, {
        subjectReference: 'x',
        trustedSources: [{ source: 'SELFIE', image: 'AAAA' }],
      });
      assert.equal(r.statusCode, 400);
      assert.ok(
        fieldsOf(r.body).some((f) => f.startsWith('trustedSources.0.source')),
        r.body,
      );
      r = await inject('POST', '/api/v1/liveness/sessions', co, {
        subjectReference: 'x',
        trustedSources: [{ source: 'PROVIDED', image: Buffer.from('not an image').toString('base64') }],
      });
      assert.deepEqual(fieldsOf(r.body), ['trustedSources.0.image']);
      r = await inject('POST', '/api/v1/liveness/sessions', co, {
        trustedSources: [{ source: 'PROVIDED', image: faces.collinsJpeg.toString('base64') }],
      });
      assert.deepEqual(fieldsOf(r.body), ['subjectReference']);
      const created = await create();
      assert.match(created.clientToken, /^[A-Za-z0-9_-]{43}$/);
      assert.equal(created.pageUrl, `https://pono.test/liveness/${created.clientToken}`);
      assert.equal(created.session.status, 'NOT_STARTED');
      assert.deepEqual(
        [created.session.createdByName, created.session.createdByEmail],
        [`co-${kind}`, `co-${kind}@dia.example`],
        'the opening officer by name and email',
      );
      assert.deepEqual(
        created.session.trustedSources.map((s) => s.source),
        ['PROVIDED'],
      );
      const page = await inject('GET', `/liveness/${created.clientToken}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /\/liveness\/assets\/liveness\.js/);
      assert.equal(page.headers['cache-control'], 'no-store');
      assert.match(String(page.headers['content-security-policy']), /default-src 'none'/);
    });

    test('the challenge order is chosen by the server, stored, and the same on every call until submitted', async () => {
      const orders = new Set<string>();
      for (let i = 0; i < 10; i++) {
        const { clientToken } = await create(`order-${i}`);
        const before = (await inject('GET', `/liveness/${clientToken}/state`)).json<ApplicantView>();
        assert.equal(before.state, 'ready');
        assert.equal(before.attempt, null);
        // a client that asks for its own order is ignored
        const r = await inject('POST', `/liveness/${clientToken}/attempts`, undefined, {
          challenges: ['BLINK', 'NOD', 'SHAKE'],
        });
        assert.equal(r.statusCode, 200, r.body);
        const view = r.json<ApplicantView>();
        assert.ok(view.attempt);
        assert.deepEqual([...view.attempt.challenges].sort(), ['BLINK', 'NOD', 'SHAKE']);
        assert.equal(view.attempt.steps, 4);
        const again = await start(clientToken);
        assert.deepEqual(again.attempt, view.attempt);
        orders.add(view.attempt.challenges.join(','));
      }
      assert.ok(orders.size > 1, `10 sessions all got ${[...orders].join(' | ')}`);
    });

    test('uploads are checked and a bad field is named (JSON and multipart)', async () => {
      const { clientToken } = await create('validation');
      const view = await start(clientToken);
      const url = `/liveness/${clientToken}/attempts/${view.attempt?.id ?? ''}`;
      const jpeg = faces.collinsJpeg;
      const good = [stillCapture('BLINK', jpeg, 0)];
      const cases: [object, string][] = [
        [{ captures: (jsonSubmission(jpeg, good) as { captures: unknown }).captures }, 'selfie'],
        [{ ...jsonSubmission(jpeg, good), selfie: { image: '!!!notbase64!!!' } }, 'selfie.image'],
        [jsonSubmission(Buffer.from('GIF89a....'), good), 'selfie'],
        [jsonSubmission(jpeg, [{ challenge: 'WINK', frames: good[0]?.frames ?? [] }]), 'captures.0.challenge'],
        [jsonSubmission(jpeg, [stillCapture('NOD', jpeg, 0), stillCapture('NOD', jpeg, 500)]), 'captures.1.challenge'],
        [jsonSubmission(jpeg, [{ challenge: 'BLINK', frames: [{ image: jpeg, tMs: -5 }] }]), 'captures.0.frames.0.tMs'],
        [
          jsonSubmission(jpeg, [
            {
              challenge: 'BLINK',
              frames: [
                { image: Buffer.from('no'), tMs: 0 },
                { image: Buffer.from('hello world!'), tMs: 1 },
              ],
            },
          ]),
          'captures.0.frames',
        ],
        [jsonSubmission(jpeg, [stillCapture('SHAKE', jpeg, 0, 91)]), 'captures.0.frames'],
        [
          jsonSubmission(jpeg, [{ challenge: 'BLINK', frames: [{ image: Buffer.alloc(600 * 1024, 0xff), tMs: 0 }] }]),
          'captures.0.frames.0.image',
        ],
      ];
      for (const [payload, field] of cases) {
        const r = await inject('POST', url, undefined, payload);
        assert.equal(r.statusCode, 400, `${field}: ${r.body.slice(0, 300)}`);
        assert.ok(
          fieldsOf(r.body).some((f) => f === field || f.startsWith(`${field}.`) || f.startsWith(field)),
          `${field} not in ${r.body.slice(0, 300)}`,
        );
      }
      const multi: [ReturnType<typeof multipartSubmission>, string][] = [
        [multipartSubmission(undefined, good), 'selfie'],
        [multipartSubmission(jpeg, good, [], '{"BLINK":[1]}'), 'timestamps.BLINK'],
        [multipartSubmission(jpeg, good, [], 'not json'), 'timestamps'],
        [multipartSubmission(jpeg, good, [{ name: 'order', value: 'BLINK' }]), 'order'],
        [multipartSubmission(jpeg, [{ challenge: 'WINK', frames: good[0]?.frames ?? [] }]), 'WINK'],
      ];
      for (const [m, field] of multi) {
        const r = await t.app.inject({ method: 'POST', url, payload: m.payload, headers: m.headers });
        assert.equal(r.statusCode, 400, `${field}: ${r.body.slice(0, 300)}`);
        assert.deepEqual(fieldsOf(r.body), [field], r.body);
      }
      // nothing was stored and the attempt set is still open
      const state = (await inject('GET', `/liveness/${clientToken}/state`)).json<ApplicantView>();
      assert.equal(state.attemptsUsed, 0);
      assert.equal(state.attempt?.id, view.attempt?.id);
      const frames = await t.database.db
        .selectFrom('liveness_frames')
        .select('attempt_id')
        .where('attempt_id', '=', view.attempt?.id ?? '')
        .execute();
      assert.equal(frames.length, 0);
    });

    test('an attempt set missing a challenge is refused by name and does not use up an attempt', async () => {
      const { clientToken } = await create('incomplete');
      const jpeg = faces.collinsJpeg;
      const view = await start(clientToken);
      const [first, ...rest] = view.attempt?.challenges ?? [];
      const partial = rest.map((c, i) => stillCapture(c as 'BLINK', jpeg, i * 1000));
      const r = await inject(
        'POST',
        `/liveness/${clientToken}/attempts/${view.attempt?.id ?? ''}`,
        undefined,
        jsonSubmission(jpeg, partial),
      );
      assert.equal(r.statusCode, 400, r.body);
      assert.equal(r.json<Problem>().code, 'ATTEMPT_INCOMPLETE');
      assert.match(r.json<{ message: string }>().message, new RegExp(`incomplete: ${first ?? 'x'} was not recorded`));
      const state = (await inject('GET', `/liveness/${clientToken}/state`)).json<ApplicantView>();
      assert.equal(state.attemptsUsed, 0, 'no attempt used');
      assert.equal(state.attempt?.id, view.attempt?.id, 'the same set can be sent again, complete');
    });

    test('three attempt sets, then failed with attemptsExhausted; evidence is for officers only', async () => {
      const { clientToken, session } = await create('three');
      const jpeg = faces.collinsJpeg;
      for (let n = 1; n <= 3; n++) {
        const view = await start(clientToken);
        assert.equal(view.attempt?.number, n);
        const captures = (view.attempt?.challenges ?? []).map((c, i) => stillCapture(c as 'BLINK', jpeg, i * 1000));
        // the page's format: multipart
        const m = multipartSubmission(jpeg, captures);
        const r = await t.app.inject({
          method: 'POST',
          url: `/liveness/${clientToken}/attempts/${view.attempt?.id ?? ''}`,
          payload: m.payload,
          headers: m.headers,
        });
        assert.equal(r.statusCode, 200, r.body);
        const result = r.json<ApplicantView>();
        assert.equal(result.result, n < 3 ? 'try_again' : 'could_not_complete');
        assert.equal(result.attemptsRemaining, 3 - n);
        // the applicant never sees scores or reasons
        assert.doesNotMatch(r.body, /score|STILL_IMAGE|FMR|reasons/i);
        const resubmit = await t.app.inject({
          method: 'POST',
          url: `/liveness/${clientToken}/attempts/${view.attempt?.id ?? ''}`,
          payload: m.payload,
          headers: m.headers,
        });
        assert.equal(resubmit.statusCode, 409);
      }
      const refused = await inject('POST', `/liveness/${clientToken}/attempts`);
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json<Problem>().code, 'ATTEMPTS_EXHAUSTED');
      assert.equal(
        (await inject('GET', `/liveness/${clientToken}/state`)).json<ApplicantView>().state,
        'could_not_complete',
      );

      const url = `/api/v1/liveness/sessions/${session.id}`;
      assert.equal((await inject('GET', url)).statusCode, 401);
      assert.equal((await inject('GET', url, admin)).statusCode, 403);
      const r = await inject('GET', url, validator);
      assert.equal(r.statusCode, 200, r.body);
      const s = r.json<SessionView>();
      assert.equal(s.status, 'FAILED');
      assert.equal(s.attemptsExhausted, true);
      assert.deepEqual(s.options, [
        'SEND_NEW_LIVENESS_LINK',
        'SEND_ORIGINAL_PASSPORT',
        'IDENTITY_CONFIRMATION_APPOINTMENT',
      ]);
      assert.equal(s.attempts.length, 3);
      for (const a of s.attempts) {
        assert.equal(a.result, 'FAIL');
        assert.ok(a.reasons.includes('STILL_IMAGE'), JSON.stringify(a.reasons));
        assert.equal(a.challengeResults.length, 3);
        assert.ok(a.challengeResults.every((c) => c.frameCount === 3));
      }
      const evidence = [
        `${url}/attempts/1/selfie`,
        `${url}/attempts/2/frames/BLINK/2`,
        `${url}/attempts/3/best-frames/NOD`,
        `${url}/attempts/1/tracks`,
        `${url}/trusted-sources/PROVIDED`,
      ];
      for (const e of evidence) {
        assert.equal((await inject('GET', e)).statusCode, 401, e);
        assert.equal((await inject('GET', e, admin)).statusCode, 403, e);
        const ok = await inject('GET', e, validator);
        assert.equal(ok.statusCode, 200, `${e}: ${ok.body.slice(0, 200)}`);
        assert.equal(ok.headers['cache-control'], 'private, no-store');
      }
      const selfie = await inject('GET', `${url}/attempts/1/selfie`, co);
      assert.equal(selfie.headers['content-type'], 'image/jpeg');
      assert.deepEqual(selfie.rawPayload, jpeg);
      assert.equal((await inject('GET', `${url}/attempts/1/frames/BLINK/9`, co)).statusCode, 404);
      // the client token is not an officer credential
      assert.equal((await inject('GET', url, { headers: { authorization: `Bearer ${clientToken}` } })).statusCode, 401);
    });

    test('a real attempt set: BLINK and SHAKE pass, NOD fails, Evaluation and Faces rows and every frame stored', async () => {
      const { clientToken, session } = await create('real');
      const view = await start(clientToken);
      const a = await realAttempt();
      const { selfie, captures } = await capturesWithoutNod(view.attempt?.challenges ?? []);
      const r = await inject(
        'POST',
        `/liveness/${clientToken}/attempts/${view.attempt?.id ?? ''}`,
        undefined,
        jsonSubmission(selfie, captures),
      );
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json<ApplicantView>().result, 'try_again');
      const s = (await inject('GET', `/api/v1/liveness/sessions/${session.id}`, co)).json<SessionView>();
      const attempt = s.attempts[0];
      assert.ok(attempt);
      const by = (c: string) => attempt.challengeResults.find((x) => x.challenge === c);
      assert.equal(by('BLINK')?.result, 'PASS', JSON.stringify(by('BLINK')));
      assert.equal(by('SHAKE')?.result, 'PASS', JSON.stringify(by('SHAKE')));
      assert.equal(by('NOD')?.result, 'FAIL');
      assert.equal(attempt.liveness, 'FAIL');
      assert.equal(attempt.faceMatch, 'MATCH');
      assert.equal(by('BLINK')?.frameCount, a.blink.length);
      assert.deepEqual(
        attempt.evaluation.slice(0, 3).map((e) => e.detail.split(' ')[0]),
        view.attempt?.challenges,
      );
      const provided = attempt.faces.find((f) => f.label === 'TRUSTED SOURCE FACE - PROVIDED');
      assert.equal(provided?.result, 'MATCH');
      assert.equal(provided?.thresholdText, '1.0000E-3');
      const best = await inject(
        'GET',
        `/api/v1/liveness/sessions/${session.id}/attempts/1/best-frames/SHAKE`,
        validator,
      );
      assert.equal(best.statusCode, 200);
      assert.deepEqual(best.rawPayload, a.shake[by('SHAKE')?.bestFrameIndex ?? -1]?.image);
      const tracks = (await inject('GET', `/api/v1/liveness/sessions/${session.id}/attempts/1/tracks`, validator)).json<
        { challenge: string; frames: unknown[] }[]
      >();
      assert.equal(tracks.find((x) => x.challenge === 'SHAKE')?.frames.length, a.shake.length);
    });

    test('a casework link: the page, a session with the person’s photo, passed, and the link is Completed', async () => {
      const actor = { officerId: 'test', roles: ['case-officer'] as const };
      const caseworkActor = { officerId: actor.officerId, roles: [...actor.roles] };
      const app = await t.services.casework.applications.create(caseworkActor, { applicationType: 'CBG Adult' });
      const email = `link-${kind}@example.com`;
      const person = await t.services.casework.applications.addPerson(caseworkActor, app.reference, {
        relationship: 'applicant',
        givenNames: 'Eileen',
        familyName: 'Collins',
        dateOfBirth: '1956-11-19',
        email,
      });
      await t.services.casework.applications.submit(caseworkActor, app.reference, { paid: true });
      const doc = await t.services.casework.applications.uploadDocument(caseworkActor, app.reference, {
        kind: 'passport-style-image',
        personId: person.id,
        fileName: 'photo.jpg',
        content: faces.collinsJpeg,
      });
      const link = await t.services.casework.links.create(caseworkActor, app.reference, {
        personId: person.id,
        relationship: 'Adult',
      });
      await t.services.casework.links.send(caseworkActor, link.id);
      const token = await mailbox.tokenFor(email);

      const page = await inject('GET', `/liveness/${token}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Tīmata/);
      // opening the page does not make a session (mail scanners open links too)
      assert.equal(
        (
          await t.database.db
            .selectFrom('liveness_sessions')
            .select('session_id')
            .where('link_id', '=', link.id)
            .execute()
        ).length,
        0,
      );

      t.services.liveness.useAnalyser(cannedAnalysis('PASS'));
      try {
        const view = await start(token);
        const captures = (view.attempt?.challenges ?? []).map((c, i) =>
          stillCapture(c as 'BLINK', faces.collinsJpeg, i * 1000),
        );
        const r = await inject(
          'POST',
          `/liveness/${token}/attempts/${view.attempt?.id ?? ''}`,
          undefined,
          jsonSubmission(faces.collinsJpeg, captures),
        );
        assert.equal(r.statusCode, 200, r.body);
        assert.equal(r.json<ApplicantView>().result, 'passed');
      } finally {
        t.services.liveness.useAnalyser();
      }
      const links = await t.services.casework.links.list(caseworkActor, app.reference);
      assert.equal(links[0]?.status, 'Completed');
      assert.equal((await inject('GET', `/liveness/${token}`)).statusCode, 410);
      assert.equal((await inject('GET', `/liveness/${token}/state`)).json<ApplicantView>().state, 'passed');
      assert.equal((await inject('POST', `/liveness/${token}/attempts`)).statusCode, 409);
      const sessions = await inject('GET', `/api/v1/applications/${app.reference}/liveness-sessions`, validator);
      assert.equal(sessions.statusCode, 200, sessions.body);
      const [s] =
        sessions.json<(SessionView & { linkId: string; trustedSources: { source: string; documentId: string }[] })[]>();
      assert.equal(s?.status, 'PASSED');
      assert.equal(s?.linkId, link.id);
      assert.deepEqual(
        s?.trustedSources.map((x) => [x.source, x.documentId]),
        [['PROVIDED', doc.id]],
      );
      assert.equal((await inject('GET', `/liveness/${'y'.repeat(43)}/state`)).statusCode, 404);
    });
  });
});
