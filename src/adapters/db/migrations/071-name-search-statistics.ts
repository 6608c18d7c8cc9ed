import { sql, type Kysely } from 'kysely';

/**
 * Finer statistics for the name search's indexes (lower(given_names), lower(family_name)): ANALYZE samples ten
 * times as many people. A search newest first has two ways to fill a page: walk the applications newest first,
 * testing each, or gather the few people whose name matches and sort them. Which is right depends on how many
 * match, and with the default sample PostgreSQL sometimes took a rare name (55 people in 100,000) for a common
 * one and walked 44,000 applications (list-plans caught it); with this one it counts them closely.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter index casework_people_by_family_name alter column 1 set statistics 1000;
    alter index casework_people_by_given_names alter column 1 set statistics 1000;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter index casework_people_by_family_name alter column 1 set statistics -1;
    alter index casework_people_by_given_names alter column 1 set statistics -1;
  `.execute(db);
}
