// Building CheckResultV3 values, and greenID's date formats.
import type { CheckResultV3, Confirmation, FieldProblem, FieldResultV3, Method, Person, SourceState } from './types.ts';
import { dayMonthYearFromDob } from './normalise.ts';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** ISO 8601 as greenID writes it (Java `yyyy-MM-dd'T'HH:mm:ss.SSSZ`), in UTC: `2018-12-04T00:31:28.440+0000`. */
export function greenIdDate(at: Date): string {
  return `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}T${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}.${pad(at.getUTCMilliseconds(), 3)}+0000`;
}

/** The admin-review timestamp of seed 003 (`2018-12-04 10:31:28.44`: a Java Timestamp string), UTC. */
export function adminDate(at: Date): string {
  const ms = pad(at.getUTCMilliseconds(), 3).replace(/0+$/, '') || '0';
  return `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}.${ms}`;
}

/** What an administrator's decision must carry (seed 003: a comment is required; the admin's email is recorded). */
export function adminCommentProblems(input: { comment: string; adminEmail: string }): FieldProblem[] {
  return [
    ...(input.comment.trim() === '' ? [{ field: 'comment', label: 'Comment', message: 'Comment is required.' }] : []),
    ...(/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.adminEmail.trim())
      ? []
      : [{ field: 'adminEmail', label: 'Admin email', message: 'Admin email is not a valid email address.' }]),
  ];
}

/** The administrator's comment as seed 003 records it: an `AdminComment` field with `Date` and `AdminEmail`. */
export function adminCommentField(comment: string, adminEmail: string, now: Date): FieldResultV3 {
  return {
    name: 'AdminComment',
    status: null,
    data: comment.trim(),
    extraData: [
      { name: 'Date', value: adminDate(now) },
      { name: 'AdminEmail', value: adminEmail.trim() },
    ],
  };
}

/** Person fields a pass on each kind confirms (background stub results report these as CONFIRMED). */
const CONFIRMED_FIELDS: Record<Confirmation, (person: Person) => [string, string | undefined][]> = {
  nameDob: (p) => [
    ['givenName', p.givenName],
    ['surname', p.surname],
    ['dob', dayMonthYearFromDob(p.dob)],
  ],
  nameAddress: (p) => {
    const a = p.currentResidentialAddress ?? {};
    return [
      ['givenName', p.givenName],
      ['surname', p.surname],
      ['streetNumber', a.streetNumber],
      ['streetName', a.streetName],
      ['suburb', a.suburb],
      ['state', a.state],
      ['postcode', a.postcode],
    ];
  },
};

export function confirmedFields(person: Person, confirms: readonly Confirmation[]): FieldResultV3[] {
  const seen = new Set<string>();
  const out: FieldResultV3[] = [];
  for (const kind of confirms) {
    for (const [name, value] of CONFIRMED_FIELDS[kind](person)) {
      if (seen.has(name) || !value) continue;
      seen.add(name);
      out.push({ name, status: 'CONFIRMED', value });
    }
  }
  return out;
}

export function checkResult(
  name: string,
  state: SourceState,
  method: Method | null,
  at: Date,
  verified: boolean,
  fieldResult: FieldResultV3[] = [],
): CheckResultV3 {
  const date = greenIdDate(at);
  return { name, state, method, mode: null, dateCreated: date, dateVerified: verified ? date : null, fieldResult };
}
