/**
 * Manual verification of a form's person (seed 001 "Manual Verification Option"): the person who failed or
 * opted out uploads scans of their identity documents (through the component, or the form's server); the
 * account's administrators work through the queue and decide VERIFIED_ADMIN with a comment, or FAILED. The
 * decision changes the person's verification, so the form hears it through the usual outcome calls (and the
 * webhook), and is kept in the transaction's audit trail.
 */
import {
  decideManualReview,
  formsOutcome,
  formsOutputs,
  manualReviewRefusal,
  type FormsOutputs,
  type ManualDecisionInput,
  type ManualReviewReason,
  type ManualReviewState,
  type Person,
} from '../domain/verification/index.ts';
import type { Account, AccountCredentials, Accounts } from './accounts.ts';
import type { Clock } from './clock.ts';
import { AppError, errors } from './errors.ts';
import { decodeCursor, keysetPage, TIME_AND_TEXT_ID } from './keyset.ts';
import type { FormsUseCases } from './forms.ts';
import { ManualReviewStore, type Db, type ManualDocument, type ManualReview } from './forms-manual-review-store.ts';
import { newVerificationToken } from './ids.ts';
import type { VerificationUseCases } from './verification.ts';

export interface ManualUpload {
  trackingCode: string;
  roleKey?: string;
  reason: ManualReviewReason;
  documents: { documentType: string; fileName: string; contentType: string; content: Uint8Array }[];
}

export interface ManualReviewView extends ManualReview {
  documents: ManualDocument[];
}

export interface ManualReviewDetail extends ManualReviewView {
  /** The person as their verification registered them, to compare with the scans. */
  person: Person;
  overallVerificationStatus: string;
}

export interface ManualReviewPage {
  reviews: ManualReview[];
  /** Pass as `after` for the next page; null on the last. */
  next: string | null;
}

/** What the component asks while the person waits: their latest review and their outcome. */
export interface ManualReviewStatus {
  review: Pick<ManualReview, 'reviewId' | 'state' | 'submittedAt' | 'decidedAt'> | null;
  outputs: FormsOutputs | null;
}

export class ManualReviewUseCases {
  readonly store: ManualReviewStore;

  constructor(
    private readonly db: Db,
    private readonly accounts: Accounts,
    private readonly verifications: VerificationUseCases,
    private readonly forms: FormsUseCases,
    private readonly clock: Clock,
  ) {
    this.store = new ManualReviewStore(db);
  }

  async submitWith(credentials: AccountCredentials, upload: ManualUpload): Promise<ManualReviewView> {
    return this.submit(await this.accounts.authenticate(credentials), upload);
  }

  /** The person's scans join the queue, for the verification of this person of this transaction. */
  async submit(account: Account, upload: ManualUpload): Promise<ManualReviewView> {
    const roleKey = upload.roleKey ?? '';
    const reviewId = newVerificationToken().slice(0, 20);
    const now = this.clock.now();
    await this.db.transaction().execute(async (tx) => {
      await this.forms.store.lockPerson(tx, account.accountId, upload.trackingCode, roleKey);
      // Read under the person's lock: a call that restarts this person's verification at the same moment
      // would otherwise leave the scans queued against the verification it replaced.
      const session = await this.forms.store.session(tx, account.accountId, upload.trackingCode, roleKey);
      if (!session)
        throw new AppError(
          'not_found',
          'No identity verification was started for this person in this transaction: call the verification service first',
          'UserIdNotFoundFault',
        );
      const { state } = await this.verifications.lockedIn(tx, account, session.verificationId);
      const refusal = manualReviewRefusal(state);
      if (refusal) throw errors.conflict(refusal, 'MANUAL_REVIEW_NOT_NEEDED');
      if (await this.store.waiting(tx, account.accountId, session.verificationId))
        throw errors.conflict(
          "This person's documents are already waiting for review: wait for the administrator's decision",
          'MANUAL_REVIEW_WAITING',
        );
      await this.store.insert(
        tx,
        account.accountId,
        {
          reviewId,
          trackingCode: upload.trackingCode,
          roleKey,
          verificationId: session.verificationId,
          reason: upload.reason,
          documents: upload.documents.map((d) => ({ ...d, sizeBytes: d.content.byteLength })),
        },
        now,
      );
      await this.forms.store.appendAudit(
        tx,
        account.accountId,
        {
          trackingCode: upload.trackingCode,
          roleKey,
          action: 'manual-verification.submitted',
          result: 'PENDING',
          detail: {
            reviewId,
            verificationId: session.verificationId,
            reason: upload.reason,
            documentTypes: upload.documents.map((d) => d.documentType),
          },
        },
        now,
      );
    });
    return this.view(account.accountId, reviewId);
  }

  /** The person's latest review and outcome (the component asks while they wait). */
  async status(account: Account, trackingCode: string, roleKey = ''): Promise<ManualReviewStatus> {
    const session = await this.forms.store.session(this.db, account.accountId, trackingCode, roleKey);
    const review = await this.store.latestFor(account.accountId, trackingCode, roleKey);
    const outputs = session
      ? await this.verifications
          .load(this.db, account, session.verificationId, false)
          .then(({ settings, state }) => formsOutputs(formsOutcome(settings, state)))
      : null;
    return {
      review: review
        ? {
            reviewId: review.reviewId,
            state: review.state,
            submittedAt: review.submittedAt,
            decidedAt: review.decidedAt,
          }
        : null,
      outputs,
    };
  }

  async queue(
    credentials: AccountCredentials,
    query: { state?: ManualReviewState; limit: number; after?: string },
  ): Promise<ManualReviewPage> {
    const account = await this.accounts.authenticate(credentials);
    const after = decodeCursor(TIME_AND_TEXT_ID, query.after, 'after');
    const rows = await this.store.queue(account.accountId, {
      ...(query.state ? { state: query.state } : {}),
      limit: query.limit + 1,
      ...(after ? { after } : {}),
    });
    const page = keysetPage(rows, query.limit, TIME_AND_TEXT_ID, (r) => ({
      value: new Date(r.submittedAt),
      id: r.reviewId,
    }));
    return { reviews: page.rows, next: page.next };
  }

  async detail(credentials: AccountCredentials, reviewId: string): Promise<ManualReviewDetail> {
    const account = await this.accounts.authenticate(credentials);
    const view = await this.view(account.accountId, reviewId);
    const { state } = await this.verifications.load(this.db, account, view.verificationId, false);
    return { ...view, person: state.person, overallVerificationStatus: state.overallVerificationStatus };
  }

  async document(credentials: AccountCredentials, reviewId: string, documentNo: number) {
    const account = await this.accounts.authenticate(credentials);
    const file = await this.store.documentContent(account.accountId, reviewId, documentNo);
    if (!file) throw errors.notFound('document', `${reviewId}/${documentNo}`);
    return file;
  }

  /**
   * The administrator's decision: the verification becomes VERIFIED_ADMIN (comment, date and email recorded
   * as seed 003's AdminComment) or is failed (LOCKED_OUT); the review is closed; the person's outputs and the
   * audit trail record it. Two administrators deciding at once: the second is told it was decided.
   */
  async decide(
    credentials: AccountCredentials,
    reviewId: string,
    input: ManualDecisionInput,
  ): Promise<ManualReviewDetail> {
    const account = await this.accounts.authenticate(credentials);
    const now = this.clock.now();
    await this.db.transaction().execute(async (tx) => {
      const review = await this.store.find(tx, account.accountId, reviewId, true);
      if (!review) throw errors.notFound('review', reviewId);
      if (review.state !== 'PENDING')
        throw errors.conflict(
          `This review was already decided (${review.state}) by ${review.decidedBy ?? 'an administrator'}`,
          'MANUAL_REVIEW_DECIDED',
        );
      const loaded = await this.verifications.changeIn(tx, account, review.verificationId, (_settings, state) => {
        if (input.decision === 'FAILED' && manualReviewRefusal(state))
          throw errors.conflict(
            'This person has been verified electronically since the documents were sent: they cannot be failed',
            'MANUAL_REVIEW_NOT_NEEDED',
          );
        return decideManualReview(state, input, now);
      });
      await this.store.decide(
        tx,
        account.accountId,
        reviewId,
        { state: input.decision, decidedBy: input.adminEmail.trim(), comment: input.comment.trim() },
        now,
      );
      await this.forms.store.recordOutputsOf(
        tx,
        account.accountId,
        review.verificationId,
        formsOutputs(formsOutcome(loaded.settings, loaded.state)),
        now,
      );
      await this.forms.store.appendAudit(
        tx,
        account.accountId,
        {
          trackingCode: review.trackingCode,
          roleKey: review.roleKey,
          action: 'manual-verification.decided',
          result: input.decision,
          detail: { reviewId, verificationId: review.verificationId },
        },
        now,
      );
    });
    return this.detail(credentials, reviewId);
  }

  private async view(accountId: string, reviewId: string): Promise<ManualReviewView> {
    const review = await this.store.find(this.db, accountId, reviewId);
    if (!review) throw errors.notFound('review', reviewId);
    return { ...review, documents: await this.store.documents(accountId, reviewId) };
  }
}
