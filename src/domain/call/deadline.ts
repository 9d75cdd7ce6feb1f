import type { CallDeadline } from './schema.js';
import { localDateOf, startOfNextDay } from './time-zone.js';

/**
 * Deadline logic. A call's deadline is a calendar day in the call's time zone, inclusive: the
 * call is open until 23:59:59.999 local time on that day, whatever the DST offset of the day.
 *
 * - Extensions move the last day later. The most recently decided one is in force (a coordinator
 *   may shorten an earlier extension). To show the call's status at an instant, only extensions
 *   decided by then count; to judge a manuscript, every extension counts, even one decided after it
 *   arrived: coordinators who extend a call do not refuse a text that came in between.
 * - The grace period is a silent tolerance after the end of the day (mail in transit, a slow
 *   upload): the call shows as closed, but a manuscript received within it is on time.
 * - A late manuscript is never dropped: it is recorded like any other and flagged for the
 *   coordinators, who decide whether to take it (see receiptDecision).
 */

export type CallStatus = 'open' | 'extended' | 'closed';
export type Timeliness = 'on_time' | 'within_extension' | 'within_grace' | 'late';

export interface EffectiveDeadline {
  /** The last day in force, "YYYY-MM-DD". */
  date: string;
  timeZone: string;
  /** Last millisecond of that day, local time (UTC epoch ms). */
  endsAt: number;
  /** endsAt plus the grace period. */
  acceptsUntil: number;
  /** Whether an extension moved the original day. */
  extended: boolean;
  original: { date: string; endsAt: number };
}

export interface TimelinessVerdict {
  kind: Timeliness;
  /** Minutes after the end of the day in force, a started minute counting (0 when on time). */
  minutesLate: number;
  deadline: EffectiveDeadline;
}

export interface ReceiptDecision {
  /** Always true: the type itself says that a submission is never dropped for being late. */
  record: true;
  late: boolean;
  /** The coordinators must decide whether to take this submission. */
  flagForCoordinators: boolean;
  timeliness: TimelinessVerdict;
}

/** The last instant (inclusive) of a local calendar day. */
export function endOfLocalDay(date: string, timeZone: string): number {
  return startOfNextDay(date, timeZone) - 1;
}

/**
 * The deadline in force. With `asOf`, only extensions decided on or before that instant's local
 * day count; without it, every extension counts.
 */
export function effectiveDeadline(deadline: CallDeadline, asOf?: number): EffectiveDeadline {
  const { timeZone } = deadline;
  const today = asOf === undefined ? undefined : localDateOf(asOf, timeZone);
  const known = deadline.extensions
    .filter((e) => today === undefined || e.decidedOn <= today)
    .sort((a, b) => a.decidedOn.localeCompare(b.decidedOn) || a.date.localeCompare(b.date));
  const latest = known[known.length - 1];
  const date = latest?.date ?? deadline.date;
  const endsAt = endOfLocalDay(date, timeZone);
  return {
    date,
    timeZone,
    endsAt,
    acceptsUntil: endsAt + deadline.graceMinutes * 60_000,
    extended: latest !== undefined,
    original: { date: deadline.date, endsAt: endOfLocalDay(deadline.date, timeZone) },
  };
}

/** What the call's page shows at an instant. The grace period is not announced. */
export function callStatus(deadline: CallDeadline, at: number): CallStatus {
  const d = effectiveDeadline(deadline, at);
  if (at <= d.original.endsAt) return 'open';
  if (d.extended && at <= d.endsAt) return 'extended';
  return 'closed';
}

/** Whether a manuscript received at `receivedAt` is on time, and by which rule. */
export function timeliness(deadline: CallDeadline, receivedAt: number): TimelinessVerdict {
  const d = effectiveDeadline(deadline);
  // Minutes after midnight, counting a started minute: 00:00:30 is 1 minute late, 00:20:00 is 20.
  const late = Math.max(1, Math.ceil((receivedAt - (d.endsAt + 1)) / 60_000));
  if (receivedAt <= d.original.endsAt) return { kind: 'on_time', minutesLate: 0, deadline: d };
  if (receivedAt <= d.endsAt) return { kind: 'within_extension', minutesLate: 0, deadline: d };
  if (receivedAt <= d.acceptsUntil) return { kind: 'within_grace', minutesLate: late, deadline: d };
  return { kind: 'late', minutesLate: late, deadline: d };
}

/**
 * The intake rule for the deadline: record every submission; a late one is flagged so that the
 * coordinators accept it or not (lifecycle: received → late by the system).
 */
export function receiptDecision(deadline: CallDeadline, receivedAt: number): ReceiptDecision {
  const t = timeliness(deadline, receivedAt);
  const late = t.kind === 'late';
  return { record: true, late, flagForCoordinators: late, timeliness: t };
}
