// Officers and integrations (session cookie or officer API token): create a session by API, read results, and
// the evidence (selfie, every frame, best frames, tracks, trusted source faces). 401 without credentials, 403
// for a role that may not read documents.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../../../app/services.ts';
import type { Config } from '../../../../config/config.ts';
import { officerActor } from '../casework/officer-auth.ts';
import { invalid } from '../../../../app/casework/actor.ts';
import {
  BestFrameParams,
  CreatedSessionSchema,
  FrameParams,
  NewSessionBody,
  RefParams,
  SessionAttemptParams,
  SessionParams,
  SessionSchema,
  SourceParams,
  failures,
} from './schemas.ts';
import { secured } from '../casework/officer-route.ts';

const tags = ['liveness: sessions'];

function image(reply: FastifyReply, r: { contentType: string; content: Uint8Array }): FastifyReply {
  return reply
    .header('content-type', r.contentType)
    .header('content-disposition', 'inline')
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(r.content));
}

const ImageResponse = { 200: Type.Unknown({ description: 'image/jpeg or image/png' }), ...failures };

export const officerLivenessRoutes =
  (services: Services, config: Config): FastifyPluginAsyncTypebox =>
  async (app) => {
    const use = services.liveness;
    const actor = (request: FastifyRequest) => officerActor(services, request);

    app.post(
      '/liveness/sessions',
      {
        bodyLimit: 4 * 1024 * 1024,
        schema: {
          tags,
          ...secured,
          summary:
            'Create a liveness session for a person (casework person, or your own subjectReference) with trusted source faces by documentId or base64 image; PROVIDED (application photo) is required',
          body: NewSessionBody,
          response: { 201: CreatedSessionSchema, ...failures },
        },
      },
      async (request, reply) => {
        const who = await actor(request);
        const body = request.body;
        const trustedSources = body.trustedSources?.map((s, i) => {
          let decoded: Buffer | undefined;
          if (s.image !== undefined) {
            const data = s.image.startsWith('data:') ? s.image.slice(s.image.indexOf(',') + 1) : s.image;
            if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data) || data.length % 4 !== 0)
              throw invalid(`trustedSources.${i}.image`, 'must be base64');
            decoded = Buffer.from(data, 'base64');
          }
          return {
            source: s.source,
            ...(s.documentId !== undefined ? { documentId: s.documentId } : {}),
            ...(decoded ? { image: decoded } : {}),
          };
        });
        const created = await use.create(who, {
          applicationReference: body.applicationReference,
          personId: body.personId,
          subjectReference: body.subjectReference,
          trustedSources,
        });
        const base = (config.PONO_PUBLIC_URL ?? `${request.protocol}://${request.host}`).replace(/\/$/, '');
        return reply
          .status(201)
          .header('cache-control', 'no-store')
          .send({ session: created.session, clientToken: created.clientToken, pageUrl: `${base}${created.pagePath}` });
      },
    );

    app.get(
      '/liveness/sessions/:sessionId',
      {
        schema: {
          tags,
          ...secured,
          summary: 'A session: status, attempts, Evaluation and Faces rows, challenge results',
          params: SessionParams,
          response: { 200: SessionSchema, ...failures },
        },
      },
      async (request) => use.get(await actor(request), request.params.sessionId),
    );

    app.get(
      '/applications/:ref/liveness-sessions',
      {
        schema: {
          tags,
          ...secured,
          summary: 'The liveness sessions of an application',
          params: RefParams,
          response: { 200: Type.Array(SessionSchema), ...failures },
        },
      },
      async (request) => use.list(await actor(request), request.params.ref),
    );

    app.get(
      '/liveness/sessions/:sessionId/attempts/:number/selfie',
      {
        schema: {
          tags,
          ...secured,
          summary: 'The selfie of an attempt set',
          params: SessionAttemptParams,
          response: ImageResponse,
        },
      },
      async (request, reply) =>
        image(
          reply,
          await use.frame(await actor(request), request.params.sessionId, Number(request.params.number), 'SELFIE', 0),
        ),
    );

    app.get(
      '/liveness/sessions/:sessionId/attempts/:number/frames/:challenge/:index',
      {
        schema: {
          tags,
          ...secured,
          summary: 'One recorded frame of a challenge',
          params: FrameParams,
          response: ImageResponse,
        },
      },
      async (request, reply) =>
        image(
          reply,
          await use.frame(
            await actor(request),
            request.params.sessionId,
            Number(request.params.number),
            request.params.challenge,
            Number(request.params.index),
          ),
        ),
    );

    const chosenFrames = {
      best: 'The challenge’s best frame (frontal, eyes open)',
      evidence: 'The frame that shows the movement (blink trough, nod or shake peak)',
    } as const;
    for (const which of ['best', 'evidence'] as const) {
      app.get(
        `/liveness/sessions/:sessionId/attempts/:number/${which}-frames/:challenge`,
        {
          schema: { tags, ...secured, summary: chosenFrames[which], params: BestFrameParams, response: ImageResponse },
        },
        async (request, reply) =>
          image(
            reply,
            await use.chosenFrame(
              await actor(request),
              request.params.sessionId,
              Number(request.params.number),
              request.params.challenge,
              which,
            ),
          ),
      );
    }

    app.get(
      '/liveness/sessions/:sessionId/attempts/:number/tracks',
      {
        schema: {
          tags,
          ...secured,
          summary: 'Per-frame tracks (time, boxes, yaw/pitch/roll, eye points) of an attempt set',
          params: SessionAttemptParams,
          response: { 200: Type.Array(Type.Object({}, { additionalProperties: true })), ...failures },
        },
      },
      async (request, reply) =>
        reply
          .header('cache-control', 'private, no-store')
          .send(await use.tracks(await actor(request), request.params.sessionId, Number(request.params.number))),
    );

    app.get(
      '/liveness/sessions/:sessionId/trusted-sources/:source',
      {
        schema: {
          tags,
          ...secured,
          summary: 'A trusted source face of the session',
          params: SourceParams,
          response: ImageResponse,
        },
      },
      async (request, reply) =>
        image(reply, await use.trustedSource(await actor(request), request.params.sessionId, request.params.source)),
    );
  };
