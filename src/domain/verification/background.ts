// Background sources, run at registration (method DB): stub sources by the middle-name code (seed 002),
// registry sources by matching the person against the candidates the app fetched.
//
// Credit-header sources (category creditHeader) run only with consent: extraData
// `dnb-credit-header-consent-given` = `true` (research §5.2). Without it they are not run at all (greenID
// "silently skips" checks whose extraData is missing).
import type { CheckResultV3, Country, Person, SourceState, Watchlist } from './types.ts';
import { BACKGROUND_STUB_TABLES, backgroundStubResults, type StubResult } from './stubs/index.ts';
import { REGISTRY_SOURCES, type SourceCategory } from './catalogue/index.ts';
import { bestRegistryMatch, subjectFromPerson, type RegistryRecords } from './registry.ts';
import { checkResult, confirmedFields } from './results.ts';
import { runnable, type AccountSettings, type SourceProgress } from './state.ts';

export const CONSENT_KEY = 'dnb-credit-header-consent-given';

/** extraData consent: `true` → given, `false` → refused, absent or anything else → not asked (null). */
export function creditHeaderConsent(extraData: Record<string, string>): boolean | null {
  const value = (extraData[CONSENT_KEY] ?? '').trim().toLowerCase();
  return value === 'true' ? true : value === 'false' ? false : null;
}

/** Seed 002 letter → source state. Watchlists: a pass is "not found on the list", a fail "found on it". */
export const STUB_STATES: Record<'watchlist' | 'other', Record<StubResult, SourceState>> = {
  watchlist: { pass: 'NOT_FOUND_ON_LIST', fail: 'FOUND_ON_LIST', error: 'ERROR' },
  other: { pass: 'VERIFIED', fail: 'AUTOFAIL', error: 'ERROR' },
};

export interface BackgroundRun {
  sources: Record<string, SourceProgress>;
  results: CheckResultV3[];
  watchlistsFoundOn: Watchlist[];
}

function progress(
  sourceId: string,
  state: SourceState,
  confirms: SourceProgress['confirms'],
  dateVerified: string | null,
): SourceProgress {
  return { sourceId, state, method: 'DB', confirms, attempts: 0, failedAttempts: 0, dateVerified };
}

const skipped = (category: SourceCategory, consent: boolean | null) => category === 'creditHeader' && consent !== true;

export function runBackground(
  account: AccountSettings,
  country: Country,
  person: Person,
  consent: boolean | null,
  now: Date,
  registry: RegistryRecords,
): BackgroundRun {
  const run: BackgroundRun = { sources: {}, results: [], watchlistsFoundOn: [] };
  const add = (sourceId: string, result: CheckResultV3, confirms: SourceProgress['confirms']) => {
    run.sources[sourceId] = progress(sourceId, result.state, confirms, result.dateVerified);
    run.results.push(result);
  };
  if (account.stubMode) {
    const table = BACKGROUND_STUB_TABLES[country];
    const letters = backgroundStubResults(table, person.middleNames);
    for (const entry of table.positions) {
      const source = runnable(account, { country }, entry.sourceId);
      if (!source || !source.background || skipped(source.category, consent)) continue;
      const state =
        STUB_STATES[source.category === 'watchlist' ? 'watchlist' : 'other'][letters.get(entry.sourceId) ?? 'fail'];
      const passed = state === 'VERIFIED';
      if (state === 'FOUND_ON_LIST' && source.watchlist) run.watchlistsFoundOn.push(source.watchlist);
      const fields = passed ? confirmedFields(person, source.confirms) : [];
      add(
        source.sourceId,
        checkResult(source.sourceId, state, 'DB', now, passed, fields),
        passed ? [...source.confirms] : [],
      );
    }
  }
  for (const definition of REGISTRY_SOURCES) {
    const source = runnable(account, { country }, definition.sourceId);
    if (!source || !source.background) continue;
    const candidates = registry[source.sourceId] ?? [];
    if (candidates === 'unavailable') {
      add(source.sourceId, checkResult(source.sourceId, 'ERROR', 'DB', now, false), []);
      continue;
    }
    const match = bestRegistryMatch(subjectFromPerson(person), candidates, source.confirms);
    const passed = match !== null && match.confirms.length > 0;
    const result = checkResult(
      source.sourceId,
      passed ? 'VERIFIED' : 'AUTOFAIL',
      'DB',
      now,
      passed,
      match?.fieldResult ?? [],
    );
    add(source.sourceId, result, passed && match ? match.confirms : []);
  }
  return run;
}
