import { sql, type Kysely } from 'kysely';

/** When a person's evidence and contact details were erased on request (null: never). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table casework_people add column erased_at timestamptz`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table casework_people drop column erased_at`.execute(db);
}
