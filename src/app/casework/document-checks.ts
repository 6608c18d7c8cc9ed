// The document check in the casework (issue 15): an officer runs the overseas passport image of a person (the
// applicant's, or a secondary consent giver's passport scan) through the same check a captured document gets
// (MRZ, authenticity checks, extracted details; the portrait against the best frame of the person's latest
// liveness attempt, or else their application photo) and sees the result beside the image, with the extracted
// details set against the person's recorded ones. Advice to the officer, never a decision; every run is audited.
import { normaliseName } from '../../domain/verification/normalise.ts';
import type { Clock } from '../clock.ts';
import type { DocumentCaptures } from '../document-captures.ts';
import type {
  CaseworkDocumentCheck,
  DocumentCheck,
  FaceProbe,
  RecordComparison,
} from '../../domain/documents/document-check.ts';
import { authorize, invalid, notFound, type Actor } from './actor.ts';
import { auditActor, type AuditEntry } from './audit.ts';

export interface CheckedDocument {
  readonly documentId: string;
  readonly applicationId: string;
  readonly personId: string | null;
  readonly kind: string;
  readonly contentType: string;
  readonly content: Uint8Array;
}

export interface RecordedPerson {
  readonly givenNames: string;
  readonly familyName: string;
  readonly dateOfBirth: string;
  readonly relationship: string;
}

export interface StoredCheck {
  readonly documentId: string;
  readonly result: CaseworkDocumentCheck;
  readonly faceProbe: string | null;
  readonly checkedBy: string;
  readonly checkedAt: Date;
}

/** What the check reads and keeps (SQL in src/adapters/documents/document-check-store.ts). */
export interface DocumentCheckStore {
  document(reference: string, documentId: string): Promise<CheckedDocument | undefined>;
  person(personId: string): Promise<RecordedPerson | undefined>;
  /** The best frame (frontal, eyes open) of the person's latest decided liveness attempt whose frames are kept. */
  livenessBestFrame(applicationId: string, personId: string): Promise<Uint8Array | undefined>;
  /** The person's latest application photo (passport-style image), when one is filed. */
  applicationPhoto(applicationId: string, personId: string): Promise<Uint8Array | undefined>;
  /** Keeps the check as the document's latest and appends the audit entry, in one transaction. */
  save(applicationId: string, check: StoredCheck, audit: AuditEntry): Promise<void>;
  latest(documentId: string): Promise<StoredCheck | undefined>;
}

/** Casework document kinds that carry a passport data page. */
export const CHECKABLE_KINDS: readonly string[] = ['overseas-passport-image', 'travel-document'];
const PHOTO_TYPES: readonly string[] = ['image/jpeg', 'image/png'];

function compareWithRecord(check: DocumentCheck, person: RecordedPerson | undefined): RecordComparison[] {
  if (!person) return [];
  const given = [check.extracted.givenName, check.extracted.middleNames].filter(Boolean).join(' ');
  return [
    {
      field: 'givenNames',
      recorded: person.givenNames,
      extracted: given,
      matches: normaliseName(given) === normaliseName(person.givenNames),
    },
    {
      field: 'familyName',
      recorded: person.familyName,
      extracted: check.extracted.surname,
      matches: normaliseName(check.extracted.surname) === normaliseName(person.familyName),
    },
    {
      field: 'dateOfBirth',
      recorded: person.dateOfBirth,
      extracted: check.extracted.dob,
      matches: check.extracted.dob === person.dateOfBirth,
    },
  ];
}

export class CaseworkDocumentChecks {
  constructor(
    private readonly store: DocumentCheckStore,
    private readonly clock: Clock,
    private readonly documents: DocumentCaptures,
  ) {}

  /** Runs the check on a passport image of the application and keeps the result (the latest one per document). */
  async run(actor: Actor, reference: string, documentId: string): Promise<CaseworkDocumentCheck> {
    authorize(actor, 'documents.check');
    const document = await this.store.document(reference, documentId);
    if (!document) throw notFound('document', documentId);
    if (!CHECKABLE_KINDS.includes(document.kind))
      throw invalid('documentId', 'the document check reads a passport image: this document is of another kind');
    if (!PHOTO_TYPES.includes(document.contentType))
      throw invalid('documentId', 'the document check reads a photo (JPEG or PNG): this document is a PDF');
    const person = document.personId ? await this.store.person(document.personId) : undefined;
    const probe = document.personId ? await this.probe(document.applicationId, document.personId) : undefined;
    const found = await this.documents.check(
      { document: document.content, ...(probe ? { selfie: probe.image } : {}) },
      { document: 'documentId', selfie: probe?.kind === 'LIVENESS_BEST_FRAME' ? 'livenessFrame' : 'applicationPhoto' },
    );
    const now = this.clock.now();
    const view: CaseworkDocumentCheck = {
      documentId,
      checkedAt: now.toISOString(),
      checkedBy: actor.officerId,
      ...found,
      faceComparedWith: probe?.kind ?? null,
      record: compareWithRecord(found, person),
    };
    // the audit keeps what the officer saw, without the person's details (they are in the case already)
    await this.store.save(
      document.applicationId,
      { documentId, result: view, faceProbe: view.faceComparedWith, checkedBy: actor.officerId, checkedAt: now },
      {
        ...auditActor(actor),
        applicationId: document.applicationId,
        action: 'document.check',
        entity: 'document',
        entityId: documentId,
        after: {
          documentType: found.documentType,
          documentRegion: found.documentRegion,
          mrzValid: found.mrzValid,
          failedChecks: found.checks.filter((c) => c.result === 'FAILED').map((c) => c.code),
          faceMatchScore: found.face?.score ?? null,
          faceComparedWith: view.faceComparedWith,
          recordMismatches: view.record.filter((r) => !r.matches).map((r) => r.field),
        },
      },
    );
    return view;
  }

  /** The latest check of a document, or null when it was never checked. */
  async latest(actor: Actor, reference: string, documentId: string): Promise<CaseworkDocumentCheck | null> {
    authorize(actor, 'documents.read');
    const document = await this.store.document(reference, documentId);
    if (!document) throw notFound('document', documentId);
    const stored = await this.store.latest(documentId);
    return stored ? stored.result : null;
  }

  private async probe(
    applicationId: string,
    personId: string,
  ): Promise<{ kind: FaceProbe; image: Uint8Array } | undefined> {
    const frame = await this.store.livenessBestFrame(applicationId, personId);
    if (frame) return { kind: 'LIVENESS_BEST_FRAME', image: frame };
    const photo = await this.store.applicationPhoto(applicationId, personId);
    return photo ? { kind: 'APPLICATION_PHOTO', image: photo } : undefined;
  }
}
