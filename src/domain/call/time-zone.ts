/**
 * Wall-clock time in a named time zone, with nothing but Intl: no date library is installed, and
 * the only question we ask is "which UTC instant is this local time" (and back).
 */

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The local wall-clock reading of an instant (milliseconds dropped). */
export function wallClockAt(instant: number, timeZone: string): WallClock {
  const parts = formatter(timeZone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

function asUtc(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/** Local time minus UTC at an instant, in milliseconds (Paris: +1 h in winter, +2 h in summer). */
export function offsetAt(instant: number, timeZone: string): number {
  const whole = instant - (((instant % 1000) + 1000) % 1000);
  return asUtc(wallClockAt(whole, timeZone)) - whole;
}

/**
 * The UTC instant of a local wall-clock time. Around a DST change a local time may happen twice
 * (we take the first) or not at all (we move it forward by the gap, as Temporal's "compatible"
 * rule does: for a midnight that does not exist, that is when the day really starts). No zone
 * changes its offset twice within a day, so the offsets a day before and after are the candidates.
 */
export function instantOf(local: WallClock, timeZone: string): number {
  const key = `${timeZone} ${asUtc(local)}`;
  let instant = INSTANTS.get(key);
  if (instant === undefined) {
    // A call has few deadlines, asked about on every request; a hostile caller cannot grow this.
    if (INSTANTS.size >= 1000) INSTANTS.clear();
    instant = computeInstantOf(local, timeZone);
    INSTANTS.set(key, instant);
  }
  return instant;
}

/** instantOf's answers: each costs up to six Intl.DateTimeFormat#formatToParts calls. */
const INSTANTS = new Map<string, number>();

function computeInstantOf(local: WallClock, timeZone: string): number {
  const guess = asUtc(local);
  const offsets = [...new Set([guess - DAY_MS, guess, guess + DAY_MS].map((t) => offsetAt(t, timeZone)))];
  const matches = offsets
    .map((o) => guess - o)
    .filter((t) => asUtc(wallClockAt(t, timeZone)) === guess)
    .sort((a, b) => a - b);
  if (matches[0] !== undefined) return matches[0];
  return guess - Math.min(...offsets);
}

/** "2022-09-01" → its parts; the schema has already checked the format. */
export function parseLocalDate(date: string): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** The first instant of the day after `date`: a deadline day ends just before it. */
export function startOfNextDay(date: string, timeZone: string): number {
  const { year, month, day } = parseLocalDate(date);
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return instantOf(
    {
      year: next.getUTCFullYear(),
      month: next.getUTCMonth() + 1,
      day: next.getUTCDate(),
      hour: 0,
      minute: 0,
      second: 0,
    },
    timeZone,
  );
}

/** The local calendar day of an instant, "YYYY-MM-DD". */
export function localDateOf(instant: number, timeZone: string): string {
  const w = wallClockAt(instant, timeZone);
  const pad = (n: number, size = 2) => String(n).padStart(size, '0');
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}
