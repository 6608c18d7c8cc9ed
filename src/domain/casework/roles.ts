// Officer roles and the permission table: which role may do which casework use case.
// One officer may hold several roles; `can` is true when any held role is listed for the action.
// Separation of duties beyond the table (e.g. the validator must not be the preparer) lives in tasks.ts.

export const OFFICER_ROLES = [
  'case-officer',
  'validating-officer',
  'id-proofing-expert',
  'team-leader',
  'administrator',
] as const;
export type OfficerRole = (typeof OFFICER_ROLES)[number];

export const OFFICER_ROLE_LABELS: Readonly<Record<OfficerRole, string>> = {
  'case-officer': 'Case officer', // "Citizenship Case Officer" (seed 000 L1135)
  'validating-officer': 'Validating officer', // "Validating Identity is Bound" (BR-16, L452–459)
  'id-proofing-expert': 'ID proofing expert', // "ID Proofing Experts Group" (BR-26, L594–596)
  'team-leader': 'Team leader', // pono: moves work between officers; seed 000 shows an "Owner" per record (L868, L1782)
  administrator: 'Administrator', // pono: manages officer accounts; not in seed 000
};

export const CASEWORK_ACTIONS = [
  'application.create',
  'application.submit',
  'application.read',
  'application.allocate',
  'work.reassign',
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
  'escalation.read',
  'records.read',
  'ceremony.record',
  'ceremony.close',
  'documents.read',
  'documents.upload',
  'documents.check',
  'audit.read',
  'officers.manage',
  'personal-data.export',
  'personal-data.erase',
] as const;
export type CaseworkAction = (typeof CASEWORK_ACTIONS)[number];

const CO = 'case-officer';
const VO = 'validating-officer';
const EX = 'id-proofing-expert';
const TL = 'team-leader';
const AD = 'administrator';

/**
 * The permission table. Administrators manage officers and read the audit trail but do not touch cases
 * (least privilege; give a person a second role if they must). References are to ccms-screens.md.
 */
export const PERMISSIONS: Readonly<Record<CaseworkAction, readonly OfficerRole[]>> = {
  'application.create': [CO], // paper / assisted applications; online ones are created by the applicant
  'application.submit': [CO], // officer-entered applications only; applicants submit their own online (BR-42)
  'application.read': [CO, VO, EX, TL],
  'application.allocate': [CO], // an officer picks up an application (BR-44, L1161)
  'work.reassign': [TL], // pono: a team leader gives an application or a task to another officer (the "Owner", L868)
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
  'escalation.read': [CO, VO, EX], // those who raise escalations and the group that decides them
  'records.read': [CO, VO, EX], // pono: officers working cases read the immigration records (least privilege)
  'ceremony.record': [CO],
  'ceremony.close': [CO], // closing the ceremony triggers the INZ notification (BR-58)
  'documents.read': [CO, VO, EX, TL],
  'documents.upload': [CO],
  'documents.check': [CO, VO, EX], // pono: the document check of a passport image (issue 15), advice to the officer
  'audit.read': [AD, EX],
  'officers.manage': [AD],
  'personal-data.export': [AD], // subject access: a person asks for what the office holds about them
  'personal-data.erase': [AD], // after every case of the person has closed (personal-data.ts)
};

/** Each action in the office's words, as it completes "Your role does not allow you to …" in a refusal. */
export const CASEWORK_ACTION_TEXT: Readonly<Record<CaseworkAction, string>> = {
  'application.create': 'create applications',
  'application.submit': 'submit applications',
  'application.read': 'read applications',
  'application.allocate': 'pick up applications',
  'work.reassign': 'give work to another officer',
  'application.move-stage': 'move an application to its next stage',
  'application.revert-stage': 'send an application back to an earlier stage',
  'application.decide': 'decide applications',
  'application.withdraw': 'withdraw applications',
  'person.create': 'add people to an application',
  'task.prepare': 'prepare identity tasks',
  'task.validate': 'validate identity tasks',
  'task.return': 'return identity tasks to the preparing officer',
  'task.reopen': 'reopen identity tasks',
  'liveness-link.create': 'create liveness check links',
  'liveness-link.send': 'send liveness check links',
  'liveness-link.copy-to-other-person': "copy a liveness check to another person's application",
  'escalation.raise': 'escalate to the ID Proofing Experts Group',
  'escalation.decide': 'record the ID Proofing Experts Group decision',
  'escalation.read': 'read escalations',
  'records.read': 'read immigration records',
  'ceremony.record': 'record ceremonies',
  'ceremony.close': 'close ceremonies',
  'documents.read': 'read documents',
  'documents.upload': 'upload documents',
  'documents.check': 'run the document check',
  'audit.read': 'read the audit trail',
  'officers.manage': 'manage officer accounts',
  'personal-data.export': "export a person's data",
  'personal-data.erase': "erase a person's evidence and contact details",
};

/** A role's label inside a sentence: "case officer", but "ID proofing expert". */
export function roleInSentence(role: OfficerRole): string {
  const label = OFFICER_ROLE_LABELS[role];
  return /^[A-Z]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

/** The refusal an officer reads when none of their roles may perform the action (no permission ids). */
export function notPermittedMessage(action: CaseworkAction): string {
  const roles = PERMISSIONS[action].map((r) => roleInSentence(r));
  return `Your role does not allow you to ${CASEWORK_ACTION_TEXT[action]} (${roles.length === 1 ? 'needs the role' : 'needs one of the roles'}: ${roles.join(', ')})`;
}

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
