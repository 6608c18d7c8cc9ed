// The faces a liveness session's selfie is matched against: those an integration gives (an image, or a casework
// document of the session's application), or, for a casework person, the newest application photo (PROVIDED) and
// overseas passport image (PASSPORT) on file.
import type { Tx } from './ports/database.ts';
import type { TrustedSource } from '../domain/liveness/index.ts';
import { isDocumentKind } from '../domain/casework/documents.ts';
import { jpegOrPng } from '../domain/files/image-size.ts';
import { invalid } from './casework/actor.ts';
import { documentById, insertTrustedSource, personDocuments } from './liveness-session-store.ts';
import type { GivenTrustedSource } from './liveness-session-types.ts';

/** Casework document kinds used as trusted source faces of a person's session. */
const DOCUMENT_SOURCES: Readonly<Record<string, TrustedSource>> = {
  'passport-style-image': 'PROVIDED',
  'overseas-passport-image': 'PASSPORT',
};

/** Stores the faces given (already checked by checkTrustedSources); a document must be on the application. */
export async function addGivenFaces(
  tx: Tx,
  sessionId: string,
  applicationId: string | null,
  sources: readonly GivenTrustedSource[],
): Promise<void> {
  for (const [i, s] of sources.entries()) {
    if (s.image) {
      await insertTrustedSource(tx, sessionId, s.source, null, s.image);
      continue;
    }
    const doc = await documentById(tx, s.documentId ?? '');
    if (!doc || (applicationId !== null && doc.application_id !== applicationId)) {
      throw invalid(`trustedSources.${i}.documentId`, 'no such document on this application');
    }
    if (applicationId === null)
      throw invalid(
        `trustedSources.${i}.documentId`,
        'documents can be referenced only by a session for a casework person',
      );
    const content = Buffer.from(doc.content);
    if (!jpegOrPng(content)) throw invalid(`trustedSources.${i}.documentId`, 'the document is not a JPEG or PNG image');
    await insertTrustedSource(tx, sessionId, s.source, doc.document_id, content);
  }
}

/** The person's newest application photo (PROVIDED) and overseas passport image (PASSPORT) documents. */
export async function attachDocumentFaces(
  tx: Tx,
  sessionId: string,
  applicationId: string,
  personId: string,
): Promise<void> {
  const docs = await personDocuments(tx, applicationId, personId, Object.keys(DOCUMENT_SOURCES).filter(isDocumentKind));
  const done = new Set<TrustedSource>();
  for (const d of docs) {
    const source = DOCUMENT_SOURCES[d.kind];
    const content = Buffer.from(d.content);
    if (!source || done.has(source) || !jpegOrPng(content)) continue;
    done.add(source);
    await insertTrustedSource(tx, sessionId, source, d.document_id, content);
  }
}
