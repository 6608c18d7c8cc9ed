// The SQL of manual verification (forms): reviews with their scanned documents, the administrators' queue
// (keyset pages on form_manual_reviews_queue / _all), one review read and locked for its decision.
import type { FormsStore } from './forms-store.ts';
import type { ManualReviewReason, ManualReviewState } from '../domain/verification/index.ts';
import { pastPosition, type KeysetPosition } from './keyset.ts';

/** The database handle and transaction the forms stores work with. */
export type Db = Parameters<FormsStore['session']>[0];
export type Tx = Parameters<FormsStore['lockPerson']>[0];

export interface ManualDocument {
  documentNo: number;
  documentType: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

export interface ManualReview {
  reviewId: string;
  trackingCode: string;
  roleKey: string;
  verificationId: string;
  reason: ManualReviewReason;
  state: ManualReviewState;
  submittedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  comment: string | null;
}

export interface NewManualReview {
  reviewId: string;
  trackingCode: string;
  roleKey: string;
  verificationId: string;
  reason: ManualReviewReason;
  documents: (Omit<ManualDocument, 'documentNo'> & { content: Uint8Array })[];
}

const COLUMNS = [
  'review_id',
  'tracking_code',
  'role_key',
  'verification_id',
  'reason',
  'state',
  'submitted_at',
  'decided_at',
  'decided_by',
  'comment',
] as const;

type Row = {
  review_id: string;
  tracking_code: string;
  role_key: string;
  verification_id: string;
  reason: ManualReviewReason;
  state: ManualReviewState;
  submitted_at: Date;
  decided_at: Date | null;
  decided_by: string | null;
  comment: string | null;
};

function review(row: Row): ManualReview {
  return {
    reviewId: row.review_id,
    trackingCode: row.tracking_code,
    roleKey: row.role_key,
    verificationId: row.verification_id,
    reason: row.reason,
    state: row.state,
    submittedAt: row.submitted_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
    decidedBy: row.decided_by,
    comment: row.comment,
  };
}

export class ManualReviewStore {
  constructor(private readonly db: Db) {}

  /** Is a review of this verification waiting already? */
  async waiting(db: Db, accountId: string, verificationId: string): Promise<boolean> {
    const row = await db
      .selectFrom('form_manual_reviews')
      .select('review_id')
      .where('account_id', '=', accountId)
      .where('verification_id', '=', verificationId)
      .where('state', '=', 'PENDING')
      .executeTakeFirst();
    return row !== undefined;
  }

  async insert(tx: Tx, accountId: string, input: NewManualReview, now: Date): Promise<void> {
    await tx
      .insertInto('form_manual_reviews')
      .values({
        account_id: accountId,
        review_id: input.reviewId,
        tracking_code: input.trackingCode,
        role_key: input.roleKey,
        verification_id: input.verificationId,
        reason: input.reason,
        state: 'PENDING',
        submitted_at: now,
      })
      .execute();
    await tx
      .insertInto('form_manual_documents')
      .values(
        input.documents.map((d, i) => ({
          account_id: accountId,
          review_id: input.reviewId,
          document_no: i + 1,
          document_type: d.documentType,
          file_name: d.fileName,
          content_type: d.contentType,
          size_bytes: d.sizeBytes,
          content: Buffer.from(d.content),
        })),
      )
      .execute();
  }

  /** One review; `forUpdate` locks its row until the caller's transaction ends. */
  async find(db: Db, accountId: string, reviewId: string, forUpdate = false): Promise<ManualReview | undefined> {
    let query = db
      .selectFrom('form_manual_reviews')
      .select(COLUMNS)
      .where('account_id', '=', accountId)
      .where('review_id', '=', reviewId);
    if (forUpdate) query = query.forUpdate();
    const row = await query.executeTakeFirst();
    return row ? review(row) : undefined;
  }

  /** The person's latest review in a transaction, if any. */
  async latestFor(accountId: string, trackingCode: string, roleKey: string): Promise<ManualReview | undefined> {
    const row = await this.db
      .selectFrom('form_manual_reviews')
      .select(COLUMNS)
      .where('account_id', '=', accountId)
      .where('tracking_code', '=', trackingCode)
      .where('role_key', '=', roleKey)
      .orderBy('submitted_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? review(row) : undefined;
  }

  async documents(accountId: string, reviewId: string): Promise<ManualDocument[]> {
    const rows = await this.db
      .selectFrom('form_manual_documents')
      .select(['document_no', 'document_type', 'file_name', 'content_type', 'size_bytes'])
      .where('account_id', '=', accountId)
      .where('review_id', '=', reviewId)
      .orderBy('document_no')
      .execute();
    return rows.map((r) => ({
      documentNo: r.document_no,
      documentType: r.document_type,
      fileName: r.file_name,
      contentType: r.content_type,
      sizeBytes: r.size_bytes,
    }));
  }

  async documentContent(
    accountId: string,
    reviewId: string,
    documentNo: number,
  ): Promise<{ contentType: string; fileName: string; content: Uint8Array } | undefined> {
    const row = await this.db
      .selectFrom('form_manual_documents')
      .select(['content_type', 'file_name', 'content'])
      .where('account_id', '=', accountId)
      .where('review_id', '=', reviewId)
      .where('document_no', '=', documentNo)
      .executeTakeFirst();
    return row ? { contentType: row.content_type, fileName: row.file_name, content: row.content } : undefined;
  }

  /** The queue: oldest first, in one state or all; a page of `limit` after the cursor. */
  async queue(
    accountId: string,
    query: { state?: ManualReviewState; limit: number; after?: KeysetPosition<Date, string> },
  ): Promise<ManualReview[]> {
    let select = this.db
      .selectFrom('form_manual_reviews')
      .select(COLUMNS)
      .where('account_id', '=', accountId)
      .orderBy('submitted_at', 'asc')
      .orderBy('review_id', 'asc')
      .limit(query.limit);
    if (query.state) select = select.where('state', '=', query.state);
    const after = query.after;
    if (after)
      select = select.where((eb) => pastPosition(eb, { value: 'submitted_at', id: 'review_id' }, 'asc', after));
    return (await select.execute()).map(review);
  }

  async decide(
    tx: Tx,
    accountId: string,
    reviewId: string,
    decision: { state: ManualReviewState; decidedBy: string; comment: string },
    now: Date,
  ): Promise<void> {
    await tx
      .updateTable('form_manual_reviews')
      .set({ state: decision.state, decided_by: decision.decidedBy, comment: decision.comment, decided_at: now })
      .where('account_id', '=', accountId)
      .where('review_id', '=', reviewId)
      .execute();
  }
}
