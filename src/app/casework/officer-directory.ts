// Officers as the people reading a case know them: the name and email of each officer id an answer carries
// (ids stay the keys; a name is never a key). An id that is not an officer ('system', 'applicant', an officer
// since removed) reads as itself, with no email.
import type { Db } from '../ports/database.ts';

export interface OfficerName {
  readonly name: string;
  readonly email: string | null;
}

export class OfficerDirectory {
  private constructor(private readonly known: ReadonlyMap<string, OfficerName>) {}

  static async of(db: Db, ids: readonly (string | null | undefined)[]): Promise<OfficerDirectory> {
    const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string' && id !== ''))];
    if (wanted.length === 0) return new OfficerDirectory(new Map());
    const rows = await db
      .selectFrom('officers')
      .select(['officer_id', 'full_name', 'email'])
      .where('officer_id', 'in', wanted)
      .execute();
    return new OfficerDirectory(new Map(rows.map((r) => [r.officer_id, { name: r.full_name, email: r.email }])));
  }

  name(id: string): string;
  name(id: string | null | undefined): string | null;
  name(id: string | null | undefined): string | null {
    if (id === null || id === undefined) return null;
    return this.known.get(id)?.name ?? id;
  }

  email(id: string | null | undefined): string | null {
    if (id === null || id === undefined) return null;
    return this.known.get(id)?.email ?? null;
  }
}
