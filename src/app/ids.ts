import { randomBytes, randomInt, hash } from 'node:crypto';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A verification id like greenID's: 9 mixed-case alphanumerics, e.g. "1H93AyUcA". */
export function newVerificationId(): string {
  let id = '';
  for (let i = 0; i < 9; i += 1) id += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return id;
}

/** A verification token: 40 lowercase hex characters (160 random bits), the shape greenID clients expect. */
export function newVerificationToken(): string {
  return randomBytes(20).toString('hex');
}

/** Tokens and links are stored only as this digest. */
export function digest(secret: string): string {
  return hash('sha256', secret, 'hex');
}
