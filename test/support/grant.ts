/**
 * Takes an allocated case to its ceremony: every identity task prepared as a pass by the case officer and
 * validated by the validating officer, the stages through to grant, and the ceremony (3 June 2024, oath taken)
 * recorded. How identity was bound is the caller's (the application photo unless told otherwise).
 */
import type { Services } from '../../src/app/services.ts';
import type { Actor } from '../../src/app/casework/actor.ts';
import type { TaskCriterion } from '../../src/domain/casework/tasks.ts';

export interface BoundBy {
  criterion: TaskCriterion;
  /** The preparer's comment on the identity-is-bound task, and on the others. */
  comments: { bound: string; others: string };
}

const BY_PHOTO: BoundBy = {
  criterion: 'application-photo',
  comments: { bound: '1:1 match; photo agrees', others: '1:1 match; photo agrees' },
};

export async function grantWithCeremony(
  services: Services,
  officers: { co: Actor; vo: Actor },
  reference: string,
  boundBy: BoundBy = BY_PHOTO,
): Promise<void> {
  const cw = services.casework;
  const { co, vo } = officers;
  for (const task of await cw.tasks.forApplication(co, reference)) {
    const bound = task.kind === 'identity-is-bound';
    await cw.tasks.command(co, task.id, {
      action: 'prepare',
      outcome: 'pass',
      criteria: bound ? [boundBy.criterion] : ['inz-match'],
      comments: bound ? boundBy.comments.bound : boundBy.comments.others,
    });
    await cw.tasks.command(vo, task.id, { action: 'validate' });
  }
  await cw.applications.moveStage(co, reference, 'complete-and-correct-done');
  await cw.applications.moveStage(co, reference, 'refer-for-decision');
  await cw.applications.moveStage(vo, reference, 'grant');
  await cw.ceremonies.record(co, reference, { ceremonyDate: '2024-06-03', oathTaken: true });
}
