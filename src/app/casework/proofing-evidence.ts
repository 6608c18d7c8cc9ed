// What the identity proofing grid reads from the file for one person (issue 12): the AMS photo filed with the
// immigration records (BR-48) unless an officer marked the AMS image unusable, the uploaded overseas passport
// image and application photo, and the liveness test — counted only when the officer's assessment on
// "Identity is bound" is satisfactory and stands (BR-11), never because a link is Completed.
import { livenessCounts, rowToDomainAssessment, type ProofingEvidence } from '../../domain/casework/index.ts';
import type { Db } from '../../adapters/db/database.ts';

/** True when the AMS photo that came with the immigration records is on the application for this person. */
export async function amsPhotoFiled(db: Db, applicationId: string, personId: string): Promise<boolean> {
  const r = await db.selectFrom('casework_documents').select('document_id').where('application_id', '=', applicationId).where('person_id', '=', personId).where('kind', '=', 'inz-photo').executeTakeFirst();
  return r !== undefined;
}

/** "AMS photo held": filed, and not marked unusable by an officer (`ams_image_usable` false). */
export async function amsPhotoHeld(db: Db, application: { application_id: string; ams_image_usable: boolean | null }, personId: string): Promise<boolean> {
  return application.ams_image_usable !== false && (await amsPhotoFiled(db, application.application_id, personId));
}

/** True when the person's "Identity is bound" task records a satisfactory liveness assessment that stands. */
export async function livenessAssessedSatisfactory(db: Db, personId: string): Promise<boolean> {
  const task = await db.selectFrom('identity_tasks').select(['kind', 'state', 'liveness_assessment']).where('person_id', '=', personId).where('kind', '=', 'identity-is-bound').executeTakeFirst();
  return task !== undefined && livenessCounts({ kind: 'identity-is-bound', state: task.state, livenessAssessment: rowToDomainAssessment(task.liveness_assessment) });
}

/** The grid's four rows from the file for one person of an application. */
export async function evidenceOnFile(db: Db, application: { application_id: string; ams_image_usable: boolean | null }, personId: string): Promise<ProofingEvidence> {
  const docs = await db
    .selectFrom('casework_documents')
    .select('kind')
    .where('application_id', '=', application.application_id)
    .where((eb) => eb.or([eb('person_id', '=', personId), eb('person_id', 'is', null)]))
    .execute();
  return {
    amsPhoto: await amsPhotoHeld(db, application, personId),
    overseasPassportImage: docs.some((d) => d.kind === 'overseas-passport-image'),
    applicationPhoto: docs.some((d) => d.kind === 'passport-style-image'),
    livenessTest: await livenessAssessedSatisfactory(db, personId),
  };
}
