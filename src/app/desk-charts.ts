import { localDateOf } from '../domain/call/time-zone.js';
import type { DeskRow } from './desk-dashboard.js';

/** The figures behind the dashboard's two charts (the drawing is the HTTP edge's business). */

export interface DayCount {
  /** "YYYY-MM-DD" in the call's time zone; "earlier" gathers the days before the chart starts. */
  day: string;
  count: number;
  /** After the deadline in force. */
  late: boolean;
}

const DAY_MS = 86_400_000;
/** At most this many days on the chart: three months before the deadline tell the story. */
export const MAX_DAYS = 92;

function addDays(day: string, n: number): string {
  const t = Date.parse(`${day}T12:00:00Z`) + n * DAY_MS;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * Submissions per day, from the first one to the deadline (or to the last one when some came
 * later), every day present even with no submission, so that bars sit on a regular time axis.
 */
export function submissionsPerDay(rows: readonly DeskRow[], deadline: string, timeZone: string): DayCount[] {
  if (rows.length === 0) return [];
  const days = rows.map((r) => localDateOf(Date.parse(r.receivedAt), timeZone)).sort();
  const first = days[0] as string;
  const last = days[days.length - 1] as string;
  const end = last > deadline ? last : deadline;
  let start = first;
  if (Date.parse(end) - Date.parse(start) > (MAX_DAYS - 1) * DAY_MS) start = addDays(end, -(MAX_DAYS - 1));
  const counts = new Map<string, number>();
  let earlier = 0;
  for (const day of days) {
    if (day < start) earlier += 1;
    else counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  const out: DayCount[] = [];
  if (earlier > 0) out.push({ day: 'earlier', count: earlier, late: false });
  for (let day = start; day <= end; day = addDays(day, 1)) {
    out.push({ day, count: counts.get(day) ?? 0, late: day > deadline });
  }
  return out;
}

export interface LengthBin {
  from: number;
  /** Exclusive. */
  to: number;
  count: number;
  /** Where the bin lies against the call's window. */
  place: 'below' | 'inside' | 'above' | 'edge';
}

export interface LengthDistribution {
  bins: LengthBin[];
  /** Submissions whose latest version could not be read (no count). */
  unreadable: number;
  min: number;
  max: number;
}

function niceStep(span: number, bins: number): number {
  const raw = span / bins;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw);
  return step ?? 10 * power;
}

/** Lengths in bins of a round width, from 0 to past the longest text, with the window marked. */
export function lengthDistribution(rows: readonly DeskRow[], min: number, max: number): LengthDistribution {
  const lengths = rows.flatMap((r) => (r.signes === null ? [] : [r.signes]));
  const longest = Math.max(max * 1.5, ...lengths);
  const step = niceStep(longest, 12);
  const count = Math.ceil((longest + 1) / step);
  const bins: LengthBin[] = [];
  for (let i = 0; i < count; i += 1) {
    const from = i * step;
    const to = from + step;
    const place =
      to <= min ? 'below' : from >= max ? 'above' : from >= min && to <= max + 1 ? 'inside' : 'edge';
    bins.push({ from, to, count: lengths.filter((n) => n >= from && n < to).length, place });
  }
  return { bins, unreadable: rows.length - lengths.length, min, max };
}
