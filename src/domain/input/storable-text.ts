// Text no field may hold: PostgreSQL refuses a NUL byte in text, and an unpaired UTF-16 surrogate (from JSON's
// "\\ud800" or XML's "&#xD800;") cannot be stored as UTF-8.

export const FORBIDDEN_CHARACTER_PROBLEM =
  'contains a character that cannot be stored (a NUL byte or a broken UTF-16 pair)';

// In a Unicode-aware pattern a well-formed pair is one code point, so only a lone surrogate is in this range.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const forbidden = (text: string): boolean => text.includes('\0') || LONE_SURROGATE.test(text);
const MAX_DEPTH = 64;

/** The first field (dotted path) whose name or text holds a forbidden character. */
export function fieldWithForbiddenCharacter(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return forbidden(value) ? path : undefined;
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return undefined;
  if (ArrayBuffer.isView(value)) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const field = path === '' ? key : `${path}.${key}`;
    if (forbidden(key)) return field;
    const found = fieldWithForbiddenCharacter(item, field, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
