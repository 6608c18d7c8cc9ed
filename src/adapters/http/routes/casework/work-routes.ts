// Confirm Identity tasks, liveness check links, escalations, ceremony and the audit trail.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Services } from '../../../../app/services.ts';
import { officerActor } from './officer-auth.ts';
import { withLimit } from './application-routes.ts';
import {
  ApplicationPageQuery,
  ApplicationPageSchema,
  EscalationPageQuery,
  PickUpBody,
  ReassignBody,
  HolderSchema,
  HolderQuery,
  TaskPageQuery,
  TaskPageSchema,
  AuditEventSchema,
  ApplicationSchema,
  CeremonyBody,
  ClosedApplicationSchema,
  DecisionBody,
  EscalationParams,
  EscalationQuery,
  EscalationSchema,
  failures,
  LinkParams,
  LinkSchema,
  NewLinkBody,
  NotificationSchema,
  PrepareBody,
  RaiseBody,
  ReasonBody,
  RefParams,
  ResendBody,
  TaskParams,
  TaskSchema,
  OpenedRecordingSchema,
  ValidateBody,
  dto,
} from './schemas.ts';

const secured: { security: Record<string, string[]>[] } = { security: [{ officerSession: [] }, { officerToken: [] }] };

export const workRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    const cw = services.casework;
    const actor = (request: Parameters<typeof officerActor>[1]) => officerActor(services, request);

    // ---- Tasks -------------------------------------------------------------------------------------------
    const tasks = ['casework: tasks'];
    app.get(
      '/applications/:ref/tasks',
      {
        schema: {
          tags: tasks,
          summary: 'Confirm Identity tasks (three per person)',
          ...secured,
          params: RefParams,
          response: { 200: Type.Array(TaskSchema), ...failures },
        },
      },
      async (request) => dto(await cw.tasks.forApplication(await actor(request), request.params.ref)),
    );

    app.get(
      '/tasks/:taskId',
      {
        schema: {
          tags: tasks,
          summary: 'A task',
          ...secured,
          params: TaskParams,
          response: { 200: TaskSchema, ...failures },
        },
      },
      async (request) => dto(await cw.tasks.get(await actor(request), request.params.taskId)),
    );

    app.post(
      '/tasks/:taskId/prepare',
      {
        schema: {
          tags: tasks,
          summary: 'Prepare: outcome, criteria, comments, supporting evidence (case officer)',
          ...secured,
          params: TaskParams,
          body: PrepareBody,
          response: { 200: TaskSchema, ...failures },
        },
      },
      async (request) =>
        dto(
          await cw.tasks.command(await actor(request), request.params.taskId, { action: 'prepare', ...request.body }),
        ),
    );

    app.post(
      '/tasks/:taskId/recording/open',
      {
        schema: {
          tags: tasks,
          summary:
            'Open the liveness recording the preparer named; the task and the audit trail record who opened it and when',
          ...secured,
          params: TaskParams,
          response: { 200: OpenedRecordingSchema, ...failures },
        },
      },
      async (request) => dto(await cw.tasks.openRecording(await actor(request), request.params.taskId)),
    );

    app.post(
      '/tasks/:taskId/validate',
      {
        schema: {
          tags: tasks,
          summary: 'Validate (a validating officer who did not prepare it; four-eyes)',
          ...secured,
          params: TaskParams,
          body: ValidateBody,
          response: { 200: TaskSchema, ...failures },
        },
      },
      async (request) =>
        dto(
          await cw.tasks.command(await actor(request), request.params.taskId, {
            action: 'validate',
            ...(request.body?.comments ? { comments: request.body.comments } : {}),
          }),
        ),
    );

    app.post(
      '/tasks/:taskId/return',
      {
        schema: {
          tags: tasks,
          summary: 'Return to the preparer with a reason (four-eyes)',
          ...secured,
          params: TaskParams,
          body: ReasonBody,
          response: { 200: TaskSchema, ...failures },
        },
      },
      async (request) =>
        dto(
          await cw.tasks.command(await actor(request), request.params.taskId, {
            action: 'return',
            reason: request.body.reason,
          }),
        ),
    );

    app.post(
      '/tasks/:taskId/reopen',
      {
        schema: {
          tags: tasks,
          summary: 'Reopen a prepared or validated task (history kept)',
          ...secured,
          params: TaskParams,
          body: ReasonBody,
          response: { 200: TaskSchema, ...failures },
        },
      },
      async (request) =>
        dto(
          await cw.tasks.command(await actor(request), request.params.taskId, {
            action: 'reopen',
            reason: request.body.reason,
          }),
        ),
    );

    // ---- Work lists: keyset pages for the console's queues --------------------------------------------------
    const work = ['casework: work lists'];
    app.get(
      '/work/applications',
      {
        schema: {
          tags: work,
          summary: 'Applications by stage or owner, or found by reference, name and date of birth (keyset pages)',
          ...secured,
          querystring: ApplicationPageQuery,
          response: { 200: ApplicationPageSchema, ...failures },
        },
      },
      async (request) => cw.allocation.page(await actor(request), withLimit(request.query)),
    );

    app.post(
      '/work/applications/pick-up',
      {
        schema: {
          tags: work,
          summary: 'Pick up the next unassigned application (oldest submission first); a submitted one is allocated',
          ...secured,
          body: Type.Optional(PickUpBody),
          response: { 200: ApplicationSchema, ...failures },
        },
      },
      async (request) => cw.allocation.pickUpNext(await actor(request), request.body?.stage),
    );

    app.post(
      '/applications/:ref/pick-up',
      {
        schema: {
          tags: work,
          summary: 'Pick up this application (refused when another officer holds it)',
          ...secured,
          params: RefParams,
          response: { 200: ApplicationSchema, ...failures },
        },
      },
      async (request) => cw.allocation.pickUp(await actor(request), request.params.ref),
    );

    app.post(
      '/applications/:ref/reassign',
      {
        schema: {
          tags: work,
          summary:
            'Give the application and its unfinished tasks to another case officer, or back to the queue (team leader; audited)',
          ...secured,
          params: RefParams,
          body: ReassignBody,
          response: { 200: ApplicationSchema, ...failures },
        },
      },
      async (request) => cw.allocation.reassign(await actor(request), request.params.ref, request.body),
    );

    app.post(
      '/work/tasks/pick-up',
      {
        schema: {
          tags: work,
          summary: 'Pick up the next task nobody holds and nobody has prepared yet (oldest first)',
          ...secured,
          response: { 200: Type.Object({ ...TaskSchema.properties, applicationRef: Type.String() }), ...failures },
        },
      },
      async (request) => dto(await cw.allocation.pickUpNextTask(await actor(request))),
    );

    app.post(
      '/tasks/:taskId/reassign',
      {
        schema: {
          tags: work,
          summary: 'Give one task to another case officer, or back to the queue (team leader; audited)',
          ...secured,
          params: TaskParams,
          body: ReassignBody,
          response: { 200: TaskSchema, ...failures },
        },
      },
      async (request) =>
        dto(await cw.allocation.reassignTask(await actor(request), request.params.taskId, request.body)),
    );

    app.get(
      '/work/holders',
      {
        schema: {
          tags: work,
          summary:
            'The officers work can be given to: active case officers, or (role validating-officer) validating officers (team leader)',
          ...secured,
          querystring: HolderQuery,
          response: { 200: Type.Array(HolderSchema), ...failures },
        },
      },
      async (request) => cw.allocation.holders(await actor(request), request.query.role),
    );

    app.post(
      '/work/validation/pick-up',
      {
        schema: {
          tags: work,
          summary:
            'Pick up the next prepared task to validate: the oldest nobody is validating, never one you prepared (four-eyes)',
          ...secured,
          response: { 200: Type.Object({ ...TaskSchema.properties, applicationRef: Type.String() }), ...failures },
        },
      },
      async (request) => dto(await cw.allocation.pickUpNextValidation(await actor(request))),
    );

    app.post(
      '/tasks/:taskId/reassign-validation',
      {
        schema: {
          tags: work,
          summary:
            "Give a prepared task's validation to another validating officer (never its preparer), or back to the validation queue (team leader; audited)",
          ...secured,
          params: TaskParams,
          body: ReassignBody,
          response: { 200: TaskSchema, ...failures },
        },
      },
      async (request) =>
        dto(await cw.allocation.reassignValidation(await actor(request), request.params.taskId, request.body)),
    );

    app.get(
      '/work/tasks',
      {
        schema: {
          tags: work,
          summary:
            "Task queues: mine (held to prepare and not yet validated, or picked up to validate) or validation (prepared by someone else, not picked up by another validator); officerId: another officer's (team leader)",
          ...secured,
          querystring: TaskPageQuery,
          response: { 200: TaskPageSchema, ...failures },
        },
      },
      async (request) => dto(await cw.tasks.queue(await actor(request), withLimit(request.query))),
    );

    app.get(
      '/work/escalations',
      {
        schema: {
          tags: work,
          summary:
            "The ID Proofing Experts Group's escalations (keyset pages; applicationRef: one application's, any status)",
          ...secured,
          querystring: EscalationPageQuery,
          response: {
            200: Type.Object({
              items: Type.Array(EscalationSchema),
              nextCursor: Type.Union([Type.String(), Type.Null()]),
            }),
            ...failures,
          },
        },
      },
      async (request) => dto(await cw.escalations.page(await actor(request), withLimit(request.query))),
    );

    // ---- Liveness check links ------------------------------------------------------------------------------
    const links = ['casework: liveness links'];
    app.get(
      '/applications/:ref/liveness-links',
      {
        schema: {
          tags: links,
          summary: 'Liveness check links of an application',
          ...secured,
          params: RefParams,
          response: { 200: Type.Array(LinkSchema), ...failures },
        },
      },
      async (request) => cw.links.list(await actor(request), request.params.ref),
    );

    app.post(
      '/applications/:ref/liveness-links',
      {
        schema: {
          tags: links,
          summary: '"+ New Liveness Check" → Save (relationship, person, email; not sent yet)',
          ...secured,
          params: RefParams,
          body: NewLinkBody,
          response: { 201: LinkSchema, ...failures },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await cw.links.create(await actor(request), request.params.ref, request.body)),
    );

    app.post(
      '/applications/:ref/liveness-links/copy-parent-check',
      {
        // BR-17
        schema: {
          tags: links,
          summary:
            "Copy the consenting parent's completed liveness check (from their own application, when they applied at the same time) to this child's application; the evidence is shared by reference",
          ...secured,
          params: RefParams,
          response: { 201: LinkSchema, ...failures },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await cw.links.copyParentCheck(await actor(request), request.params.ref)),
    );

    app.get(
      '/liveness-links/:linkId',
      {
        schema: {
          tags: links,
          summary: 'A liveness check link (status Active / Completed / Expired; null until sent)',
          ...secured,
          params: LinkParams,
          response: { 200: LinkSchema, ...failures },
        },
      },
      async (request) => cw.links.get(await actor(request), request.params.linkId),
    );

    app.post(
      '/liveness-links/:linkId/send',
      {
        schema: {
          tags: links,
          summary: '"Send Liveness": emails a single-use link valid 24 hours',
          ...secured,
          params: LinkParams,
          response: { 200: LinkSchema, ...failures },
        },
      },
      async (request) => cw.links.send(await actor(request), request.params.linkId),
    );

    app.post(
      '/liveness-links/:linkId/resend',
      {
        schema: {
          tags: links,
          summary: 'Resend: a new link is sent and the old one expires',
          ...secured,
          params: LinkParams,
          body: Type.Optional(ResendBody),
          response: { 201: LinkSchema, ...failures },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await cw.links.resend(await actor(request), request.params.linkId, request.body?.email)),
    );

    // ---- Escalations -----------------------------------------------------------------------------------------
    const esc = ['casework: escalations'];
    app.post(
      '/escalations',
      {
        schema: {
          tags: esc,
          summary: 'Escalate to the ID Proofing Experts Group (ID experts group template)',
          ...secured,
          body: RaiseBody,
          response: { 201: EscalationSchema, ...failures },
        },
      },
      async (request, reply) =>
        reply.status(201).send(dto(await cw.escalations.raise(await actor(request), request.body))),
    );

    app.get(
      '/escalations',
      {
        schema: {
          tags: esc,
          summary: 'The queue (for the meeting on meetingOn, a Wednesday; default all queued)',
          ...secured,
          querystring: EscalationQuery,
          response: { 200: Type.Array(EscalationSchema), ...failures },
        },
      },
      async (request) => dto(await cw.escalations.queue(await actor(request), request.query.meetingOn)),
    );

    app.get(
      '/escalations/:escalationId',
      {
        schema: {
          tags: esc,
          summary: 'An escalation',
          ...secured,
          params: EscalationParams,
          response: { 200: EscalationSchema, ...failures },
        },
      },
      async (request) => dto(await cw.escalations.get(await actor(request), request.params.escalationId)),
    );

    app.post(
      '/escalations/:escalationId/decision',
      {
        schema: {
          tags: esc,
          summary: "Record the group's decision (ID proofing expert, not the raiser, on or after the meeting)",
          ...secured,
          params: EscalationParams,
          body: DecisionBody,
          response: { 200: EscalationSchema, ...failures },
        },
      },
      async (request) =>
        dto(await cw.escalations.decide(await actor(request), request.params.escalationId, request.body)),
    );

    // ---- Ceremony ----------------------------------------------------------------------------------------
    const cer = ['casework: ceremony'];
    app.put(
      '/applications/:ref/ceremony',
      {
        schema: {
          tags: cer,
          summary: 'Record the ceremony date and whether the oath was taken',
          ...secured,
          params: RefParams,
          body: CeremonyBody,
          response: { 200: ApplicationSchema, ...failures },
        },
      },
      async (request) => cw.ceremonies.record(await actor(request), request.params.ref, request.body),
    );

    app.post(
      '/applications/:ref/ceremony/close',
      {
        schema: {
          tags: cer,
          summary: 'Close the ceremony: the application closes and INZ is notified 7 days later, once',
          ...secured,
          params: RefParams,
          response: { 200: ClosedApplicationSchema, ...failures },
        },
      },
      async (request) => cw.ceremonies.close(await actor(request), request.params.ref),
    );

    app.get(
      '/applications/:ref/notifications',
      {
        schema: {
          tags: cer,
          summary: 'INZ notifications of an application',
          ...secured,
          params: RefParams,
          response: { 200: Type.Array(NotificationSchema), ...failures },
        },
      },
      async (request) => cw.ceremonies.notificationsFor(await actor(request), request.params.ref),
    );

    // ---- Audit --------------------------------------------------------------------------------------------
    app.get(
      '/applications/:ref/audit',
      {
        schema: {
          tags: ['casework: audit'],
          summary: "The case's append-only audit trail, oldest first",
          ...secured,
          params: RefParams,
          response: { 200: Type.Array(AuditEventSchema), ...failures },
        },
      },
      async (request) => cw.audit.forApplication(await actor(request), request.params.ref),
    );
  };
