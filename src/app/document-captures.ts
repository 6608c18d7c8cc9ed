/**
 * Document capture (seed 003 combination sources, issue 15): a person sends a photo of an identity document
 * (passport first) and, when the account compares faces (its face comparison setting), a selfie; the photo is read in a worker thread (OCR,
 * image facts, face descriptors), the MRZ is validated and the authenticity checks are made; the person then
 * confirms or corrects the extracted details, and the combination source's result (authenticity, data
 * extraction, data source, face comparison, registration match) is recorded on the verification.
 */
import { randomUUID } from 'node:crypto';
import { QUALITY_GATES } from '../domain/documents/authenticity.ts';
import { combinationResult, type DocumentData } from '../domain/documents/combination.ts';
import {
  documentDataSource,
  documentRegistrySources,
  registryDataSource,
  registrySubject,
} from '../domain/documents/data-source.ts';
import { descriptorSimilarity, faceMatchScore } from '../domain/documents/face-score.ts';
import { comparesSelfie, needsSelfie } from '../domain/documents/face-comparison-setting.ts';
import { recogniseDocument, type ExtractedDetails, type RecognisedDocument } from '../domain/documents/recognition.ts';
import type { CaptureView, DocumentCheck, FaceOutcome, ReviewRecord } from '../domain/documents/document-check.ts';
import { pendingComponents, reviewComponent, type ComponentReview } from '../domain/documents/review.ts';
import type { CalibrationTable } from '../domain/liveness/fmr.ts';
import { assertSourceOpen, type CheckResultV3 } from '../domain/verification/index.ts';
import type { AccountCredentials, Caller } from './accounts.ts';
import { AnalysisGate } from './analysis-gate.ts';
import type { Clock } from './clock.ts';
import { unreadableField, type DocumentReader, type DocumentReading } from './document-reading.ts';
import { AppError, errors } from './errors.ts';
import type { Registry } from './registry.ts';
import type { CurrentStatus, VerificationTx, VerificationUseCases } from './verification.ts';

/** The combination source's name for each document type, in results and in the verification's sources. */
const COMBINATION_SOURCES: Readonly<Record<string, string>> = {
  PASSPORT: 'passportcapture',
  DRIVERS_LICENCE: 'driverslicencecapture',
};

export type { ExtractedDetails };

/** A confirmed capture as an administrator reviews it: what was read, what the person confirmed, the decisions. */
export interface CaptureRecord {
  readonly view: CaptureView;
  readonly confirmed: DocumentData | null;
  readonly hasImage: boolean;
  readonly reviews: ReviewRecord[];
  readonly createdAt: Date;
  readonly confirmedAt: Date | null;
}

export interface CaptureImage {
  readonly contentType: string;
  readonly content: Uint8Array;
}

export interface CaptureStore {
  insert(accountId: string, view: CaptureView, image: CaptureImage, at: Date): Promise<void>;
  read(accountId: string, verificationId: string, captureId: string): Promise<CaptureRecord | undefined>;
  image(accountId: string, verificationId: string, captureId: string): Promise<CaptureImage | undefined>;
  /** The verification's capture whose confirmation is its combination result now (the last one confirmed). */
  latestConfirmed(tx: VerificationTx, accountId: string, verificationId: string): Promise<string | undefined>;
  addReview(tx: VerificationTx, captureId: string, review: ReviewRecord): Promise<void>;
  /** The capture, locked until the transaction ends; undefined when it is not this verification's. */
  lock(
    tx: VerificationTx,
    accountId: string,
    verificationId: string,
    captureId: string,
  ): Promise<CaptureView | undefined>;
  confirm(tx: VerificationTx, captureId: string, view: CaptureView, confirmed: DocumentData, at: Date): Promise<void>;
}

export interface CaptureInput {
  readonly document: Buffer;
  /** the document photo's type, as its first bytes show it */
  readonly documentContentType: string;
  readonly selfie?: Buffer;
  /** the channel, reported as the result's extraData "origin" */
  readonly origin: string;
}

export interface DocumentCaptureOptions {
  readonly faceMatchThreshold: number;
  readonly calibration: CalibrationTable;
  readonly maxQueued?: number;
}

/** What a reading shows: the document recognised (passport MRZ or driver licence), its details and checks. */
export function extractedFrom(reading: DocumentReading, today: Date): RecognisedDocument {
  return recogniseDocument(reading, today);
}

/** The face comparison of the portrait and the selfie, when a selfie came with the document. */
export function faceOutcome(reading: DocumentReading, options: DocumentCaptureOptions): FaceOutcome | null {
  if (!reading.selfie) return null;
  const base = { threshold: options.faceMatchThreshold };
  if (reading.portrait.faceCount === 0)
    return { ...base, score: null, problem: 'No face was found in the document photo.' };
  if (reading.selfie.faceCount !== 1) {
    return {
      ...base,
      score: null,
      problem:
        reading.selfie.faceCount === 0 ? 'No face was found in the selfie.' : 'The selfie shows more than one face.',
    };
  }
  const similarity = descriptorSimilarity(reading.portrait.descriptor, reading.selfie.descriptor);
  return similarity === null
    ? { ...base, score: null, problem: 'The faces could not be described.' }
    : { ...base, score: faceMatchScore(options.calibration, similarity) };
}

export class DocumentCaptures {
  readonly #gate: AnalysisGate;

  constructor(
    private readonly verifications: VerificationUseCases,
    private readonly store: CaptureStore,
    private readonly reader: DocumentReader,
    private readonly clock: Clock,
    private readonly options: DocumentCaptureOptions,
    private readonly registry: Pick<Registry, 'candidates'>,
  ) {
    this.#gate = new AnalysisGate(
      1,
      options.maxQueued ?? 8,
      (retryAfterSeconds) =>
        new AppError(
          'unavailable',
          `Too many documents are being read right now: send this one again in ${retryAfterSeconds} seconds`,
          'DOCUMENTS_BUSY',
          [],
          retryAfterSeconds,
        ),
    );
  }

  /**
   * The document check itself, the same wherever a document comes from (a person's capture, a casework
   * document): the photo read in a worker thread, the MRZ validated, the authenticity checks made and, with a
   * face to compare, the portrait against it. Refuses an image that does not decode, naming `fields[document]`
   * (or `fields[selfie]`).
   */
  async check(
    input: { document: Uint8Array; selfie?: Uint8Array },
    fields: { document: string; selfie: string } = { document: 'document', selfie: 'selfie' },
  ): Promise<DocumentCheck> {
    const reading = await this.#gate
      .run(() => this.reader.read({ document: input.document, ...(input.selfie ? { selfie: input.selfie } : {}) }))
      .catch((error: unknown) => {
        const field = unreadableField(error);
        throw field
          ? errors.invalid([
              {
                field: fields[field],
                message: 'the image could not be decoded: send a complete JPEG, PNG or WebP photo',
              },
            ])
          : error;
      });
    const found = extractedFrom(reading, this.clock.now());
    return {
      documentType: found.documentType,
      documentRegion: found.region,
      documentSubRegion: found.subRegion,
      mrzValid: found.mrzValid,
      extracted: found.details,
      checks: found.checks,
      retake: found.checks.filter((c) => QUALITY_GATES.includes(c.code) && c.result === 'FAILED').map((c) => c.code),
      face: faceOutcome(reading, this.options),
    };
  }

  /** Reads the photo (and selfie) and keeps what was found until the person confirms the details. */
  async capture(caller: Caller, verificationId: string, input: CaptureInput): Promise<CaptureView> {
    const { accountId, account, state } = await this.verifications.read(caller, verificationId);
    if (needsSelfie(account.faceComparison) && !input.selfie)
      throw errors.invalid([
        {
          field: 'selfie',
          message:
            "this account compares the face on the document with the person's own: send a photo of their face (selfie) with the document",
        },
      ]);
    // an account that compares no faces reads no selfie
    const selfie = comparesSelfie(account.faceComparison) ? input.selfie : undefined;
    // before the costly read: the verification still takes some captured document (the first refusal is reported)
    this.verifications.decide(() => {
      const refusals = Object.values(COMBINATION_SOURCES).flatMap((name) => {
        try {
          assertSourceOpen(state, name);
          return [];
        } catch (error) {
          return [error];
        }
      });
      if (refusals.length === Object.keys(COMBINATION_SOURCES).length) throw refusals[0];
    });
    const found = await this.check({ document: input.document, ...(selfie ? { selfie } : {}) });
    const sourceName = COMBINATION_SOURCES[found.documentType];
    if (sourceName) this.verifications.decide(() => assertSourceOpen(state, sourceName));
    const view: CaptureView = {
      captureId: randomUUID(),
      verificationId,
      status: 'AWAITING_CONFIRMATION',
      ...found,
    };
    await this.store.insert(
      accountId,
      view,
      { contentType: input.documentContentType, content: input.document },
      this.clock.now(),
    );
    return view;
  }

  /** The person's confirmed (or corrected) details: the combination source's result goes on the verification. */
  async confirm(
    caller: Caller,
    verificationId: string,
    captureId: string,
    confirmed: DocumentData,
    origin: string,
  ): Promise<CurrentStatus> {
    // outside stub mode the account's registry sources check the confirmed details; their records are read before
    // the verification is locked (the immigration records are never read inside a transaction)
    const before = await this.verifications.read(caller, verificationId);
    const registrySources = documentRegistrySources(before.settings, before.state);
    const records =
      registrySources.length > 0
        ? await this.registry.candidates(before.accountId, registrySources, registrySubject(confirmed))
        : {};
    return this.verifications.recordCombination(caller, verificationId, async (tx, settings, state) => {
      const view = await this.store.lock(tx, settings.accountId, verificationId, captureId);
      if (!view) throw errors.notFound('document capture', captureId);
      if (view.status === 'CONFIRMED')
        throw errors.conflict(
          'this document capture was confirmed already: capture the document again',
          'SourceNotAvailableFault',
        );
      const sourceName = COMBINATION_SOURCES[view.documentType];
      if (!sourceName) {
        throw errors.invalid([
          {
            field: 'captureId',
            message:
              'the photo is not of a document this service reads (a passport data page, or a New Zealand or Australian driver licence): capture the document again',
          },
        ]);
      }
      const now = this.clock.now();
      const result = combinationResult({
        sourceName,
        documentType: view.documentType,
        documentRegion: view.documentRegion,
        ...(view.documentSubRegion ? { documentSubRegion: view.documentSubRegion } : {}),
        origin,
        checks: view.checks,
        extracted: view.extracted,
        confirmed,
        person: state.person,
        ruleSet: settings.ruleSet,
        dataSource:
          documentDataSource(
            settings,
            state,
            view.documentType,
            view.documentRegion,
            confirmed.documentNumber,
            view.documentSubRegion ?? '',
          ) ?? registryDataSource(confirmed, registrySources, records),
        face: view.face ? { score: view.face.score, threshold: view.face.threshold } : null,
        now,
      });
      await this.store.confirm(tx, captureId, { ...view, status: 'CONFIRMED' }, confirmed, now);
      return { result, confirms: ['nameDob'] };
    });
  }

  /**
   * A capture as an administrator reviews it: what was read beside what the person confirmed, the combination
   * result recorded from it, the components that wait for review and the decisions made so far.
   */
  async forReview(
    credentials: AccountCredentials,
    verificationId: string,
    captureId: string,
  ): Promise<CaptureRecord & { result: CheckResultV3 | null; pending: string[] }> {
    const { accountId, state } = await this.verifications.read(credentials, verificationId);
    const record = await this.store.read(accountId, verificationId, captureId);
    if (!record) throw errors.notFound('document capture', captureId);
    const sourceName = COMBINATION_SOURCES[record.view.documentType];
    const result =
      record.view.status === 'CONFIRMED' ? (state.individualResults.find((r) => r.name === sourceName) ?? null) : null;
    return { ...record, result, pending: result ? pendingComponents(result) : [] };
  }

  /** The photo of the document, for the administrator who reviews it. */
  async image(credentials: AccountCredentials, verificationId: string, captureId: string): Promise<CaptureImage> {
    const { accountId } = await this.verifications.read(credentials, verificationId);
    const image = await this.store.image(accountId, verificationId, captureId);
    if (!image) throw errors.notFound('document photo', captureId);
    return image;
  }

  /**
   * An administrator decides one PENDING component of the capture's combination source: it becomes VERIFIED_ADMIN
   * or FAILED with the comment, the date and the administrator's email; the decision is kept with the capture and
   * the rule set decides the verification again.
   */
  async review(
    credentials: AccountCredentials,
    verificationId: string,
    captureId: string,
    review: ComponentReview,
  ): Promise<CurrentStatus> {
    return this.verifications.reviseCombination(credentials, verificationId, async (tx, settings, state) => {
      const view = await this.store.lock(tx, settings.accountId, verificationId, captureId);
      if (!view) throw errors.notFound('document capture', captureId);
      if (view.status !== 'CONFIRMED')
        throw errors.conflict(
          'this document capture has not been confirmed by the person yet: there is nothing to review',
          'SourceNotAvailableFault',
        );
      if ((await this.store.latestConfirmed(tx, settings.accountId, verificationId)) !== captureId)
        throw errors.conflict(
          'a later capture of a document replaced this one on the verification: review that one',
          'SourceNotAvailableFault',
        );
      const sourceName = COMBINATION_SOURCES[view.documentType] ?? '';
      const recorded = state.individualResults.find((r) => r.name === sourceName);
      if (!recorded) throw errors.notFound('combination result', sourceName);
      const result = this.verifications.decide(() => reviewComponent(recorded, review, this.clock.now()));
      const decided = result.individualResult?.find((c) => c.name === review.component);
      await this.store.addReview(tx, captureId, {
        component: review.component,
        decision: review.decision,
        comment: review.comment.trim(),
        adminEmail: review.adminEmail.trim(),
        at: this.clock.now().toISOString(),
        componentState: decided?.state ?? '',
        combinationState: result.state,
      });
      return { result, confirms: ['nameDob'] };
    });
  }

  close(): Promise<void> {
    return this.reader.close();
  }
}
