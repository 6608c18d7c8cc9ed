// How pono compares a person's names, everywhere it does (registry sources, identity match against the
// immigration records, document data): transliterated to ASCII by any-ascii (macrons and other diacritics:
// "Māori" → "maori"), lower case, apostrophes and full stops dropped ("O'Brien" = "OBrien", "J.R." = "JR"),
// and hyphens, underscores, commas, slashes, backslashes, brackets and whitespace separating the tokens
// ("Ngāti-Pōneke" = "Ngati Poneke"). Full stops are dropped rather than separating, because the records
// store keys built from these tokens (adapters/records/store.ts), and that is the rule they were built with.
import anyAscii from 'any-ascii';

/** A name's comparable tokens. */
export function nameTokens(value: string | undefined | null): string[] {
  return anyAscii(value ?? '')
    .toLowerCase()
    .replace(/['’‘`´.]/g, '')
    .split(/[\s\-_,/\\()]+/)
    .filter((token) => token.length > 0);
}

/** A name as one comparable string: its tokens joined by single spaces. */
export function normaliseName(value: string | undefined | null): string {
  return nameTokens(value).join(' ');
}
