// The AMS photo (BR-48): the photo that comes with the immigration records is stored in the application's
// Supporting documents ("INZ photo of applicant", provided as "Identity", named as the records name it,
// L1517–1523), filed by the system in the records-fetch transaction. A re-fetch that brings the same image leaves
// the document as it is; a different image replaces it (the records are the source), audited either way.
import { createHash, randomUUID } from 'node:crypto';
import { defaultDocumentColumns } from '../../domain/casework/index.ts';
import type { Tx } from '../ports/database.ts';
import { appendAudit } from './audit.ts';
import { deleteDocuments, documentsOfKind, insertDocument } from './application-store.ts';
import type { AmsPhoto } from './records-port.ts';

const EXTENSION: Readonly<Record<string, string>> = { 'image/jpeg': 'jpg', 'image/png': 'png' };

export async function fileAmsPhoto(
  tx: Tx,
  now: Date,
  applicationId: string,
  personId: string,
  photo: AmsPhoto,
): Promise<void> {
  const sha256 = createHash('sha256').update(photo.content).digest('hex');
  const held = await documentsOfKind(tx, applicationId, personId, 'inz-photo');
  if (held.some((d) => d.sha256 === sha256)) return;
  await deleteDocuments(
    tx,
    held.map((d) => d.document_id),
  );
  const id = randomUUID();
  const columns = defaultDocumentColumns('inz-photo', 'applicant');
  const fileName = `${photo.name.replace(/[^\w.\- ]/g, '_').slice(0, 180) || 'ams-photo'}.${EXTENSION[photo.contentType] ?? 'img'}`;
  await insertDocument(tx, {
    document_id: id,
    application_id: applicationId,
    person_id: personId,
    kind: 'inz-photo',
    document_type: columns.documentType,
    provided_as: columns.providedAs,
    file_name: fileName,
    content_type: photo.contentType,
    size: photo.content.byteLength,
    sha256,
    content: photo.content,
    uploaded_by: 'system',
  });
  await appendAudit(tx, now, {
    actor: 'system',
    applicationId,
    action: 'document.file-ams-photo',
    entity: 'document',
    entityId: id,
    before: held.length > 0 ? { replaced: held.map((d) => d.document_id) } : null,
    after: { kind: 'inz-photo', personId, size: photo.content.byteLength, sha256 },
  });
}
