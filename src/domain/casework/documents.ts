// Supporting documents (seed 000 L200, L964, L1515; ccms-screens S2): each has a "Document type" and a
// "Provided as". The kind is what the identity proofing grid reads (the application photo, the overseas
// passport image, the AMS photo); the two columns are what the officer sees, defaulted from the kind and the
// person's part in the application, and may be given on upload.
import { sniffContentType } from '../files/content-type.ts';

export const DOCUMENT_KINDS = [
  'passport-style-image',
  'overseas-passport-image',
  'inz-photo',
  'birth-record',
  'travel-document',
  'consent-form',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** "Provided as" values in the seed (L964, L820). */
export const PROVIDED_AS = [
  'Identity',
  'Travel document',
  'Birth record',
  'English evidence',
  'Internal document',
  'Consent',
] as const;
export type ProvidedAs = (typeof PROVIDED_AS)[number];

/** "Document type" values in the seed (L202, L964, L1517) and the consent form [inf]. */
export const DOCUMENT_TYPES = [
  'Photo of applicant',
  'Photo of consenting party',
  'Passport',
  'Passport of consenting party',
  'INZ photo of applicant',
  'Birth certificate',
  'Consent form',
  'Other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

interface Columns {
  readonly documentType: DocumentType;
  readonly providedAs: ProvidedAs;
}

/** The columns for a kind when not given: the applicant's own, then a consenting party's where the seed names one. */
const DEFAULT_COLUMNS: Readonly<Record<DocumentKind, { readonly own: Columns; readonly consentingParty?: Columns }>> = {
  'passport-style-image': {
    own: { documentType: 'Photo of applicant', providedAs: 'Identity' },
    consentingParty: { documentType: 'Photo of consenting party', providedAs: 'Identity' },
  },
  'overseas-passport-image': {
    own: { documentType: 'Passport', providedAs: 'Travel document' },
    consentingParty: { documentType: 'Passport of consenting party', providedAs: 'Travel document' },
  },
  'inz-photo': { own: { documentType: 'INZ photo of applicant', providedAs: 'Identity' } },
  'birth-record': { own: { documentType: 'Birth certificate', providedAs: 'Birth record' } },
  'travel-document': {
    own: { documentType: 'Passport', providedAs: 'Travel document' },
    consentingParty: { documentType: 'Passport of consenting party', providedAs: 'Travel document' },
  },
  'consent-form': { own: { documentType: 'Consent form', providedAs: 'Consent' } },
  other: { own: { documentType: 'Other', providedAs: 'Internal document' } },
};

const CONSENTING_PARTIES = ['consenting-parent', 'secondary-consent-giver'];

export function defaultDocumentColumns(kind: DocumentKind, relationship: string | null): Columns {
  const row = DEFAULT_COLUMNS[kind];
  return relationship !== null && CONSENTING_PARTIES.includes(relationship) && row.consentingParty
    ? row.consentingParty
    : row.own;
}

export function isDocumentKind(value: string): value is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(value);
}
export function isDocumentType(value: string): value is DocumentType {
  return (DOCUMENT_TYPES as readonly string[]).includes(value);
}
export function isProvidedAs(value: string): value is ProvidedAs {
  return (PROVIDED_AS as readonly string[]).includes(value);
}

/** Kinds only pono files (the AMS photo comes with the immigration records); an officer cannot upload one. */
export const SYSTEM_FILED_KINDS: readonly DocumentKind[] = ['inz-photo'];

/** A supporting document is a JPEG, PNG or PDF by its first bytes; anything else is refused. */
export function documentContentType(bytes: Uint8Array): string | null {
  return sniffContentType(bytes, DOCUMENT_CONTENT_TYPES);
}
const DOCUMENT_CONTENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
