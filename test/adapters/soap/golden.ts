// Golden-file comparison for SOAP responses. UPDATE_GOLDEN=1 rewrites the files instead of comparing.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), 'golden');

/** Replaces what differs between runs (generated ids, tokens, timestamps) with stable placeholders. */
export function normaliseXml(xml: string, ids: readonly string[] = []): string {
  let out = xml
    .replace(/\b[0-9a-f]{40}\b/g, '{TOKEN}')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}:?\d{2})?/g, '{DATETIME}')
    .replace(/(localhost|127\.0\.0\.1):\d+/g, '$1:{PORT}');
  ids.forEach((id, index) => {
    out = out.split(`>${id}<`).join(`>{ID${index + 1}}<`);
  });
  return out;
}

export function assertGolden(name: string, actual: string): void {
  const file = join(GOLDEN_DIR, `${name}.xml`);
  const text = actual.endsWith('\n') ? actual : `${actual}\n`;
  if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(file)) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, text);
    if (process.env['UPDATE_GOLDEN'] !== '1')
      assert.fail(`golden file ${name}.xml was missing and has been written; check it and re-run`);
    return;
  }
  assert.equal(
    text,
    readFileSync(file, 'utf8'),
    `response differs from golden/${name}.xml (UPDATE_GOLDEN=1 to accept)`,
  );
}
