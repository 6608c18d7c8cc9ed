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
import { Worker } from 'node:worker_threads';
import { missingImages, type RealAttempt } from '../adapters/face/synthetic-faces.ts';

const DAY_MS = 86_400_000;
const MAX_ATTEMPT_SETS = 3;

/** The portrait as the application photo, and an attempt set of frames made from it, built in a worker thread. */
function collinsAttempt(): Promise<RealAttempt> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./demo-frames-entry.mjs', import.meta.url));
    worker.unref();
    worker.once('error', reject);
    worker.once('message', (message: { attempt?: RealAttempt; error?: string }) => {
      void worker.terminate();
      if (!message.attempt) return reject(new Error(message.error ?? 'the demo frames could not be built'));
      const a = message.attempt;
      const frames = (list: readonly { image: Uint8Array; tMs: number }[]) =>
        list.map((f) => ({ image: Buffer.from(f.image), tMs: f.tMs }));
      resolve({
        selfie: Buffer.from(a.selfie),
        blink: frames(a.blink),
        shake: frames(a.shake),
        noNod: frames(a.noNod),
        application: Buffer.from(a.application),
        otherPerson: Buffer.from(a.otherPerson),
      });
    });
  });
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
    const result = await services.liveness.submitAttempt(token, view.attempt.id, {
      selfie: { image: frames.selfie },
      captures,
    });
    if (result.result !== 'try_again') return;
  }
}

async function subjectOf(services: Services, actor: Actor, reference: string): Promise<string> {
  const application = await services.casework.applications.get(actor, reference);
  const subject = application.people.find((p) => p.relationship === 'applicant');
  if (!subject) throw new Error(`demo application ${reference} has no applicant`);
  return subject.id;
}

/**
 * Seeds the links when this run seeded the demo; returns a line for the person who started the demo. The
 * completed check (half a minute of face analysis) is left to the server's demo (`PONO_DEMO=1`), which runs it
 * after start; `pono demo` seeds the expired link only, so that it stays quick.
 */
export async function seedDemoLiveness(
  services: Services,
  demo: DemoCasework,
  options: { completedCheck: boolean } = { completedCheck: true },
): Promise<string | undefined> {
  const officer = demo.preparer;
  if (!officer) return undefined;
  const ref = (label: string) => demo.applications.find((a) => a.label === label)?.reference ?? '';
  const now = services.clock.now().getTime();

  const noMatch = ref('no match');
  const expired = await services.casework.links.create(officer, noMatch, {
    personId: await subjectOf(services, officer, noMatch),
    relationship: 'Adult',
  });
  await services.casework.links.markSentForDemo(
    expired.id,
    new Date(now - 2 * DAY_MS),
    randomBytes(32).toString('base64url'),
  );

  if (!options.completedCheck) return undefined;
  const missing = missingImages();
  if (missing) return `demo liveness check left out: ${missing}`;
  const adult = ref('adult, 1:1 match, eligible');
  const personId = await subjectOf(services, officer, adult);
  const frames = await collinsAttempt();
  await services.casework.applications.uploadDocument(officer, adult, {
    kind: 'passport-style-image',
    personId,
    fileName: 'Passport_Photo.jpg',
    content: frames.application,
  });
  const link = await services.casework.links.create(officer, adult, { personId, relationship: 'Adult' });
  const token = randomBytes(32).toString('base64url');
  await services.casework.links.markSentForDemo(link.id, new Date(now - 3_600_000), token);
  await doTheCheck(services, token, frames);
  return 'demo liveness check completed (three attempt sets analysed by the face engine)';
}
