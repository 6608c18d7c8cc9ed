// The applicant's upload checked before anything is analysed or stored: each image a JPEG or PNG within the size
// limits, every challenge named once, every trusted source face given once; a 400 names the field and the problem.
import { CHALLENGES, type Challenge, type TrustedSource } from '../domain/liveness/index.ts';
import { imageSize, jpegOrPng } from '../domain/files/image-size.ts';
import { invalid } from './casework/actor.ts';
import {
  TRUSTED_SOURCES,
  type AttemptSubmission,
  type GivenTrustedSource,
  type TrustedSourceInput,
  type UploadLimits,
} from './liveness-session-types.ts';

export interface CheckedSubmission {
  selfie: Buffer;
  captures: { challenge: Challenge; frames: { image: Buffer; tMs: number }[] }[];
}

export function isChallenge(value: string): value is Challenge {
  return (CHALLENGES as readonly string[]).includes(value);
}

export function isTrustedSource(value: string): value is TrustedSource {
  return (TRUSTED_SOURCES as readonly string[]).includes(value);
}

export function checkImage(image: Buffer, field: string, limits: UploadLimits): void {
  if (image.byteLength === 0) throw invalid(field, 'the image is empty');
  if (image.byteLength > limits.maxImageBytes)
    throw invalid(field, `the image is larger than ${limits.maxImageBytes} bytes`);
  if (!jpegOrPng(image)) throw invalid(field, 'the image must be a JPEG or PNG');
  const size = imageSize(image);
  if (!size || size.width === 0 || size.height === 0) throw invalid(field, 'the image has no readable size');
  if (size.width > limits.maxImageEdge || size.height > limits.maxImageEdge) {
    throw invalid(field, `the image is larger than ${limits.maxImageEdge} pixels on a side`);
  }
}

export function checkSubmission(s: AttemptSubmission, limits: UploadLimits): CheckedSubmission {
  if (!s.selfie) throw invalid('selfie', 'the selfie is required');
  checkImage(s.selfie.image, 'selfie', limits);
  let total = s.selfie.image.byteLength;
  if (s.captures.length === 0) throw invalid('captures', 'at least one challenge capture is required');
  const seen = new Set<string>();
  const captures = s.captures.map((c, i) => {
    if (!isChallenge(c.challenge))
      throw invalid(`captures.${i}.challenge`, `challenge must be one of ${CHALLENGES.join(', ')}`);
    if (seen.has(c.challenge)) throw invalid(`captures.${i}.challenge`, `${c.challenge} is given twice`);
    seen.add(c.challenge);
    if (c.frames.length === 0) throw invalid(`captures.${i}.frames`, 'no frames');
    if (c.frames.length > limits.maxFramesPerChallenge)
      throw invalid(`captures.${i}.frames`, `more than ${limits.maxFramesPerChallenge} frames`);
    c.frames.forEach((f, j) => {
      checkImage(f.image, `captures.${i}.frames.${j}.image`, limits);
      if (!Number.isFinite(f.tMs) || f.tMs < 0)
        throw invalid(`captures.${i}.frames.${j}.tMs`, 'tMs must be a time in milliseconds, 0 or more');
      total += f.image.byteLength;
    });
    return { challenge: c.challenge, frames: c.frames.map((f) => ({ image: f.image, tMs: f.tMs })) };
  });
  if (total > limits.maxAttemptBytes)
    throw invalid('captures', `the attempt is larger than ${limits.maxAttemptBytes} bytes`);
  return { selfie: s.selfie.image, captures };
}

/** The trusted source faces an integration gives: each source once, by a casework document or the image itself. */
export function checkTrustedSources(
  sources: readonly TrustedSourceInput[],
  limits: UploadLimits,
): GivenTrustedSource[] {
  const seen = new Set<string>();
  return sources.map((s, i) => {
    const source = s.source;
    if (!isTrustedSource(source))
      throw invalid(`trustedSources.${i}.source`, `source must be one of ${TRUSTED_SOURCES.join(', ')}`);
    if (seen.has(source)) throw invalid(`trustedSources.${i}.source`, `${source} is given twice`);
    seen.add(source);
    if ((s.documentId === undefined) === (s.image === undefined))
      throw invalid(`trustedSources.${i}`, 'give either documentId or image');
    if (s.image) checkImage(s.image, `trustedSources.${i}.image`, limits);
    return { ...s, source };
  });
}
