// What a file is, by its first bytes: pono never trusts a client's content type or a file's name. Each use
// accepts some of these types (liveness frames: JPEG and PNG; documents: also WebP; casework uploads: also
// PDF; the office logo: also SVG, recognised by its text).

export type SniffedType = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf' | 'image/svg+xml';

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

export const FILE_SIGNATURES: readonly { type: SniffedType; extension: string; matches(bytes: Uint8Array): boolean }[] =
  [
    { type: 'image/jpeg', extension: 'jpg', matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
    {
      type: 'image/png',
      extension: 'png',
      matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    },
    {
      type: 'image/webp',
      extension: 'webp',
      matches: (b) => b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP',
    },
    { type: 'application/pdf', extension: 'pdf', matches: (b) => startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d]) },
    {
      type: 'image/svg+xml',
      extension: 'svg',
      matches: (b) =>
        /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/.test(new TextDecoder().decode(b.subarray(0, 4096))),
    },
  ];

/** The file's type when it is one of `accepted`, else null. */
export function sniffContentType<T extends SniffedType>(bytes: Uint8Array, accepted: readonly T[]): T | null {
  const hit = FILE_SIGNATURES.find((s) => (accepted as readonly SniffedType[]).includes(s.type) && s.matches(bytes));
  return hit ? (hit.type as T) : null;
}

/** The usual file name extension of a type. */
export function extensionOf(type: SniffedType): string {
  return FILE_SIGNATURES.find((s) => s.type === type)?.extension ?? 'bin';
}
