import type { Db } from './ports/database.ts';
import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurnOfEventLoop } from 'node:timers/promises';
import {
  isoFromDob,
  parseRegistryRow,
  registryHeaderProblems,
  registrySourceIds,
  type Person,
  type RegistryRecords,
  type RegistryRecord,
  type RegistryRowProblem,
} from '../domain/verification/index.ts';
import { RegistryStore } from './registry-store.ts';
import { errors, type FieldProblem } from './errors.ts';

/** The immigration records of P3, seen as a registry source: candidates for a person. */
export interface ImmigrationCandidates {
  candidates(person: Pick<Person, 'givenName' | 'surname' | 'dob'>): Promise<RegistryRecord[] | 'unavailable'>;
}

export const IMMIGRATION_SOURCE = 'immigration';

/**
 * The records operators load for registry sources (e.g. a roll or a customer file), kept per account and
 * source, and the office's immigration records for the `immigration` source. Candidates for a person are
 * those with the same date of birth (immigration: the records' own candidate search); the domain then
 * matches names and addresses and gives the field statuses.
 */
export class Registry {
  private readonly store: RegistryStore;

  constructor(
    private readonly db: Db,
    private readonly immigration: ImmigrationCandidates | null = null,
  ) {
    this.store = new RegistryStore(db);
  }

  /**
   * `db` is the caller's transaction when there is one. The immigration source is background-only, so it is
   * looked up only outside a transaction (at registration), never by setFields.
   */
  async candidates(
    accountId: string,
    sourceIds: readonly string[],
    person: Pick<Person, 'givenName' | 'surname' | 'dob'>,
    db: Db = this.db,
  ): Promise<RegistryRecords> {
    const out: RegistryRecords = {};
    if (this.immigration && db === this.db && sourceIds.includes(IMMIGRATION_SOURCE)) {
      out[IMMIGRATION_SOURCE] = await this.immigration.candidates(person);
    }
    const wanted = sourceIds.filter((id) => id !== IMMIGRATION_SOURCE && registrySourceIds().includes(id));
    if (wanted.length === 0) return out;
    for (const row of await this.store.candidates(accountId, wanted, isoFromDob(person.dob), db)) {
      const list = out[row.source_id] ?? [];
      if (list !== 'unavailable') list.push(row.record);
      out[row.source_id] = list;
    }
    return out;
  }

  /**
   * Loads CSV rows (header-keyed, as they are parsed, possibly from a stream) into a registry source. The rows
   * are written a batch at a time so that other requests are answered meanwhile, and become candidates only
   * when the whole file has loaded; a file with a bad row loads nothing and its problems are named.
   */
  async load(
    accountId: string,
    sourceId: string,
    rows: Iterable<Record<string, string>> | AsyncIterable<Record<string, string>>,
  ): Promise<{ loaded: number }> {
    if (!registrySourceIds().includes(sourceId)) {
      throw errors.invalid([
        {
          field: 'sourceId',
          message: `${sourceId} is not a registry source; registry sources: ${registrySourceIds().join(', ')}`,
        },
      ]);
    }
    await this.store.removeUnfinished(new Date());
    const importId = randomUUID();
    const problems: RegistryRowProblem[] = [];
    let problemRows = 0;
    let batch: RegistryRecord[] = [];
    let begun = false;
    let loaded = 0;
    let at = 0;
    const write = async () => {
      if (!begun) await this.store.beginImport(importId, accountId, sourceId);
      begun = true;
      await this.store.insertBatch(importId, accountId, sourceId, batch);
      loaded += batch.length;
      batch = [];
      // Rows already parsed and an embedded database both resolve in microtasks only: without this turn, a
      // file's whole load would run before any other request's timer or socket is looked at.
      await nextTurnOfEventLoop();
    };
    try {
      for await (const row of rows) {
        at += 1;
        if (at === 1) {
          const headerProblems = registryHeaderProblems(Object.keys(row));
          if (headerProblems.length > 0) throw errors.invalid(headerProblems.map(fieldProblem));
        }
        const parsed = parseRegistryRow(row, at);
        if (parsed.problems.length > 0) {
          problemRows += 1;
          if (problems.length < REPORTED_PROBLEMS) problems.push(...parsed.problems);
        } else if (problemRows === 0) {
          batch.push(parsed.record);
          if (batch.length === BATCH_ROWS) await write();
        }
      }
      if (problemRows > 0) {
        const more = problemRows - new Set(problems.map((p) => p.row)).size;
        throw errors.invalid([
          ...problems.map(fieldProblem),
          ...(more > 0 ? [{ field: 'rows', message: `and ${more} more rows with problems` }] : []),
        ]);
      }
      if (batch.length > 0) await write();
      if (begun) await this.store.finishImport(importId);
      return { loaded };
    } catch (error) {
      if (begun) {
        await this.store.failImport(importId);
        await this.store.removeUnfinished(new Date());
      }
      throw error;
    }
  }
}

/** Rows written per statement: small enough that a waiting request is answered within one batch's time. */
const BATCH_ROWS = 1000;
/** Problems named in one answer; a file with more says how many more rows had problems. */
const REPORTED_PROBLEMS = 100;

function fieldProblem(p: RegistryRowProblem): FieldProblem {
  return { field: p.row === 0 ? `header: ${p.field}` : `row ${p.row}: ${p.field}`, message: p.message };
}
