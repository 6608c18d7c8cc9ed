// The SQL of document captures: a capture is written when the photo has been read, locked and marked confirmed in
// the transaction that records the combination result on the verification; an administrator's review reads it
// (with the photo) and appends its decision in the transaction that revises the result.
import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.ts';
import type { CaptureStore } from '../../app/document-captures.ts';
import type { CaptureView } from '../../domain/documents/document-check.ts';
import type { DocumentData } from '../../domain/documents/combination.ts';

export function captureStore(db: Db): CaptureStore {
  const mine = (accountId: string, verificationId: string, captureId: string) =>
    db
      .selectFrom('document_captures')
      .where('capture_id', '=', captureId)
      .where('account_id', '=', accountId)
      .where('verification_id', '=', verificationId);
  return {
    async insert(accountId, view, image, at) {
      await db
        .insertInto('document_captures')
        .values({
          capture_id: view.captureId,
          account_id: accountId,
          verification_id: view.verificationId,
          status: view.status,
          reading: JSON.stringify(view),
          image: image.content,
          image_type: image.contentType,
          created_at: at,
        })
        .execute();
    },
    async read(accountId, verificationId, captureId) {
      const row = await mine(accountId, verificationId, captureId)
        .select(['reading', 'status', 'confirmed', 'reviews', 'created_at', 'confirmed_at'])
        .select(sql<boolean>`image is not null`.as('has_image'))
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        view: { ...row.reading, status: row.status },
        confirmed: row.confirmed,
        hasImage: row.has_image,
        reviews: row.reviews,
        createdAt: new Date(row.created_at),
        confirmedAt: row.confirmed_at ? new Date(row.confirmed_at) : null,
      };
    },
    async image(accountId, verificationId, captureId) {
      const row = await mine(accountId, verificationId, captureId).select(['image', 'image_type']).executeTakeFirst();
      return row?.image && row.image_type ? { contentType: row.image_type, content: row.image } : undefined;
    },
    async lock(tx: Tx, accountId, verificationId, captureId) {
      const row = await tx
        .selectFrom('document_captures')
        .select(['reading', 'status'])
        .where('capture_id', '=', captureId)
        .where('account_id', '=', accountId)
        .where('verification_id', '=', verificationId)
        .forUpdate()
        .executeTakeFirst();
      return row ? { ...row.reading, status: row.status } : undefined;
    },
    async latestConfirmed(tx: Tx, accountId, verificationId) {
      const row = await tx
        .selectFrom('document_captures')
        .select('capture_id')
        .where('account_id', '=', accountId)
        .where('verification_id', '=', verificationId)
        .where('status', '=', 'CONFIRMED')
        .orderBy('confirmed_at', 'desc')
        .orderBy('capture_id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row?.capture_id;
    },
    async confirm(tx: Tx, captureId, view: CaptureView, confirmed: DocumentData, at) {
      await tx
        .updateTable('document_captures')
        .set({
          status: 'CONFIRMED',
          reading: JSON.stringify(view),
          confirmed: JSON.stringify(confirmed),
          confirmed_at: at,
        })
        .where('capture_id', '=', captureId)
        .execute();
    },
    async addReview(tx: Tx, captureId, review) {
      await tx
        .updateTable('document_captures')
        .set({ reviews: sql`reviews || ${JSON.stringify([review])}::jsonb` })
        .where('capture_id', '=', captureId)
        .execute();
    },
  };
}
