// Who gives liveness for an application (seed 000, "What is Liveness, and who does it?",
// "Consenting Parents and Liveness", "Secondary consent giver"), and the documented policy for a child
// who turns 14 during processing. The engine's pass/match results are advice; this module only says
// whose check the officer must assess and what to do when it is missing.

import { compareDates, type IsoDate } from './common.ts';
import { bracketChange, livenessRequiredFor, type AgeBracket } from './people.ts';
import type { Stage } from './stages.ts';

// ---------------------------------------------------------------------------------------------------------
// Policy: a child who turns 14 during processing (seed M2 quiz Q7, L1041–1049; BR-39 unresolved in the seed)

/**
 * - 'revert-and-send-own-link' (default): application reverts to "Complete and Correct" and the youth is
 *   sent their own liveness link (quiz option 1; matches L503 "turned from a 'child' to a 'youth'" being a
 *   reason to follow up a missing liveness, and nz-citizenship R13).
 * - 'carry-on': identity confirmed at the age when the application was submitted (quiz option 2).
 * - 'revert-without-new-evidence': reverts to "Complete and Correct" but the youth does not complete EOI
 *   (quiz option 3); the consenting parent's evidence stands.
 */
export const CHILD_TURNS_14_POLICIES = ['revert-and-send-own-link', 'carry-on', 'revert-without-new-evidence'] as const;
export type ChildTurns14Policy = (typeof CHILD_TURNS_14_POLICIES)[number];

export interface LivenessPolicy {
  readonly childTurns14Policy: ChildTurns14Policy;
}

export const DEFAULT_LIVENESS_POLICY: LivenessPolicy = { childTurns14Policy: 'revert-and-send-own-link' };

// ---------------------------------------------------------------------------------------------------------
// Why there is no liveness URL on an application (BR-20, L500–504; BR-22, L510)

export const NO_LIVENESS_REASONS = [
  'cannot-do-online', // L502: selected "I cannot do this online" – no device with a camera
  'child-turned-youth', // L503: turned from a 'child' to a 'youth' by the time processing started
  'submitted-before-liveness-release', // L504: submitted before 30 July 2020, not subject to liveness
  'does-not-want-liveness', // L510: "does not want to do liveness" → original passport or appointment
] as const;
export type NoLivenessReason = (typeof NO_LIVENESS_REASONS)[number];

export const NO_LIVENESS_REASON_TEXT: Readonly<Record<NoLivenessReason, string>> = {
  'cannot-do-online':
    'The applicant selected "I cannot do this online" when they applied because they had no device with a camera.',
  'child-turned-youth':
    "The applicant has turned from a 'child' to a 'youth' by the time you started processing the application.",
  'submitted-before-liveness-release':
    'The application was submitted before 30 July 2020, and is not subject to liveness.',
  'does-not-want-liveness':
    'The customer cannot access a device with a camera to complete liveness, or does not want to do liveness.',
};

// ---------------------------------------------------------------------------------------------------------
// Who gives what, by relationship

/** "Relationship to applicant" on the New Liveness Check form (BR-28, L849). */
export const LINK_RELATIONSHIPS = ['Adult', 'Consenting Parties'] as const;
export type LinkRelationship = (typeof LINK_RELATIONSHIPS)[number];

export function isLinkRelationship(value: string): value is LinkRelationship {
  return (LINK_RELATIONSHIPS as readonly string[]).includes(value);
}

export interface PartyEvidence {
  readonly liveness: 'own' | 'for-child' | 'none';
  readonly documents: readonly string[];
  /** Documents whose signatures the officer compares and binds (BR-33). */
  readonly bindSignaturesAcross: readonly string[];
  /** The rule behind it, in the office's words (the seed references are in the comments here). */
  readonly rule: string;
}

/** What each kind of party gives. Youth and adult applicants give their own liveness; children none. */
export const PARTY_EVIDENCE: Readonly<
  Record<
    'adult-or-youth-applicant' | 'child-applicant' | 'consenting-parent' | 'secondary-consent-giver',
    PartyEvidence
  >
> = {
  'adult-or-youth-applicant': {
    liveness: 'own',
    documents: [],
    bindSignaturesAcross: [],
    rule: 'Adults and youths (14 and over) complete their own liveness check.',
  }, // BR-04 (L59–61)
  'child-applicant': {
    liveness: 'none',
    documents: [],
    bindSignaturesAcross: [],
    rule: 'Liveness is not available for children under 14.',
  }, // BR-04 (L63–65)
  'consenting-parent': {
    liveness: 'for-child',
    documents: [],
    bindSignaturesAcross: [],
    rule: "The consenting parent completes liveness on the child's behalf.",
  }, // BR-04, BR-17–19 (L435–446)
  'secondary-consent-giver': {
    liveness: 'none',
    // "Parental consent for applicant under 16" is the form named in quiz M2-Q6 (L1033) only.
    documents: ['consent-form', 'passport-scan'],
    bindSignaturesAcross: ['consent-form', 'passport-scan'],
    // BR-33 (L860–864)
    rule: 'The secondary consent giver gives a signed consent form and a passport scan; compare and bind the signatures across them.',
  },
};

/**
 * BR-33: children from countries that do not allow dual citizenship need a secondary consent giver.
 * "Children" read as applicants under 16 at submission, the consent route (R11) [inf].
 */
export function secondaryConsentRequired(
  bracketAtSubmission: AgeBracket,
  countryAllowsDualCitizenship: boolean,
): boolean {
  return bracketAtSubmission !== 'adult' && !countryAllowsDualCitizenship;
}

// ---------------------------------------------------------------------------------------------------------
// The decision

export interface LivenessInput {
  readonly subjectDateOfBirth: IsoDate;
  readonly submittedOn: IsoDate;
  /** The date the officer is processing (BRACKET_EVALUATION_DATES.liveness). */
  readonly processingOn: IsoDate;
  /** A liveness check URL is on the subject's own application. */
  readonly subjectCheckOnFile: boolean;
  /** For child applications: the consenting parent, if known. */
  readonly consentingParent?: {
    readonly appliedAtSameTime: boolean;
    /** The parent completed liveness in their own application (only meaningful if appliedAtSameTime). */
    readonly checkOnFile: boolean;
  };
  /** AMS image present and usable (pre-30-July applications, BR-09). */
  readonly amsImageUsable: boolean;
  readonly policy?: Partial<LivenessPolicy>;
}

export const LIVENESS_ACTIONS = [
  'assess-own-check', // L204–427: open the URL, Trusted Source Face first, then challenges
  'offer-own-link', // BR-21, BR-23: offer to send a New Liveness Check ('Adult')
  'send-own-link', // child turned 14 under the default policy: the youth is sent their own link
  'copy-parent-check-to-child', // BR-17: assess in parent's application, paste the link into the child's
  'follow-up-parent-send-link', // BR-18: parent applied but did no liveness
  'contact-parent-send-link', // BR-19, BR-29: parent did not apply; create a person record, send a link
  'assess-parent-evidence', // child turned 14, policy keeps the consenting parent's evidence
  'offer-link-instead-of-passport', // BR-09: pre-30-July and AMS image missing/unusable
  'none', // pre-30-July with a usable AMS image: previous standard, no liveness
] as const;
export type LivenessAction = (typeof LIVENESS_ACTIONS)[number];

export interface LivenessResponsibility {
  readonly required: boolean;
  readonly giver: 'subject' | 'consenting-parent' | 'none';
  readonly action: LivenessAction;
  /** Relationship to choose on the New Liveness Check form if a link is sent. */
  readonly linkRelationship: LinkRelationship | null;
  readonly revertToStage: Stage | null;
  readonly noLivenessReason: NoLivenessReason | null;
  readonly bracketAtSubmission: AgeBracket;
  readonly bracketOnProcessing: AgeBracket;
  readonly rule: string;
}

/** Who gives liveness, and what the officer does next, for one subject person. */
export function livenessResponsibility(input: LivenessInput): LivenessResponsibility {
  if (compareDates(input.processingOn, input.submittedOn) < 0) {
    throw new RangeError(`processingOn ${input.processingOn} is before submittedOn ${input.submittedOn}`);
  }
  const policy: LivenessPolicy = { ...DEFAULT_LIVENESS_POLICY, ...input.policy };
  const change = bracketChange(input.subjectDateOfBirth, input.submittedOn, input.processingOn);
  const base = { bracketAtSubmission: change.atSubmission, bracketOnProcessing: change.atDate };

  // BR-08 / BR-09: pre-30-July applications are not subject to liveness.
  if (!livenessRequiredFor(input.submittedOn)) {
    return {
      ...base,
      required: false,
      giver: input.amsImageUsable ? 'none' : change.atDate === 'child' ? 'consenting-parent' : 'subject',
      action: input.amsImageUsable ? 'none' : 'offer-link-instead-of-passport',
      linkRelationship: input.amsImageUsable ? null : change.atDate === 'child' ? 'Consenting Parties' : 'Adult',
      revertToStage: null,
      noLivenessReason: 'submitted-before-liveness-release',
      // BR-08, BR-09 (L129–136, L719–734)
      rule: 'Applications submitted before 30 July 2020 are not subject to liveness; when the AMS image is missing or unusable, a liveness check may be offered instead of the original passport or an appointment.',
    };
  }

  // Child at submission who is 14 or over now (BR-20 L503, BR-39, quiz M2-Q7).
  if (change.turned14) {
    switch (policy.childTurns14Policy) {
      case 'revert-and-send-own-link':
        return {
          ...base,
          required: true,
          giver: 'subject',
          action: input.subjectCheckOnFile ? 'assess-own-check' : 'send-own-link',
          // The form offers only 'Adult' and 'Consenting Parties' (L849); a youth's own check is not a
          // consenting party's, so 'Adult' is used [inf].
          linkRelationship: 'Adult',
          revertToStage: 'complete-and-correct',
          noLivenessReason: input.subjectCheckOnFile ? null : 'child-turned-youth',
          // childTurns14Policy=revert-and-send-own-link (L1043, R13)
          rule: 'The child turned 14 during processing: the application goes back to "Complete and Correct" and the youth completes their own liveness check.',
        };
      case 'revert-without-new-evidence':
        return {
          ...childByParent(input, base),
          revertToStage: 'complete-and-correct',
          action: 'assess-parent-evidence',
          rule: 'The child turned 14 during processing: the application goes back to "Complete and Correct" and the consenting parent\'s evidence stands.',
        }; // childTurns14Policy=revert-without-new-evidence (L1047)
      case 'carry-on':
        return {
          ...childByParent(input, base),
          rule: "The child turned 14 during processing: identity is confirmed at the age on the submission date, with the consenting parent's evidence.",
        }; // childTurns14Policy=carry-on (L1045)
    }
  }

  if (change.atDate !== 'child') {
    // Adult and youth: their own liveness (BR-04).
    return {
      ...base,
      required: true,
      giver: 'subject',
      action: input.subjectCheckOnFile ? 'assess-own-check' : 'offer-own-link',
      linkRelationship: 'Adult',
      revertToStage: null,
      noLivenessReason: input.subjectCheckOnFile ? null : 'cannot-do-online',
      // BR-04, BR-21, BR-23 (L59–61, L506, L794)
      rule: 'Adults and youths (14 and over) complete their own liveness check; when none is on file, offer to send a liveness check link.',
    };
  }
  return childByParent(input, base);
}

function childByParent(
  input: LivenessInput,
  base: { bracketAtSubmission: AgeBracket; bracketOnProcessing: AgeBracket },
): LivenessResponsibility {
  const parent = input.consentingParent;
  const action: LivenessAction =
    !parent || !parent.appliedAtSameTime
      ? 'contact-parent-send-link' // BR-19, BR-29
      : parent.checkOnFile
        ? 'copy-parent-check-to-child' // BR-17
        : 'follow-up-parent-send-link'; // BR-18
  return {
    ...base,
    required: true,
    giver: 'consenting-parent',
    action,
    linkRelationship: 'Consenting Parties',
    revertToStage: null,
    noLivenessReason: null,
    // BR-04, BR-17–19, BR-29 (L435–446, L849)
    rule: "For a child under 14, the consenting parent completes liveness: use the parent's check from their own application, or send the parent a link (create a person record first if they did not apply).",
  };
}
