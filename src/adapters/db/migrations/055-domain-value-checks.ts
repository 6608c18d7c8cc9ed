import { sql, type Kysely } from 'kysely';

/**
 * The columns that hold one of the domain's values (src/app/ports/database-schema.ts types them with the domain's
 * unions) refuse any other value, so a row read back is always one the domain knows.
 */
const CHECKS = [
  [
    'casework_people',
    'relationship',
    `relationship in ('applicant', 'consenting-parent', 'secondary-consent-giver', 'child')`,
  ],
  ['liveness_trusted_sources', 'source', `source in ('PROVIDED', 'PASSPORT', 'IMMIGRATION')`],
  ['liveness_attempts', 'state', `state in ('OPEN', 'ANALYSING', 'DECIDED')`],
  ['liveness_attempts', 'result', `result in ('PASS', 'FAIL')`],
  ['liveness_attempts', 'liveness', `liveness in ('PASS', 'FAIL')`],
  ['document_captures', 'status', `status in ('AWAITING_CONFIRMATION', 'CONFIRMED')`],
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, column, check] of CHECKS)
    await sql`alter table ${sql.table(table)} add constraint ${sql.id(`${table}_${column}_known`)} check (${sql.raw(check)})`.execute(
      db,
    );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of CHECKS)
    await sql`alter table ${sql.table(table)} drop constraint ${sql.id(`${table}_${column}_known`)}`.execute(db);
}
