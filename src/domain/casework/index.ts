// Citizenship casework rules (SPEC P5): pure functions and tables, no I/O, time passed in.
//  - application-types: the application types ("CBG Adult", "CBG Child")
//  - roles: officer roles and the permission table, can(roles, action)
//  - people: age on a date, CHILD/YOUTH/ADULT brackets (R10–R13), the 30 July 2020 liveness cutoff
//  - liveness-responsibility: who gives liveness (seed 000), childTurns14Policy, no-liveness reasons
//  - tasks: Confirm Identity tasks (exists / unique / bound), transition table, four-eyes validation
//  - stages: application stage lifecycle ("Complete and Correct", "Application processing", …)
//  - proofing-grid: Identity Proofing Grids G1 (and reconstructed G2), nextProofingStep
//  - escalation: ID Proofing Experts Group template, weekly (Wednesday) queue, recorded decision
//  - links: liveness check links, Active/Completed/Expired, 24 h validity, resend
//  - ceremony: ceremony closure, INZ notification ~7 days later, idempotency key
//  - documents: supporting document kinds, "Document type" and "Provided as"
//  - visa-cancellation: the residence visa INZ cancels once notified (BR-59), for the applicant's email
// Rule ids (BR-nn, Lnnn) refer to /work/shared/research/ccms-screens.md and seed 000; R-nn to nz-citizenship.md §6.

export * from './common.ts';
export * from './application-types.ts';
export * from './roles.ts';
export * from './people.ts';
export * from './liveness-responsibility.ts';
export * from './tasks.ts';
export * from './stages.ts';
export * from './proofing-grid.ts';
export * from './escalation.ts';
export * from './links.ts';
export * from './ceremony.ts';
export * from './personal-data.ts';
export * from './records-api.ts';
export * from './documents.ts';
export * from './visa-cancellation.ts';
