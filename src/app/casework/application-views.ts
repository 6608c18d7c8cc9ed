// What an officer is shown of an application, its people and its Supporting documents: the rows mapped to views
// (stage label, identity standard, route, ages and brackets worked out by the domain).
import {
  ageOn,
  bracketOn,
  compareDates,
  defaultDocumentColumns,
  identityStandardFor,
  noRecordsReason,
  routeFor,
  STAGE_LABELS,
  type AgeBracket,
  type DocumentKind,
  type NoRecordsReason,
  type PartyRelationship,
  type Stage,
} from '../../domain/casework/index.ts';
import type { ApplicationRow, DocumentRow, PersonRow } from './application-store.ts';

export interface PersonView {
  id: string;
  relationship: PartyRelationship;
  givenNames: string;
  familyName: string;
  fullName: string;
  dateOfBirth: string;
  gender: string | null;
  countryOfBirth: string | null;
  email: string | null;
  citizenshipPersonNumber: string | null;
  appliedAtSameTime: boolean | null;
  ownApplicationRef: string | null;
  /** Age and bracket on the submission date (route and consent, R11) and today (liveness, R12/R13). */
  ageAtSubmission: number | null;
  bracketAtSubmission: AgeBracket | null;
  bracketToday: AgeBracket;
}

export interface OwnerView {
  id: string;
  fullName: string;
  email: string | null;
}

export interface ApplicationView {
  id: string;
  reference: string;
  applicationType: string;
  stage: Stage;
  stageLabel: string;
  closure: string | null;
  paid: boolean;
  submittedOn: string | null;
  /** "liveness" for applications submitted on or after 30 July 2020, "pre-liveness" before (BR-07). */
  identityStandard: 'liveness' | 'pre-liveness' | null;
  route: string | null;
  countryAllowsDualCitizenship: boolean;
  amsImageUsable: boolean | null;
  recordsStatus: string;
  records: unknown;
  /** Why there are no INZ results and never will be (submitted before the records link began, BR-41). */
  noRecords: NoRecordsReason | null;
  ceremony: { personId: string | null; date: string | null; oathTaken: boolean | null; closedOn: string | null };
  people: PersonView[];
  /** The officer who picked the application up (BR-44), or null while it waits in the queue. */
  owner: OwnerView | null;
  createdAt: string;
}

export interface DocumentView {
  id: string;
  personId: string | null;
  kind: DocumentKind;
  /** The Supporting documents columns (seed L964): e.g. "Photo of applicant" / "Identity". */
  documentType: string;
  providedAs: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

/** The application as of `today` (NZ date): its people's ages and brackets depend on it. */
export function applicationView(
  a: ApplicationRow,
  people: readonly PersonRow[],
  owner: OwnerView | null,
  today: string,
): ApplicationView {
  const subject = people.find((p) => p.relationship === 'applicant') ?? people.find((p) => p.relationship === 'child');
  return {
    id: a.application_id,
    reference: a.reference,
    applicationType: a.application_type,
    stage: a.stage,
    stageLabel: STAGE_LABELS[a.stage] ?? a.stage,
    closure: a.closure,
    paid: a.paid,
    submittedOn: a.submitted_on,
    identityStandard: a.submitted_on ? identityStandardFor(a.submitted_on) : null,
    route: subject && a.submitted_on ? routeFor(subject.date_of_birth, a.submitted_on).route : null,
    countryAllowsDualCitizenship: a.country_allows_dual_citizenship,
    amsImageUsable: a.ams_image_usable,
    recordsStatus: a.records_status,
    records: a.records,
    noRecords: a.submitted_on ? noRecordsReason(a.submitted_on) : null,
    ceremony: {
      personId: a.ceremony_person_id,
      date: a.ceremony_date,
      oathTaken: a.oath_taken,
      closedOn: a.ceremony_closed_on,
    },
    owner,
    people: people.map((p) => personView(p, a.submitted_on, today)),
    createdAt: a.created_at.toISOString(),
  };
}

function personView(p: PersonRow, submittedOn: string | null, today: string): PersonView {
  const submitted = submittedOn && compareDates(submittedOn, p.date_of_birth) >= 0 ? submittedOn : null;
  return {
    id: p.person_id,
    relationship: p.relationship,
    givenNames: p.given_names,
    familyName: p.family_name,
    fullName: `${p.given_names} ${p.family_name}`.trim(),
    dateOfBirth: p.date_of_birth,
    gender: p.gender,
    countryOfBirth: p.country_of_birth,
    email: p.email,
    citizenshipPersonNumber: p.citizenship_person_number,
    appliedAtSameTime: p.applied_at_same_time,
    ownApplicationRef: p.own_application_ref,
    ageAtSubmission: submitted ? ageOn(p.date_of_birth, submitted) : null,
    bracketAtSubmission: submitted ? bracketOn(p.date_of_birth, submitted) : null,
    bracketToday: bracketOn(p.date_of_birth, compareDates(today, p.date_of_birth) >= 0 ? today : p.date_of_birth),
  };
}

export function documentView(r: DocumentRow): DocumentView {
  const defaults = defaultDocumentColumns(r.kind, null);
  return {
    id: r.document_id,
    personId: r.person_id,
    kind: r.kind,
    documentType: r.document_type ?? defaults.documentType,
    providedAs: r.provided_as ?? defaults.providedAs,
    fileName: r.file_name,
    contentType: r.content_type,
    size: r.size,
    sha256: r.sha256,
    uploadedBy: r.uploaded_by,
    uploadedAt: r.uploaded_at.toISOString(),
  };
}
