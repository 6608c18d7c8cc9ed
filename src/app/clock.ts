/** Where use cases get the time from, so tests can move it. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export class ManualClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(to: Date): void {
    this.current = new Date(to);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** A clock that reads `start` at the moment it is made and runs on from there in real time (drills). */
export class ShiftedClock implements Clock {
  readonly #offset: number;
  constructor(
    start: Date,
    private readonly base: Clock = systemClock,
  ) {
    this.#offset = start.getTime() - base.now().getTime();
  }
  now(): Date {
    return new Date(this.base.now().getTime() + this.#offset);
  }
}

const NZ_PARTS = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Pacific/Auckland',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** How far New Zealand's wall clock is ahead of UTC at an instant, in ms. */
function nzOffset(instant: number): number {
  const p = Object.fromEntries(NZ_PARTS.formatToParts(new Date(instant)).map((x) => [x.type, Number(x.value)]));
  return (
    Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0) -
    Math.floor(instant / 1000) * 1000
  );
}

/**
 * An instant from "2026-12-10T09:00" (New Zealand time, where the office works), or with its own offset
 * ("…Z", "…+13:00"); null when the text is not one.
 */
export function parseAsOf(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?(Z|[+-]\d{2}:\d{2})?$/.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', zone] = m;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const check = new Date(wall);
  if (
    check.getUTCFullYear() !== Number(y) ||
    check.getUTCMonth() !== Number(mo) - 1 ||
    check.getUTCDate() !== Number(d) ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s) > 59
  )
    return null;
  if (zone) {
    if (zone === 'Z') return new Date(wall);
    const sign = zone.startsWith('-') ? -1 : 1;
    return new Date(wall - sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000);
  }
  const first = wall - nzOffset(wall);
  return new Date(wall - nzOffset(first));
}
