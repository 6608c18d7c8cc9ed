// BR-59 (seed 000 L2453–2455): once INZ is notified of the new citizen, "if the customer has a current overseas
// passport with their residency visa attached, this visa will be cancelled. If the applicant is travelling on this
// passport, they can discuss this with INZ to get an endorsement of NZ citizenship included, or they may opt to
// apply for a New Zealand passport" — and "the automatic notification emails to applicants" say so.
//
// Read from the immigration records filed on the application (the 1:1 record's Travel and Visa tab). Decided by
// pono where the seed is silent (docs/casework.md): the records do not say which passport a visa label is in, so
// a residence-class visa in force on the day INZ is notified is taken to be in the most recent travel document,
// when that document is current (not expired that day) and overseas (not issued by New Zealand).

/** What the email names: the passport and the visa in it. */
export interface VisaCancellationFields {
  readonly passportNumber: string;
  readonly issuingState: string;
  readonly passportExpiry: string;
  readonly visaType: string;
  /** The visa's start date (YYYY-MM-DD). */
  readonly visaStart: string;
}

interface TravelDocumentOnFile {
  number?: unknown;
  issuingState?: unknown;
  expiry?: unknown;
}
interface VisaOnFile {
  type?: unknown;
  start?: unknown;
  expiry?: unknown;
  entitlesIndefiniteStay?: unknown;
}

const NEW_ZEALAND = /^(new zealand|nz|nzl)$/i;

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/**
 * The visa cancellation the email tells the person about, or null when none applies: no 1:1 record on file, no
 * current overseas travel document, or no residence-class visa in force on `onDate` (YYYY-MM-DD).
 */
export function visaCancellation(records: unknown, onDate: string): VisaCancellationFields | null {
  if (typeof records !== 'object' || records === null) return null;
  const tabs = (records as { tabs?: { travelAndVisa?: unknown } }).tabs;
  const travelAndVisa = tabs?.travelAndVisa as
    { travel?: { latestDocument?: TravelDocumentOnFile | null }; visaHistory?: VisaOnFile[] } | undefined;
  if (!travelAndVisa) return null;
  const doc = travelAndVisa.travel?.latestDocument;
  const number = text(doc?.number);
  const issuingState = text(doc?.issuingState);
  const expiry = text(doc?.expiry);
  if (!number || !issuingState || !expiry) return null;
  if (expiry.slice(0, 10) < onDate || NEW_ZEALAND.test(issuingState.trim())) return null;
  const visa = (Array.isArray(travelAndVisa.visaHistory) ? travelAndVisa.visaHistory : []).find((v) => {
    const start = text(v.start);
    const ends = text(v.expiry);
    return (
      v.entitlesIndefiniteStay === true &&
      start !== null &&
      start.slice(0, 10) <= onDate &&
      (ends === null || ends.slice(0, 10) >= onDate)
    );
  });
  const visaType = text(visa?.type);
  const visaStart = text(visa?.start);
  if (!visaType || !visaStart) return null;
  return {
    passportNumber: number,
    issuingState,
    passportExpiry: expiry.slice(0, 10),
    visaType,
    visaStart: visaStart.slice(0, 10),
  };
}

/** The passport as the email shows it: its issuing state and only the last four characters of its number. */
export function maskedPassport(fields: Pick<VisaCancellationFields, 'passportNumber' | 'issuingState'>): string {
  const n = fields.passportNumber;
  return `${fields.issuingState} passport ending ${n.slice(-4)}`;
}
