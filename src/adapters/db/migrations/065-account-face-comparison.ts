import { sql, type Kysely } from 'kysely';

/**
 * Seed 003: the Face Comparison component of a captured document is present only when the customer's account
 * is configured for it. Each account says whether its captures need a selfie (`required`), compare one when it
 * is sent (`optional`, what every capture did before), or compare none (`off`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table accounts add column face_comparison text not null default 'optional'
      constraint accounts_face_comparison_known check (face_comparison in ('required', 'optional', 'off'));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table accounts drop column face_comparison;`.execute(db);
}
