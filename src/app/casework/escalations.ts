// Escalation to the ID Proofing Experts Group (BR-26): the template, the weekly (Wednesday) queue and the
// recorded decision, by the domain's raiseEscalation / reviewQueue / recordEscalationDecision. Raising moves
// the person's task to "escalated" and the decision returns it to "open" for the officer to prepare.
import { randomUUID } from 'node:crypto';
import { decodeCursor } from '../keyset.ts';
import { CASEWORK_CURSOR, pageSize, toPage, type Page } from './keyset.ts';
import {
  can,
  escalationAlreadyOpen,
  escalationFollowsGrid,
  nextProofingStep,
  raiseEscalation,
  recordEscalationDecision,
  reviewQueue,
  type Escalation,
  type EscalationOutcome,
  type EscalationStatus,
  type EscalationTemplate,
  type IdentityTaskKind,
  type ProofingEvidence,
  type ProofingOption,
} from '../../domain/casework/index.ts';
import type { Db } from '../ports/database.ts';
import { applicationByReference } from './application-store.ts';
import {
  escalationById,
  escalationRows,
  insertEscalation,
  lockPersonTask,
  openEscalationOfTask,
  personOnApplication,
  queuedEscalations,
  taskState,
  updateEscalation,
  type EscalationRow,
} from './escalation-store.ts';
import type { Clock } from '../clock.ts';
import { appendAudit, auditActor } from './audit.ts';
import { authorize, invalid, notFound, nzDate, type Actor } from './actor.ts';
import { ruleError } from './rule-errors.ts';
import { OfficerDirectory } from './officer-directory.ts';
import type { Tasks } from './tasks.ts';
import { evidenceOnFile } from './identity-proofing.ts';

export interface RaiseInput {
  applicationRef: string;
  personId: string;
  task: IdentityTaskKind;
  gridColumn: number | null;
  evidence: ProofingEvidence;
  optionsTried: ProofingOption[];
  caseSummary: string;
  recommendation: string;
}

export interface EscalationView extends Escalation {
  applicationRef: string;
  taskId: string | null;
  /** The officers by name and email (ids stay the keys). */
  raisedByName: string;
  raisedByEmail: string | null;
  decidedByName: string | null;
  decidedByEmail: string | null;
}

/** The officers an escalation names: who raised it and who recorded the decision. */
function officersOf(rows: readonly EscalationRow[]): (string | null)[] {
  return rows.flatMap((r) => [r.raised_by, r.decision?.decidedBy ?? null]);
}

function toDomain(r: EscalationRow): Escalation {
  return {
    id: r.escalation_id,
    template: r.template,
    raisedBy: r.raised_by,
    raisedOn: r.raised_on,
    reviewOn: r.review_on,
    status: r.status,
    decision: r.decision,
  };
}

export class Escalations {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly tasks: Tasks,
  ) {}

  private async views(rows: readonly EscalationRow[]): Promise<EscalationView[]> {
    const officers = await OfficerDirectory.of(this.db, officersOf(rows));
    return rows.map((r) => {
      const e = toDomain(r);
      const decidedBy = e.decision?.decidedBy ?? null;
      return {
        ...e,
        applicationRef: e.template.applicationRef,
        taskId: r.task_id,
        raisedByName: officers.name(e.raisedBy),
        raisedByEmail: officers.email(e.raisedBy),
        decidedByName: officers.name(decidedBy),
        decidedByEmail: officers.email(decidedBy),
      };
    });
  }

  private async view(r: EscalationRow): Promise<EscalationView> {
    const [view] = await this.views([r]);
    if (!view) throw notFound('escalation', r.escalation_id);
    return view;
  }

  async raise(actor: Actor, input: RaiseInput): Promise<EscalationView> {
    authorize(actor, 'escalation.raise');
    const id = randomUUID();
    await this.db.transaction().execute(async (tx) => {
      const a = await applicationByReference(tx, input.applicationRef);
      const person = await personOnApplication(tx, a.application_id, input.personId);
      if (!person) throw invalid('personId', 'personId is not a person on this application');
      // The task row is locked first, so two officers escalating the same task at once raise one question.
      const task = await lockPersonTask(tx, input.personId, input.task);
      const open = task ? await openEscalationOfTask(tx, task.task_id) : undefined;
      const once = escalationAlreadyOpen(open);
      if (!once.ok) throw ruleError(once.error);
      let { evidence, gridColumn } = input;
      if (input.task === 'identity-is-bound') {
        // The grid decides, on the evidence on file (the template records that evidence, not the raiser's).
        evidence = await evidenceOnFile(tx, a, input.personId);
        const step = nextProofingStep({
          ...evidence,
          submittedOn: a.submitted_on ?? nzDate(this.clock.now()),
          optionsExhausted: input.optionsTried.length > 0,
          livenessDeclined: true,
        });
        const follows = escalationFollowsGrid(step);
        if (!follows.ok) throw ruleError(follows.error, 'optionsTried');
        gridColumn = step.column;
      }
      const template: EscalationTemplate = {
        applicationRef: input.applicationRef,
        personId: input.personId,
        personName: `${person.given_names} ${person.family_name}`.trim(),
        task: input.task,
        gridColumn,
        evidence,
        optionsTried: input.optionsTried,
        caseSummary: input.caseSummary,
        recommendation: input.recommendation,
      };
      const now = this.clock.now();
      const raised = raiseEscalation(id, template, { id: actor.officerId, roles: actor.roles }, nzDate(now));
      if (!raised.ok) throw ruleError(raised.error);
      const e = raised.value;
      await insertEscalation(tx, {
        escalation_id: id,
        application_id: a.application_id,
        person_id: input.personId,
        task_id: task?.task_id ?? null,
        template: JSON.stringify(e.template),
        raised_by: e.raisedBy,
        raised_on: e.raisedOn,
        review_on: e.reviewOn,
        status: e.status,
        decision: null,
      });
      if (task && (task.state === 'open' || task.state === 'returned')) {
        await this.tasks.commandIn(tx, actor, task.task_id, { action: 'escalate', escalationId: id });
      }
      await appendAudit(tx, now, {
        ...auditActor(actor),
        applicationId: a.application_id,
        action: 'escalation.raise',
        entity: 'escalation',
        entityId: id,
        after: { status: e.status, reviewOn: e.reviewOn, gridColumn: e.template.gridColumn, task: e.template.task },
      });
    });
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<EscalationView> {
    this.mayRead(actor);
    const r = await escalationById(this.db, id);
    if (!r) throw notFound('escalation', id);
    return this.view(r);
  }

  /**
   * A page of escalations, keyset by the day raised: the group's queue (status queued, oldest first) or, with
   * applicationRef, one application's escalations of any status (read-only on its record).
   */
  async page(
    actor: Actor,
    query: {
      applicationRef?: string;
      status?: EscalationStatus;
      sort?: 'oldest' | 'newest';
      cursor?: string;
      limit?: number;
    },
  ): Promise<Page<EscalationView>> {
    this.mayReadOrCasework(actor, query.applicationRef !== undefined);
    const size = pageSize(query.limit);
    const after = decodeCursor(CASEWORK_CURSOR, query.cursor, 'cursor');
    const direction = query.sort === 'newest' ? 'desc' : 'asc';
    const applicationId =
      query.applicationRef === undefined
        ? undefined
        : (await applicationByReference(this.db, query.applicationRef)).application_id;
    const rows = await escalationRows(this.db, {
      ...(query.status ? { status: query.status } : {}),
      ...(applicationId !== undefined ? { applicationId } : {}),
      after,
      direction,
      rows: size + 1,
    });
    const page = toPage(
      rows,
      size,
      (r) => ({ value: r.sort_key, id: r.escalation_id }),
      (r) => r,
    );
    return { ...page, items: await this.views(page.items) };
  }

  /** Officers who may read the application may see its escalations on the record; the queue is the group's and raisers'. */
  private mayReadOrCasework(actor: Actor, onRecord: boolean): void {
    if (onRecord && can(actor.roles, 'application.read')) return;
    this.mayRead(actor);
  }

  /** The queue for the meeting on `meetingOn` (default: the next meeting's queue, i.e. everything queued). */
  async queue(actor: Actor, meetingOn?: string): Promise<EscalationView[]> {
    this.mayRead(actor);
    const rows = await queuedEscalations(this.db);
    const byId = new Map(rows.map((r) => [r.escalation_id, r]));
    const due = meetingOn ? reviewQueue(rows.map(toDomain), meetingOn) : reviewQueue(rows.map(toDomain), '9999-12-31');
    return this.views(
      due.flatMap((e) => {
        const r = byId.get(e.id);
        return r ? [r] : [];
      }),
    );
  }

  async decide(
    actor: Actor,
    id: string,
    decision: { outcome: EscalationOutcome; rationale: string },
  ): Promise<EscalationView> {
    authorize(actor, 'escalation.decide');
    await this.db.transaction().execute(async (tx) => {
      const r = await escalationById(tx, id, true);
      if (!r) throw notFound('escalation', id);
      const now = this.clock.now();
      const decided = recordEscalationDecision(
        toDomain(r),
        decision,
        { id: actor.officerId, roles: actor.roles },
        nzDate(now),
      );
      if (!decided.ok) throw ruleError(decided.error, 'rationale');
      await updateEscalation(tx, id, {
        status: decided.value.status,
        decision: JSON.stringify(decided.value.decision),
      });
      if (r.task_id) {
        if ((await taskState(tx, r.task_id)) === 'escalated') {
          await this.tasks.commandIn(tx, actor, r.task_id, {
            action: 'resolve-escalation',
            decisionNote: `${decision.outcome}: ${decision.rationale}`,
          });
        }
      }
      await appendAudit(tx, now, {
        ...auditActor(actor),
        applicationId: r.application_id,
        action: 'escalation.decide',
        entity: 'escalation',
        entityId: id,
        before: { status: r.status },
        after: { status: decided.value.status, decision: decided.value.decision },
      });
    });
    return this.get(actor, id);
  }

  private mayRead(actor: Actor): void {
    authorize(actor, 'escalation.read');
  }

  /** Every queued escalation (for a drill's meeting queue; no officer involved). */
  async queued(): Promise<Escalation[]> {
    const rows = await queuedEscalations(this.db);
    return rows.map(toDomain);
  }
}
