// Confirm Identity tasks, liveness check links, escalations, ceremony and the audit trail.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Services } from '../../../../app/services.ts';
import { officerActor } from './officer-auth.ts';
import { officerRoute, secured } from './officer-route.ts';
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

/** A task an officer has just picked up, with its application's reference. */
const PickedUpTaskSchema = Type.Object({ ...TaskSchema.properties, applicationRef: Type.String() });

export const workRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    const cw = services.casework;
    const actor = (request: Parameters<typeof officerActor>[1]) => officerActor(services, request);

    // ---- Tasks -------------------------------------------------------------------------------------------
    const tasks = ['casework: tasks'];
    app.get(
      '/applications/:ref/tasks',
      officerRoute(tasks, 'Confirm Identity tasks (three per person)', { params: RefParams }, Type.Array(TaskSchema)),
      async (request) => dto(await cw.tasks.forApplication(await actor(request), request.params.ref)),
    );

    app.get('/tasks/:taskId', officerRoute(tasks, 'A task', { params: TaskParams }, TaskSchema), async (request) =>
      dto(await cw.tasks.get(await actor(request), request.params.taskId)),
    );

    app.post(
      '/tasks/:taskId/prepare',
      officerRoute(
        tasks,
        'Prepare: outcome, criteria, comments, supporting evidence (case officer)',
        { params: TaskParams, body: PrepareBody },
        TaskSchema,
      ),
      async (request) =>
        dto(
          await cw.tasks.command(await actor(request), request.params.taskId, { action: 'prepare', ...request.body }),
        ),
    );

    app.post(
      '/tasks/:taskId/recording/open',
      officerRoute(
        tasks,
        'Open the liveness recording the preparer named; the task and the audit trail record who opened it and when',
        { params: TaskParams },
        OpenedRecordingSchema,
      ),
      async (request) => dto(await cw.tasks.openRecording(await actor(request), request.params.taskId)),
    );

    app.post(
      '/tasks/:taskId/validate',
      officerRoute(
        tasks,
        'Validate (a validating officer who did not prepare it; four-eyes)',
        { params: TaskParams, body: ValidateBody },
        TaskSchema,
      ),
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
      officerRoute(
        tasks,
        'Return to the preparer with a reason (four-eyes)',
        { params: TaskParams, body: ReasonBody },
        TaskSchema,
      ),
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
      officerRoute(
        tasks,
        'Reopen a prepared or validated task (history kept)',
        { params: TaskParams, body: ReasonBody },
        TaskSchema,
      ),
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
      officerRoute(
        work,
        'Applications by stage or owner, or found by reference, name and date of birth (keyset pages)',
        { querystring: ApplicationPageQuery },
        ApplicationPageSchema,
      ),
      async (request) => cw.allocation.page(await actor(request), withLimit(request.query)),
    );

    app.post(
      '/work/applications/pick-up',
      officerRoute(
        work,
        'Pick up the next unassigned application (oldest submission first); a submitted one is allocated',
        { body: Type.Optional(PickUpBody) },
        ApplicationSchema,
      ),
      async (request) => cw.allocation.pickUpNext(await actor(request), request.body?.stage),
    );

    app.post(
      '/applications/:ref/pick-up',
      officerRoute(
        work,
        'Pick up this application (refused when another officer holds it)',
        { params: RefParams },
        ApplicationSchema,
      ),
      async (request) => cw.allocation.pickUp(await actor(request), request.params.ref),
    );

    app.post(
      '/applications/:ref/reassign',
      officerRoute(
        work,
        'Give the application and its unfinished tasks to another case officer, or back to the queue (team leader; audited)',
        { params: RefParams, body: ReassignBody },
        ApplicationSchema,
      ),
      async (request) => cw.allocation.reassign(await actor(request), request.params.ref, request.body),
    );

    app.post(
      '/work/tasks/pick-up',
      officerRoute(
        work,
        'Pick up the next task nobody holds and nobody has prepared yet (oldest first)',
        {},
        PickedUpTaskSchema,
      ),
      async (request) => dto(await cw.allocation.pickUpNextTask(await actor(request))),
    );

    app.post(
      '/tasks/:taskId/reassign',
      officerRoute(
        work,
        'Give one task to another case officer, or back to the queue (team leader; audited)',
        { params: TaskParams, body: ReassignBody },
        TaskSchema,
      ),
      async (request) =>
        dto(await cw.allocation.reassignTask(await actor(request), request.params.taskId, request.body)),
    );

    app.get(
      '/work/holders',
      officerRoute(
        work,
        'The officers work can be given to: active case officers, or (role validating-officer) validating officers (team leader)',
        { querystring: HolderQuery },
        Type.Array(HolderSchema),
      ),
      async (request) => cw.allocation.holders(await actor(request), request.query.role),
    );

    app.post(
      '/work/validation/pick-up',
      officerRoute(
        work,
        'Pick up the next prepared task to validate: the oldest nobody is validating, never one you prepared (four-eyes)',
        {},
        PickedUpTaskSchema,
      ),
      async (request) => dto(await cw.allocation.pickUpNextValidation(await actor(request))),
    );

    app.post(
      '/tasks/:taskId/reassign-validation',
      officerRoute(
        work,
        "Give a prepared task's validation to another validating officer (never its preparer), or back to the validation queue (team leader; audited)",
        { params: TaskParams, body: ReassignBody },
        TaskSchema,
      ),
      async (request) =>
        dto(await cw.allocation.reassignValidation(await actor(request), request.params.taskId, request.body)),
    );

    app.get(
      '/work/tasks',
      officerRoute(
        work,
        "Task queues: mine (held to prepare and not yet validated, or picked up to validate) or validation (prepared by someone else, not picked up by another validator); officerId: another officer's (team leader)",
        { querystring: TaskPageQuery },
        TaskPageSchema,
      ),
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
      officerRoute(links, 'Liveness check links of an application', { params: RefParams }, Type.Array(LinkSchema)),
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
      officerRoute(
        links,
        'A liveness check link (status Active / Completed / Expired; null until sent)',
        { params: LinkParams },
        LinkSchema,
      ),
      async (request) => cw.links.get(await actor(request), request.params.linkId),
    );

    app.post(
      '/liveness-links/:linkId/send',
      officerRoute(
        links,
        '"Send Liveness": emails a single-use link valid 24 hours',
        { params: LinkParams },
        LinkSchema,
      ),
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
      officerRoute(
        esc,
        'The queue (for the meeting on meetingOn, a Wednesday; default all queued)',
        { querystring: EscalationQuery },
        Type.Array(EscalationSchema),
      ),
      async (request) => dto(await cw.escalations.queue(await actor(request), request.query.meetingOn)),
    );

    app.get(
      '/escalations/:escalationId',
      officerRoute(esc, 'An escalation', { params: EscalationParams }, EscalationSchema),
      async (request) => dto(await cw.escalations.get(await actor(request), request.params.escalationId)),
    );

    app.post(
      '/escalations/:escalationId/decision',
      officerRoute(
        esc,
        "Record the group's decision (ID proofing expert, not the raiser, on or after the meeting)",
        { params: EscalationParams, body: DecisionBody },
        EscalationSchema,
      ),
      async (request) =>
        dto(await cw.escalations.decide(await actor(request), request.params.escalationId, request.body)),
    );

    // ---- Ceremony ----------------------------------------------------------------------------------------
    const cer = ['casework: ceremony'];
    app.put(
      '/applications/:ref/ceremony',
      officerRoute(
        cer,
        'Record the ceremony date and whether the oath was taken',
        { params: RefParams, body: CeremonyBody },
        ApplicationSchema,
      ),
      async (request) => cw.ceremonies.record(await actor(request), request.params.ref, request.body),
    );

    app.post(
      '/applications/:ref/ceremony/close',
      officerRoute(
        cer,
        'Close the ceremony: the application closes and INZ is notified 7 days later, once',
        { params: RefParams },
        ClosedApplicationSchema,
      ),
      async (request) => cw.ceremonies.close(await actor(request), request.params.ref),
    );

    app.get(
      '/applications/:ref/notifications',
      officerRoute(cer, 'INZ notifications of an application', { params: RefParams }, Type.Array(NotificationSchema)),
      async (request) => cw.ceremonies.notificationsFor(await actor(request), request.params.ref),
    );

    // ---- Audit --------------------------------------------------------------------------------------------
    app.get(
      '/applications/:ref/audit',
      officerRoute(
        ['casework: audit'],
        "The case's append-only audit trail, oldest first",
        { params: RefParams },
        Type.Array(AuditEventSchema),
      ),
      async (request) => cw.audit.forApplication(await actor(request), request.params.ref),
    );
  };
