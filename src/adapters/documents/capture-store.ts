// The SQL of document captures: a capture is written when the photo has been read, locked and marked confirmed in
// the transaction that records the combination result on the verification.
import type { Db, Tx } from '../db/database.ts';
import type { CaptureStore, CaptureView } from '../../app/document-captures.ts';
import type { DocumentData } from '../../domain/documents/combination.ts';

export function captureStore(db: Db): CaptureStore {
  return {
    async insert(accountId, view, at) {
      await db
        .insertInto('document_captures')
        .values({
          capture_id: view.captureId,
          account_id: accountId,
          verification_id: view.verificationId,
          status: view.status,
          reading: JSON.stringify(view),
          created_at: at,
        })
        .execute();
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
      return row ? { ...(row.reading as CaptureView), status: row.status as CaptureView['status'] } : undefined;
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
  };
}
