import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** Argon2id, memory-hard; parameters as OWASP's minimum (19 MiB, 2 passes). */
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// An argon2id hash of a random string nobody knows, made once: checking an unknown user against it costs the
// same time as a wrong password, so timing does not tell which users exist.
let unknownUserHash: Promise<string> | undefined;

/** True when `stored` is the hash of `password`; an absent user (`stored` undefined) spends the same time and fails. */
export async function verifyPassword(stored: string | undefined, password: string): Promise<boolean> {
  unknownUserHash ??= hashPassword(randomBytes(32).toString('base64url'));
  try {
    const ok = await verify(stored ?? (await unknownUserHash), password);
    return ok && stored !== undefined;
  } catch {
    return false;
  }
}
