/**
 * The person every registration bench registers (an Australian address, a middle name that makes the stub
 * sources answer as the bench expects), as REST register's JSON body, and the alternating runs the
 * comparison benches make (A, B, B, A: drift from other load on the machine falls on both sides alike).
 */
import { cpuPerRequest, load, type LoadResult, type LoadSpec, type Server } from './load.ts';

export const MIDDLE_NAMES = `TWO${'P'.repeat(28)}`;
export const ADDRESS = {
  country: 'AU',
  postcode: '2000',
  state: 'NSW',
  streetName: 'George',
  streetNumber: '12',
  streetType: 'ST',
  suburb: 'Sydney',
};
export const REGISTER_BODY = JSON.stringify({
  name: { givenName: 'Aroha', middleNames: MIDDLE_NAMES, surname: 'Ngata' },
  dob: '1986-03-12',
  currentResidentialAddress: ADDRESS,
});

/** A POST load of `body` with the bench's time and connection settings. */
export function postLoad(
  settings: Pick<LoadSpec, 'connections' | 'seconds' | 'warmupSeconds'>,
  url: string,
  body: string,
  headers: Record<string, string>,
  extra: Partial<LoadSpec> = {},
  server?: Server,
): () => Promise<LoadResult> {
  return () => load({ ...settings, url, method: 'POST', body, headers, ...extra }, server);
}

export interface Alternated {
  first: LoadResult[];
  second: LoadResult[];
  /** Mean throughput of each side. */
  firstRps: number;
  secondRps: number;
  /** Each run of a side, for the report. */
  show(runs: LoadResult[]): string;
}

/** Runs `first, second, second, first`. */
export async function alternate(
  first: () => Promise<LoadResult>,
  second: () => Promise<LoadResult>,
): Promise<Alternated> {
  const a = [await first()];
  const b = [await second(), await second()];
  a.push(await first());
  const mean = (xs: LoadResult[]) => xs.reduce((sum, r) => sum + r.rps, 0) / xs.length;
  return {
    first: a,
    second: b,
    firstRps: mean(a),
    secondRps: mean(b),
    show: (runs) =>
      runs.map((r) => `${r.rps.toFixed(0)} req/s (p99 ${r.p99.toFixed(0)} ms; ${cpuPerRequest(r)})`).join(', '),
  };
}
