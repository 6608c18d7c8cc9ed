// Officers as the people reading a case know them: the name and email of each officer id an answer carries
// (ids stay the keys; a name is never a key). An id that is not an officer ('system', 'applicant', an officer
// since removed) reads as itself, with no email.
import type { Db } from '../ports/database.ts';
import { officerNames } from './officer-store.ts';

export interface OfficerName {
  readonly name: string;
  readonly email: string | null;
}

export class OfficerDirectory {
  private constructor(private readonly known: ReadonlyMap<string, OfficerName>) {}

  static async of(db: Db, ids: readonly (string | null | undefined)[]): Promise<OfficerDirectory> {
    const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string' && id !== ''))];
    if (wanted.length === 0) return new OfficerDirectory(new Map());
    return new OfficerDirectory(await officerNames(db, wanted));
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
