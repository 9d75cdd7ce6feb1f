import { effectiveDeadline } from '../call/deadline.js';
import type { CallDeadline } from '../call/schema.js';
import type { Status } from './status.js';

/**
 * The one reminder an incomplete submission gets: a week before the deadline in force, the
 * contact person is written to once with what is still missing and a new private link. Many
 * authors read the receipt, mean to send their phone number « later », and forget; a second
 * letter is what a coordinator would otherwise write by hand to each of them. Once only: a
 * reminder that comes back every day is one nobody reads.
 */

/** How long before the end of the last day the reminder may leave. */
export const REMIND_WITHIN_MS = 7 * 24 * 60 * 60 * 1000;
/** A submission received less than this ago has its receipt fresh in mind: no reminder yet. */
export const QUIET_AFTER_RECEIPT_MS = 2 * 24 * 60 * 60 * 1000;

/** The action recorded in a submission's history when its reminder is queued. */
export const COMPLETION_REMINDER_EVENT = 'reminder.completion';

export interface ReminderFacts {
  status: Status;
  /** When the submission arrived (epoch ms). */
  receivedAt: number;
  /** How many details the call still needs from it (missingForCompletion). */
  missing: number;
  /** The contact person has an address to write to. */
  contactEmail: boolean;
  /** A reminder was already queued for it (its history says so). */
  reminded: boolean;
}

/**
 * Whether the reminder is due at `now`: incomplete, something to ask for, someone to ask, never
 * reminded, received at least two days ago, and the deadline in force (extensions decided by
 * now) less than a week away and not yet past.
 */
export function completionReminderDue(facts: ReminderFacts, deadline: CallDeadline, now: number): boolean {
  if (facts.status !== 'incomplete' || facts.reminded) return false;
  if (facts.missing === 0 || !facts.contactEmail) return false;
  if (now - facts.receivedAt < QUIET_AFTER_RECEIPT_MS) return false;
  return reminderWindowOpen(deadline, now);
}

/**
 * The last week of the deadline in force (extensions decided by now): outside it no reminder is
 * due, and the hourly run need not read a single submission.
 */
export function reminderWindowOpen(deadline: CallDeadline, now: number): boolean {
  const { endsAt } = effectiveDeadline(deadline, now);
  return now <= endsAt && endsAt - now <= REMIND_WITHIN_MS;
}
