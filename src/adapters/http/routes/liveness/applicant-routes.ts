// The applicant's side, reached with the emailed link's token or an API session's client token: the page
// (GET /liveness/{token}), its state, starting an attempt set (the server picks the challenge order) and
// submitting the selfie and frame sequences (JSON with base64 frames, or multipart/form-data). Only plain results
// go back: passed / try again / could not complete. Token URLs are logged at warn level only.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { Services } from '../../../../app/services.ts';
import { invalid } from '../../../../app/casework/actor.ts';
import { formParts } from '../../multipart.ts';
import type { AttemptSubmission } from '../../../../app/liveness-session-types.ts';
import { ApplicantViewSchema, AttemptParams, BusySchema, SubmitBody, TokenParams, failures } from './schemas.ts';
import { applicantPage } from './page.ts';

const tags = ['liveness: applicant'];
const CHALLENGE_FIELDS = ['BLINK', 'NOD', 'SHAKE'] as const;
/** JSON bodies carry base64 frames: a whole attempt set fits well under this. */
export const SUBMIT_BODY_LIMIT = 40 * 1024 * 1024;

function decodeBase64(value: string, field: string): Buffer {
  const data = value.startsWith('data:') ? value.slice(value.indexOf(',') + 1) : value;
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data) || data.length % 4 !== 0) throw invalid(field, 'must be base64');
  return Buffer.from(data, 'base64');
}

function fromJson(body: Static<typeof SubmitBody>): AttemptSubmission {
  return {
    selfie: { image: decodeBase64(body.selfie.image, 'selfie.image') },
    captures: body.captures.map((c, i) => ({
      challenge: c.challenge,
      frames: c.frames.map((f, j) => ({ image: decodeBase64(f.image, `captures.${i}.frames.${j}.image`), tMs: f.tMs })),
    })),
  };
}

/** multipart/form-data: file `selfie`, files `BLINK` / `NOD` / `SHAKE` (frames in order), field `timestamps` =
 * JSON {"BLINK": [ms, …], …} with one time per frame. */
async function fromMultipart(request: FastifyRequest, services: Services): Promise<AttemptSubmission> {
  const limits = services.liveness.limits;
  let selfie: Buffer | undefined;
  const files = new Map<string, Buffer[]>();
  let timestamps: unknown;
  const parts = formParts(request, {
    limits: {
      fileSize: limits.maxImageBytes,
      files: 1 + 3 * limits.maxFramesPerChallenge,
      fields: 4,
      fieldSize: 64 * 1024,
    },
  });
  let total = 0;
  for await (const part of parts) {
    if (part.kind === 'file') {
      const content = part.content;
      if (part.truncated) throw invalid(part.fieldname, `an image is larger than ${limits.maxImageBytes} bytes`);
      total += content.byteLength;
      if (total > limits.maxAttemptBytes)
        throw invalid(part.fieldname, `the attempt is larger than ${limits.maxAttemptBytes} bytes`);
      if (part.fieldname === 'selfie') {
        if (selfie) throw invalid('selfie', 'only one selfie');
        selfie = content;
      } else if ((CHALLENGE_FIELDS as readonly string[]).includes(part.fieldname)) {
        const list = files.get(part.fieldname) ?? [];
        list.push(content);
        files.set(part.fieldname, list);
      } else throw invalid(part.fieldname, 'unknown file field; send selfie, BLINK, NOD or SHAKE');
    } else if (part.fieldname === 'timestamps') {
      try {
        timestamps = JSON.parse(part.value);
      } catch {
        throw invalid('timestamps', 'must be JSON: {"BLINK": [ms, …], …}');
      }
    } else throw invalid(part.fieldname, 'unknown field; send timestamps');
  }
  if (typeof timestamps !== 'object' || timestamps === null || Array.isArray(timestamps)) {
    throw invalid('timestamps', 'timestamps is required: {"BLINK": [ms, …], …}');
  }
  const times = timestamps as Record<string, unknown>;
  for (const key of Object.keys(times))
    if (!files.has(key)) throw invalid(`timestamps.${key}`, 'no frames were sent for this challenge');
  const captures = [...files.entries()].map(([challenge, images]) => {
    const t = times[challenge];
    if (!Array.isArray(t) || t.length !== images.length || !t.every((x) => typeof x === 'number')) {
      throw invalid(
        `timestamps.${challenge}`,
        `must list one time in ms for each of the ${images.length} ${challenge} frames`,
      );
    }
    return { challenge, frames: images.map((image, i) => ({ image, tMs: t[i] as number })) };
  });
  // in the order the client listed them in timestamps (the order it captured them)
  const order = Object.keys(times);
  captures.sort((a, b) => order.indexOf(a.challenge) - order.indexOf(b.challenge));
  return { selfie: selfie ? { image: selfie } : undefined, captures };
}

export const applicantRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    const use = services.liveness;
    const rateLimit = { max: 30, timeWindow: '1 minute' };

    app.get(
      '/liveness/:token',
      {
        logLevel: 'warn',
        schema: {
          tags,
          summary: 'The applicant’s liveness page (from the emailed link, or an API session’s pageUrl)',
          params: TokenParams,
        },
      },
      async (request, reply) => applicantPage(services, request.params.token, reply),
    );

    app.get(
      '/liveness/:token/state',
      {
        logLevel: 'warn',
        schema: {
          tags,
          summary: 'Where the applicant is: ready, try again, passed, could not complete; the open attempt set',
          params: TokenParams,
          response: { 200: ApplicantViewSchema, ...failures },
        },
      },
      async (request, reply) =>
        reply.header('cache-control', 'no-store').send(await use.applicantView(request.params.token)),
    );

    app.post(
      '/liveness/:token/attempts',
      {
        logLevel: 'warn',
        config: { rateLimit },
        schema: {
          tags,
          summary: 'Start an attempt set (or get the open one); the server chooses the challenge order',
          params: TokenParams,
          response: { 200: ApplicantViewSchema, ...failures },
        },
      },
      async (request) => use.startAttempt(request.params.token),
    );

    app.post(
      '/liveness/:token/attempts/:attemptId',
      {
        logLevel: 'warn',
        bodyLimit: SUBMIT_BODY_LIMIT,
        config: { rateLimit },
        schema: {
          tags,
          summary:
            'Submit the attempt set: the selfie and each challenge’s frames (JSON base64 or multipart: selfie, BLINK/NOD/SHAKE files, timestamps). Analysed inline.',
          params: AttemptParams,
          body: { content: { 'application/json': { schema: SubmitBody } } },
          consumes: ['application/json', 'multipart/form-data'],
          response: { 200: ApplicantViewSchema, ...failures, 503: BusySchema },
        },
      },
      async (request) => {
        if (!request.isMultipart() && (typeof request.body !== 'object' || request.body === null)) {
          throw invalid('(body)', 'send application/json or multipart/form-data');
        }
        const submission = request.isMultipart()
          ? await fromMultipart(request, services)
          : fromJson(request.body as Static<typeof SubmitBody>);
        return use.submitAttempt(request.params.token, request.params.attemptId, submission);
      },
    );
  };
