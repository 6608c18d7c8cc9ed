// The demo's liveness checks (PONO_DEMO=1 or `pono demo`): on the eligible adult's application, a link the
// person followed and finished — three attempt sets of real frames (Eileen Collins's public-domain portrait from
// Debian's python3-skimage, blinking and shaking her head but never nodding) analysed by the real face engine,
// so the evidence screens show the engine's advice as on any check — and, on the No match application, a link
// sent two days ago that has expired. The demo has no mail server, so its links are recorded as sent without
// an email. Without the Debian images the completed check is left out and the reason is printed.
import { randomBytes } from 'node:crypto';
import type { Services } from '../app/services.ts';
import type { Actor } from '../app/casework/actor.ts';
import type { DemoCasework } from '../app/demo-casework.ts';
import { getFaceEngine } from '../adapters/face/engine.ts';
import { LEFT_EYE_INDICES, RIGHT_EYE_INDICES } from '../adapters/face/track.ts';
import { COLLINS, buildRealAttempt, loadRaw, missingImages, toJpeg, type RealAttempt } from '../adapters/face/synthetic-faces.ts';

const DAY_MS = 86_400_000;
const MAX_ATTEMPT_SETS = 3;

/** The portrait as the application photo, and an attempt set of frames made from it (measured by the engine). */
async function collinsAttempt(): Promise<RealAttempt> {
  const engine = await getFaceEngine();
  const base = await loadRaw(COLLINS);
  const face = (await engine.analyse(await toJpeg(base))).faces[0];
  if (!face) throw new Error('the engine found no face in the demo portrait');
  const eyes = [LEFT_EYE_INDICES, RIGHT_EYE_INDICES].map((indices) => indices.map((i) => [face.mesh[i]?.[0] ?? 0, face.mesh[i]?.[1] ?? 0] as const));
  return buildRealAttempt({ cx: face.box.x + face.box.width / 2, cy: face.box.y + face.box.height / 2, width: face.box.width, eyes }, base);
}

/** The person's side of a check: each attempt set's challenges in the server's order, until none is left. */
async function doTheCheck(services: Services, token: string, frames: RealAttempt): Promise<void> {
  const byChallenge = { BLINK: frames.blink, SHAKE: frames.shake, NOD: frames.noNod };
  for (let set = 0; set < MAX_ATTEMPT_SETS; set++) {
    const view = await services.liveness.startAttempt(token);
    if (!view.attempt) return;
    let start = 0;
    const captures = view.attempt.challenges.map((challenge) => {
      const list = byChallenge[challenge];
      const first = list[0]?.tMs ?? 0;
      const shifted = list.map((f) => ({ image: f.image, tMs: start + f.tMs - first }));
      start += 4000;
      return { challenge, frames: shifted };
    });
    const result = await services.liveness.submitAttempt(token, view.attempt.id, { selfie: { image: frames.selfie }, captures });
    if (result.result !== 'try_again') return;
  }
}

async function subjectOf(services: Services, actor: Actor, reference: string): Promise<string> {
  const application = await services.casework.applications.get(actor, reference);
  const subject = application.people.find((p) => p.relationship === 'applicant');
  if (!subject) throw new Error(`demo application ${reference} has no applicant`);
  return subject.id;
}

/** Seeds both links when this run seeded the demo; returns a line for the person who started the demo. */
export async function seedDemoLiveness(services: Services, demo: DemoCasework): Promise<string | undefined> {
  const officer = demo.preparer;
  if (!officer) return undefined;
  const ref = (label: string) => demo.applications.find((a) => a.label === label)?.reference ?? '';
  const now = services.clock.now().getTime();

  const noMatch = ref('no match');
  const expired = await services.casework.links.create(officer, noMatch, { personId: await subjectOf(services, officer, noMatch), relationship: 'Adult' });
  await services.casework.links.markSentForDemo(expired.id, new Date(now - 2 * DAY_MS), randomBytes(32).toString('base64url'));

  const missing = missingImages();
  if (missing) return `demo liveness check left out: ${missing}`;
  const adult = ref('adult, 1:1 match, eligible');
  const personId = await subjectOf(services, officer, adult);
  const frames = await collinsAttempt();
  await services.casework.applications.uploadDocument(officer, adult, { kind: 'passport-style-image', personId, fileName: 'Passport_Photo.jpg', content: frames.application });
  const link = await services.casework.links.create(officer, adult, { personId, relationship: 'Adult' });
  const token = randomBytes(32).toString('base64url');
  await services.casework.links.markSentForDemo(link.id, new Date(now - 3_600_000), token);
  await doTheCheck(services, token, frames);
  return 'demo liveness check completed (three attempt sets analysed by the face engine)';
}
