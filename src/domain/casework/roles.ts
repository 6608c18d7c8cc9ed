// Officer roles and the permission table: which role may do which casework use case.
// One officer may hold several roles; `can` is true when any held role is listed for the action.
// Separation of duties beyond the table (e.g. the validator must not be the preparer) lives in tasks.ts.

export const OFFICER_ROLES = ['case-officer', 'validating-officer', 'id-proofing-expert', 'administrator'] as const;
export type OfficerRole = (typeof OFFICER_ROLES)[number];

export const OFFICER_ROLE_LABELS: Readonly<Record<OfficerRole, string>> = {
  'case-officer': 'Case officer', // "Citizenship Case Officer" (seed 000 L1135)
  'validating-officer': 'Validating officer', // "Validating Identity is Bound" (BR-16, L452–459)
  'id-proofing-expert': 'ID proofing expert', // "ID Proofing Experts Group" (BR-26, L594–596)
  administrator: 'Administrator', // pono: manages officer accounts; not in seed 000
};

export const CASEWORK_ACTIONS = [
  'application.create',
  'application.submit',
  'application.read',
  'application.allocate',
  'application.move-stage',
  'application.revert-stage',
  'application.decide',
  'application.withdraw',
  'person.create',
  'task.prepare',
  'task.validate',
  'task.return',
  'task.reopen',
  'liveness-link.create',
  'liveness-link.send',
  'liveness-link.copy-to-other-person',
  'escalation.raise',
  'escalation.decide',
  'ceremony.record',
  'ceremony.close',
  'documents.read',
  'documents.upload',
  'audit.read',
  'officers.manage',
] as const;
export type CaseworkAction = (typeof CASEWORK_ACTIONS)[number];

const CO = 'case-officer';
const VO = 'validating-officer';
const EX = 'id-proofing-expert';
const AD = 'administrator';

/**
 * The permission table. Administrators manage officers and read the audit trail but do not touch cases
 * (least privilege; give a person a second role if they must). References are to ccms-screens.md.
 */
export const PERMISSIONS: Readonly<Record<CaseworkAction, readonly OfficerRole[]>> = {
  'application.create': [CO], // paper / assisted applications; online ones are created by the applicant
  'application.submit': [CO], // officer-entered applications only; applicants submit their own online (BR-42)
  'application.read': [CO, VO, EX],
  'application.allocate': [CO], // an officer picks up an application (BR-44, L1161)
  'application.move-stage': [CO],
  'application.revert-stage': [CO, VO], // e.g. back to "Complete and Correct" when a child turns 14 (BR-39)
  'application.decide': [VO], // [inf] the decision is recorded by a second officer, never the preparer
  'application.withdraw': [CO],
  'person.create': [CO], // consent giver / secondary consent giver person records (BR-29, BR-34)
  'task.prepare': [CO], // the assessor completes the task (BR-15)
  'task.validate': [VO], // BR-16
  'task.return': [VO], // BR-16: validator disagrees with the assessor
  'task.reopen': [CO, VO],
  'liveness-link.create': [CO], // "+ New Liveness Check" (BR-27)
  'liveness-link.send': [CO], // Save, then "Send Liveness" (BR-31)
  'liveness-link.copy-to-other-person': [CO], // "Case Officers only" (L788; BR-17)
  'escalation.raise': [CO, VO], // grid "Not resolved yet?" → escalate (BR-25, BR-26)
  'escalation.decide': [EX], // the group meets each Wednesday and determines the outcome (BR-26)
  'ceremony.record': [CO],
  'ceremony.close': [CO], // closing the ceremony triggers the INZ notification (BR-58)
  'documents.read': [CO, VO, EX],
  'documents.upload': [CO],
  'audit.read': [AD, EX],
  'officers.manage': [AD],
};

export function isOfficerRole(value: string): value is OfficerRole {
  return (OFFICER_ROLES as readonly string[]).includes(value);
}

/** True when any of the given roles may perform the action. */
export function can(roles: OfficerRole | readonly OfficerRole[], action: CaseworkAction): boolean {
  const held: readonly OfficerRole[] = typeof roles === 'string' ? [roles] : roles;
  const allowed = PERMISSIONS[action];
  return held.some((r) => allowed.includes(r));
}

/** The actions a set of roles may perform, in table order. */
export function actionsFor(roles: OfficerRole | readonly OfficerRole[]): CaseworkAction[] {
  return CASEWORK_ACTIONS.filter((a) => can(roles, a));
}
