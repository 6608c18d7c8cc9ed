// The per-link results the application's "Liveness check" subgrid shows (Blink, Nod, Shake, Photo): read from
// the link's liveness session, newest decided attempt set first. The engine's results are advice (BR-11).
import type { Db } from '../ports/database.ts';
import { decidedAttempts, originsOfCopies, sessionsOfLinks } from './liveness-link-store.ts';

type PassFail = 'PASS' | 'FAIL';

/** The engine's results of the newest decided attempt set: advice for the officer, who records the decision on the task. */
export interface LinkResults {
  attemptsUsed: number;
  decidedAt: string;
  blink: 'PASS' | 'FAIL' | null;
  nod: 'PASS' | 'FAIL' | null;
  shake: 'PASS' | 'FAIL' | null;
  /** the face comparison with the trusted source face: MATCH, NO MATCH, ERROR or NOT_AVAILABLE */
  photo: string | null;
}

const passFail = (value: string | undefined): PassFail | null => (value === 'PASS' || value === 'FAIL' ? value : null);

export interface LinkSession {
  sessionId: string;
  results: LinkResults | null;
}

/** Each link's liveness session (opened when the person follows the link) and its newest decided results. */
export async function linkSessions(db: Db, linkIds: readonly string[]): Promise<Map<string, LinkSession>> {
  const sessions = new Map<string, LinkSession>();
  if (linkIds.length === 0) return sessions;
  // A copied check (BR-17) shows the original's session: the evidence is shared by reference, never duplicated.
  const originOf = await originsOfCopies(db, linkIds);
  const opened = await sessionsOfLinks(db, [...new Set(linkIds.map((id) => originOf.get(id) ?? id))]);
  const results = await decidedResults(
    db,
    opened.map((s) => s.session_id),
  );
  const byOrigin = new Map<string, LinkSession>();
  for (const s of opened)
    if (s.link_id !== null)
      byOrigin.set(s.link_id, { sessionId: s.session_id, results: results.get(s.session_id) ?? null });
  for (const id of linkIds) {
    const found = byOrigin.get(originOf.get(id) ?? id);
    if (found) sessions.set(id, found);
  }
  return sessions;
}

async function decidedResults(db: Db, sessionIds: readonly string[]): Promise<Map<string, LinkResults>> {
  const found = new Map<string, LinkResults>();
  if (sessionIds.length === 0) return found;
  for (const row of await decidedAttempts(db, sessionIds)) {
    if (row.decided_at === null) continue;
    const counted = found.get(row.session_id);
    if (counted) {
      counted.attemptsUsed += 1;
      continue;
    }
    const challenges = row.outcome?.challenges ?? [];
    const of = (name: string) => passFail(challenges.find((c) => c.challenge === name)?.result);
    found.set(row.session_id, {
      attemptsUsed: 1,
      decidedAt: row.decided_at.toISOString(),
      blink: of('BLINK'),
      nod: of('NOD'),
      shake: of('SHAKE'),
      photo: row.face_match,
    });
  }
  return found;
}
