// The immigration-records store (SPEC P3): INZ identities in PostgreSQL (PGlite or a server), one row per
// identity holding the whole record as JSONB, searchable by date of birth and by normalised name.
//
// This is the adapter at the edge of the world we cannot reach: in production the records would come from
// INZ's identity search service. Here the local store plays that service, and `outage` is its failure
// switch: while `outage.down` is true (PONO_RECORDS_DOWN=1 at start-up, or set at run time by tests), reads
// fail with RecordsServiceDown exactly as a real outage would, and a database failure during a read is
// reported the same way. Loading is a local administration step and ignores the switch.
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { ApplicantDetails } from '../../domain/identity/index.ts';
import { nameTokens } from '../../domain/names/index.ts';
import type { ImmigrationRecord } from '../../domain/records/index.ts';
import { createHash } from 'node:crypto';
import {
  RecordsServiceDown,
  type ImmigrationRecordsSource,
  type LoadResult,
  type RecordProblem,
  type StoredPhoto,
} from '../../app/records.ts';
import { documentContentType } from '../../domain/casework/index.ts';
import { recordProblems } from './validate.ts';

export interface RecordsOutage {
  down: boolean;
  reason?: string;
}

/** Rows written per statement while loading. */
const BATCH = 500;
/** At most this many problems are reported for one load. */
const MAX_PROBLEMS = 100;
/** Candidates returned by one search, at most. */
const MAX_CANDIDATES = 200;

/** Search keys of a name: the family name's tokens joined, and the first given name. */
export function nameKeys(givenNames: string, familyName: string): { familyKey: string; givenKey: string } {
  return { familyKey: nameTokens(familyName).join(''), givenKey: nameTokens(givenNames)[0] ?? '' };
}

/**
 * The dates of birth the identity matcher accepts for an applicant's `YYYY-MM-DD`: the date itself, every
 * one-digit change, every swap of two adjacent digits, and day and month swapped (compareDatesOfBirth).
 * Some variants are not calendar dates; they simply find nothing.
 */
export function dateOfBirthVariants(dateOfBirth: string): string[] {
  const variants = new Set<string>([dateOfBirth]);
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(dateOfBirth)) return [...variants];
  const digits = dateOfBirth.replace(/-/g, '');
  const format = (d: string) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  for (let i = 0; i < 8; i++) {
    for (let c = 0; c <= 9; c++) variants.add(format(`${digits.slice(0, i)}${c}${digits.slice(i + 1)}`));
    if (i < 7)
      variants.add(format(`${digits.slice(0, i)}${digits[i + 1] ?? ''}${digits[i] ?? ''}${digits.slice(i + 2)}`));
  }
  variants.add(format(`${digits.slice(0, 4)}${digits.slice(6, 8)}${digits.slice(4, 6)}`));
  return [...variants];
}

function names(record: ImmigrationRecord): { familyKey: string; givenKey: string; other: boolean }[] {
  const identity = record.identity;
  const all = [{ ...nameKeys(identity.givenNames, identity.familyName), other: false }];
  for (const n of identity.otherNames) all.push({ ...nameKeys(n.givenNames, n.familyName), other: true });
  return all;
}

export class RecordsStore implements ImmigrationRecordsSource {
  constructor(
    private readonly db: Db,
    readonly outage: RecordsOutage = { down: false },
  ) {}

  private async read<T>(work: () => Promise<T>): Promise<T> {
    if (this.outage.down) throw new RecordsServiceDown(this.outage.reason ?? 'Identity search service is down');
    try {
      return await work();
    } catch (error) {
      throw new RecordsServiceDown(
        `immigration records store failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  async load(records: readonly unknown[]): Promise<LoadResult> {
    const problems: RecordProblem[] = [];
    const firstIndex = new Map<string, number>();
    records.forEach((value, index) => {
      if (problems.length >= MAX_PROBLEMS) return;
      const found = recordProblems(value);
      for (const p of found) problems.push({ index, ...p });
      if (found.length === 0) {
        const id = (value as ImmigrationRecord).identity.identityId;
        const earlier = firstIndex.get(id);
        if (earlier !== undefined)
          problems.push({
            index,
            path: '/identity/identityId',
            message: `repeats the identity id of record ${earlier}`,
          });
        else firstIndex.set(id, index);
      }
    });
    const photos = new Map<string, { content: Buffer; contentType: string }>();
    records.forEach((value, index) => {
      if (problems.length >= MAX_PROBLEMS || recordProblems(value).length > 0) return;
      const photo = (value as ImmigrationRecord).identity.photo;
      if (photo?.content === undefined) return;
      const content = Buffer.from(photo.content, 'base64');
      const contentType = documentContentType(content);
      if (contentType === null || contentType === 'application/pdf')
        problems.push({
          index,
          path: '/identity/photo/content',
          message: 'must be a JPEG or PNG image, base64-encoded',
        });
      else photos.set(photo.ref, { content, contentType });
    });
    if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
    // The image is kept by its key; the stored record names it and never holds it.
    const valid = (records as readonly ImmigrationRecord[]).map((r) => {
      const photo = r.identity.photo;
      if (photo?.content === undefined) return r;
      return { ...r, identity: { ...r.identity, photo: { name: photo.name, ref: photo.ref } } };
    });
    await this.db.transaction().execute(async (tx) => {
      for (let start = 0; start < valid.length; start += BATCH) {
        const batch = valid.slice(start, start + BATCH);
        const ids = batch.map((r) => r.identity.identityId);
        await tx.deleteFrom('immigration_identity_names').where('identity_id', 'in', ids).execute();
        await tx
          .insertInto('immigration_identities')
          .values(
            batch.map((r) => {
              const keys = nameKeys(r.identity.givenNames, r.identity.familyName);
              return {
                identity_id: r.identity.identityId,
                client_id: r.identity.clientId,
                family_key: keys.familyKey,
                given_key: keys.givenKey,
                date_of_birth: r.identity.dateOfBirth,
                record: JSON.stringify(r),
              };
            }),
          )
          .onConflict((oc) =>
            oc.column('identity_id').doUpdateSet((eb) => ({
              client_id: eb.ref('excluded.client_id'),
              family_key: eb.ref('excluded.family_key'),
              given_key: eb.ref('excluded.given_key'),
              date_of_birth: eb.ref('excluded.date_of_birth'),
              record: eb.ref('excluded.record'),
              loaded_at: sql<Date>`now()`,
            })),
          )
          .execute();
        await tx
          .insertInto('immigration_identity_names')
          .values(
            batch.flatMap((r) =>
              names(r).map((n) => ({
                identity_id: r.identity.identityId,
                family_key: n.familyKey,
                given_key: n.givenKey,
                other_name: n.other,
              })),
            ),
          )
          .execute();
      }
      for (const [ref, photo] of photos) {
        const row = {
          ref,
          content_type: photo.contentType,
          size: photo.content.byteLength,
          sha256: createHash('sha256').update(photo.content).digest('hex'),
          content: photo.content,
        };
        await tx
          .insertInto('immigration_photos')
          .values(row)
          .onConflict((oc) =>
            oc.column('ref').doUpdateSet({
              content_type: row.content_type,
              size: row.size,
              sha256: row.sha256,
              content: row.content,
            }),
          )
          .execute();
      }
    });
    return { ok: true, loaded: valid.length };
  }

  getIdentity(identityId: string): Promise<ImmigrationRecord | null> {
    return this.read(async () => {
      const row = await this.db
        .selectFrom('immigration_identities')
        .select('record')
        .where('identity_id', '=', identityId)
        .executeTakeFirst();
      return row === undefined ? null : row.record;
    });
  }

  /**
   * Blocking for the identity match: identities whose date of birth is the applicant's or one of its near
   * misses, and identities with one of the applicant's names (either reading: given and family swapped),
   * as their own name or another name. The matcher then scores each.
   */
  searchCandidates(applicant: ApplicantDetails): Promise<ImmigrationRecord[]> {
    return this.read(async () => {
      const keys = nameKeys(applicant.givenNames, applicant.familyName);
      const swapped = nameKeys(applicant.familyName, applicant.givenNames);
      const byName = this.db
        .selectFrom('immigration_identity_names')
        .select('identity_id')
        .where((eb) =>
          eb.or([
            eb.and([eb('family_key', '=', keys.familyKey), eb('given_key', '=', keys.givenKey)]),
            eb.and([eb('family_key', '=', swapped.familyKey), eb('given_key', '=', swapped.givenKey)]),
          ]),
        );
      // One set of ids rather than "date_of_birth in (…) or identity_id in (…)", which is no index condition:
      // PostgreSQL would walk every identity in id order, testing each.
      const byDateOfBirth = this.db
        .selectFrom('immigration_identities')
        .select('identity_id')
        .where('date_of_birth', 'in', dateOfBirthVariants(applicant.dateOfBirth));
      const rows = await this.db
        .selectFrom('immigration_identities')
        .select(['identity_id', 'record'])
        .where('identity_id', 'in', byDateOfBirth.unionAll(byName))
        .orderBy('identity_id')
        .limit(MAX_CANDIDATES)
        .execute();
      return rows.map((r) => r.record);
    });
  }

  photo(ref: string): Promise<StoredPhoto | null> {
    return this.read(async () => {
      const row = await this.db
        .selectFrom('immigration_photos')
        .select(['content_type', 'content'])
        .where('ref', '=', ref)
        .executeTakeFirst();
      return row === undefined ? null : { contentType: row.content_type, content: row.content };
    });
  }

  counts(): Promise<{ identities: number; clients: number }> {
    return this.read(async () => {
      const row = await this.db
        .selectFrom('immigration_identities')
        .select((eb) => [
          eb.fn.countAll<number>().as('identities'),
          eb.fn.count<number>('client_id').distinct().as('clients'),
        ])
        .executeTakeFirstOrThrow();
      return { identities: Number(row.identities), clients: Number(row.clients) };
    });
  }
}
