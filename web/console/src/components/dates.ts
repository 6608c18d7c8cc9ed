// Dates as the office's screens show them: "18 Nov 2015" (ranges) and "6/06/1975" (record fields), from ISO text.
// Worked out from the ISO text itself, so a date never shifts with the browser's time zone.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parts(iso: string): { year: string; month: number; day: number } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return undefined;
  return { year: match[1] ?? '', month: Number(match[2]), day: Number(match[3]) };
}

/** "18 Nov 2015"; the input unchanged when it is not a date. */
export function longDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const p = parts(iso);
  return p ? `${p.day} ${MONTHS[p.month - 1] ?? ''} ${p.year}` : iso;
}

/** "6/06/1975" (the records screens' form). */
export function shortDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const p = parts(iso);
  return p ? `${p.day}/${String(p.month).padStart(2, '0')}/${p.year}` : iso;
}

/** "8/11/2014 11:00 PM" from NZ local "2014-11-08T23:00". */
export function shortDateTime(local: string | null | undefined): string {
  if (!local) return '—';
  const time = /T(\d{2}):(\d{2})/.exec(local);
  if (!time) return shortDate(local);
  const hour = Number(time[1]);
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${shortDate(local)} ${h12}:${time[2] ?? '00'} ${hour < 12 ? 'AM' : 'PM'}`;
}

/** 1827 → "1,827". */
export function count(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : n.toLocaleString('en-NZ');
}

/** An instant (ISO text with a zone, as the API answers) as NZ local "2014-11-08T23:00". */
export function nzLocal(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Pacific/Auckland',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** An instant as the office reads it in New Zealand: "8/11/2014 11:00 PM". */
export function instant(iso: string | null | undefined): string {
  return iso ? shortDateTime(nzLocal(iso)) : '—';
}
