// Who gives liveness on an application (domain livenessResponsibility with the configured
// childTurns14Policy), applying the policy when a child turned 14 during processing, and the identity
// proofing grid decision (domain nextProofingStep) from the evidence on file or as the officer states it.
import {
  DEFAULT_LIVENESS_POLICY,
  livenessResponsibility,
  nextProofingStep,
  PARTY_EVIDENCE,
  secondaryConsentRequired,
  bracketOn,
  type LivenessPolicy,
  type LivenessResponsibility,
  type PartyEvidence,
  type ProofingEvidence,
  type ProofingStep,
  livenessCounts,
  noRecordsReason,
  rowToDomainAssessment,
  type Stage,
} from '../../domain/casework/index.ts';
import type { Db } from '../ports/database.ts';
import type { Clock } from '../clock.ts';
import { appendAudit, auditActor } from './audit.ts';
import { authorize, conflict, invalid, nzDate, type Actor } from './actor.ts';
import type { Applications } from './applications.ts';
import type { Tasks } from './tasks.ts';
import { documentKindsFor, documentsOfKind, peopleOf } from './application-store.ts';
import { completedApplicantLink, hasCompletedLink } from './liveness-link-store.ts';
import { identityIsBoundTask } from './task-store.ts';

export interface PartyLiveness {
  personId: string;
  relationship: string;
  evidence: PartyEvidence;
}

export interface LivenessPlan {
  subjectPersonId: string;
  processingOn: string;
  policy: LivenessPolicy;
  responsibility: LivenessResponsibility;
  secondaryConsentRequired: boolean;
  parties: PartyLiveness[];
}

export interface ProofingDecision {
  personId: string;
  evidence: ProofingEvidence;
  step: ProofingStep;
}

const REVERTIBLE: readonly Stage[] = ['application-processing', 'decision'];

export class IdentityProofing {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly applications: Applications,
    private readonly tasks: Tasks,
    private readonly policy: LivenessPolicy,
  ) {}

  private async context(db: Db, reference: string) {
    const a = await this.applications.row(db, reference);
    if (!a.submitted_on) throw conflict('the application has not been submitted', 'NOT_SUBMITTED');
    const people = await peopleOf(db, a.application_id);
    const subject = people.find((p) => p.relationship === 'applicant');
    if (!subject) throw conflict('the application has no subject person', 'NO_APPLICANT');
    return { a, people, subject, submittedOn: a.submitted_on };
  }

  /** The consenting parent's check: on this application, or in the parent's own application (BR-17). */
  private async parentCheckOnFile(db: Db, personId: string, ownApplicationRef: string | null): Promise<boolean> {
    if (await hasCompletedLink(db, personId)) return true;
    if (!ownApplicationRef) return false;
    return (await completedApplicantLink(db, ownApplicationRef)) !== undefined;
  }

  async plan(actor: Actor, reference: string, db: Db = this.db): Promise<LivenessPlan> {
    authorize(actor, 'application.read');
    const { a, people, subject, submittedOn } = await this.context(db, reference);
    const parent = people.find((p) => p.relationship === 'consenting-parent');
    const processingOn = nzDate(this.clock.now());
    const responsibility = livenessResponsibility({
      subjectDateOfBirth: subject.date_of_birth,
      submittedOn,
      processingOn,
      subjectCheckOnFile: await hasCompletedLink(db, subject.person_id),
      ...(parent
        ? {
            consentingParent: {
              appliedAtSameTime: parent.applied_at_same_time === true,
              checkOnFile: await this.parentCheckOnFile(db, parent.person_id, parent.own_application_ref),
            },
          }
        : {}),
      amsImageUsable: await amsPhotoHeld(db, a, subject.person_id),
      policy: this.policy,
    });
    const parties: PartyLiveness[] = people
      .filter((p) => p.person_id !== subject.person_id)
      .flatMap((p): PartyLiveness[] => {
        if (p.relationship === 'consenting-parent')
          return [
            { personId: p.person_id, relationship: p.relationship, evidence: PARTY_EVIDENCE['consenting-parent'] },
          ];
        if (p.relationship === 'secondary-consent-giver')
          return [
            {
              personId: p.person_id,
              relationship: p.relationship,
              evidence: PARTY_EVIDENCE['secondary-consent-giver'],
            },
          ];
        return [];
      });
    const subjectEvidence =
      responsibility.bracketOnProcessing === 'child' && responsibility.giver !== 'subject'
        ? PARTY_EVIDENCE['child-applicant']
        : PARTY_EVIDENCE['adult-or-youth-applicant'];
    return {
      subjectPersonId: subject.person_id,
      processingOn,
      policy: this.policy,
      responsibility,
      secondaryConsentRequired: secondaryConsentRequired(
        bracketOn(subject.date_of_birth, submittedOn),
        a.country_allows_dual_citizenship,
      ),
      parties: [
        { personId: subject.person_id, relationship: subject.relationship, evidence: subjectEvidence },
        ...parties,
      ],
    };
  }

  /**
   * Applies the child-turns-14 policy: when the plan says to revert, the application goes back to
   * "Complete and Correct" and the subject's "Identity is bound" task is reopened (history kept, R13).
   */
  async applyPolicy(actor: Actor, reference: string): Promise<LivenessPlan> {
    authorize(actor, 'application.revert-stage');
    await this.db.transaction().execute(async (tx) => {
      const a = await this.applications.row(tx, reference, true);
      const plan = await this.plan(actor, reference, tx);
      const revertTo = plan.responsibility.revertToStage;
      if (!revertTo) throw conflict('the liveness rules do not call for a revert', 'NOTHING_TO_APPLY');
      if (!REVERTIBLE.includes(a.stage))
        throw conflict(`the application is at stage ${a.stage}, nothing to revert`, 'NOTHING_TO_APPLY');
      await this.applications.applyStage(
        tx,
        actor,
        a,
        'revert-to-complete-and-correct',
        `child turned 14 during processing (${plan.policy.childTurns14Policy})`,
      );
      const bound = await identityIsBoundTask(tx, plan.subjectPersonId);
      if (bound && (bound.state === 'prepared' || bound.state === 'validated')) {
        await this.tasks.commandIn(tx, actor, bound.task_id, {
          action: 'reopen',
          reason: `child turned 14 during processing; ${plan.policy.childTurns14Policy}`,
        });
      }
    });
    return this.plan(actor, reference);
  }

  /**
   * The grid's next step for a person. The AMS photo and the liveness test are read from the file (the photo
   * filed with the immigration records; a satisfactory assessment on "Identity is bound"); the passport image
   * and application photo are read from the uploads unless the officer states them.
   */
  async proofingDecision(
    actor: Actor,
    reference: string,
    personId: string,
    given: {
      overseasPassportImage?: boolean;
      applicationPhoto?: boolean;
      optionsExhausted?: boolean;
      livenessDeclined?: boolean;
    },
  ): Promise<ProofingDecision> {
    authorize(actor, 'application.read');
    const { a, people, submittedOn } = await this.context(this.db, reference);
    if (!people.some((p) => p.person_id === personId))
      throw invalid('personId', 'personId is not a person on this application');
    const onFile = await evidenceOnFile(this.db, a, personId);
    const evidence: ProofingEvidence = {
      ...onFile,
      overseasPassportImage: given.overseasPassportImage ?? onFile.overseasPassportImage,
      applicationPhoto: given.applicationPhoto ?? onFile.applicationPhoto,
    };
    const step = nextProofingStep({
      ...evidence,
      submittedOn,
      optionsExhausted: given.optionsExhausted ?? false,
      livenessDeclined: given.livenessDeclined ?? false,
    });
    await appendAudit(this.db, this.clock.now(), {
      ...auditActor(actor),
      applicationId: a.application_id,
      action: 'proofing.decision',
      entity: 'person',
      entityId: personId,
      after: { evidence, step },
    });
    return { personId, evidence, step };
  }
}

// What the grid reads from the file for one person (issue 12): the AMS photo filed with the immigration records
// (BR-48) unless an officer marked the AMS image unusable, the uploaded overseas passport image and application
// photo, and the liveness test — counted only when the officer's assessment on "Identity is bound" is
// satisfactory and stands (BR-11), never because a link is Completed.

/** True when the AMS photo that came with the immigration records is on the application for this person. */
async function amsPhotoFiled(db: Db, applicationId: string, personId: string): Promise<boolean> {
  return (await documentsOfKind(db, applicationId, personId, 'inz-photo')).length > 0;
}

/**
 * "AMS photo held". From 3 December 2020 the photo comes with the immigration records (BR-41, BR-48): held when
 * it is filed and no officer marked it unusable (`ams_image_usable` false). Older applications have no records
 * fetch, so the officer checks AMS by hand and records what they found (`ams_image_usable` true).
 */
async function amsPhotoHeld(
  db: Db,
  application: { application_id: string; ams_image_usable: boolean | null; submitted_on: string | null },
  personId: string,
): Promise<boolean> {
  if (application.submitted_on === null || noRecordsReason(application.submitted_on) !== null)
    return application.ams_image_usable === true;
  return application.ams_image_usable !== false && (await amsPhotoFiled(db, application.application_id, personId));
}

/** True when the person's "Identity is bound" task records a satisfactory liveness assessment that stands. */
async function livenessAssessedSatisfactory(db: Db, personId: string): Promise<boolean> {
  const task = await identityIsBoundTask(db, personId);
  return (
    task !== undefined &&
    livenessCounts({
      kind: 'identity-is-bound',
      state: task.state,
      livenessAssessment: rowToDomainAssessment(task.liveness_assessment),
    })
  );
}

/** The grid's four rows from the file for one person of an application. */
export async function evidenceOnFile(
  db: Db,
  application: { application_id: string; ams_image_usable: boolean | null; submitted_on: string | null },
  personId: string,
): Promise<ProofingEvidence> {
  const kinds = await documentKindsFor(db, application.application_id, personId);
  return {
    amsPhoto: await amsPhotoHeld(db, application, personId),
    overseasPassportImage: kinds.includes('overseas-passport-image'),
    applicationPhoto: kinds.includes('passport-style-image'),
    livenessTest: await livenessAssessedSatisfactory(db, personId),
  };
}

export { DEFAULT_LIVENESS_POLICY };
