import type { Call } from '../domain/call/schema.js';
import { callFacts } from '../domain/letters/call-facts.js';
import { contactPerson } from '../domain/submission/author.js';
import {
  COMPLETION_REMINDER_EVENT,
  completionReminderDue,
  reminderWindowOpen,
} from '../domain/submission/completion-reminder.js';
import { submissionReference } from '../domain/submission/reference.js';
import type { Clock } from '../ports/clock.js';
import type { TransactionStores, UnitOfWork } from '../ports/message-ledger.js';
import type { SubmissionStore } from '../ports/submission-store.js';
import { missingForCompletion, storedFacts } from './author-facts.js';
import { letterLanguage } from './desk-transition.js';
import { newFollowLink } from './follow-link.js';
import { letterJob } from './process-outbox.js';

export interface RemindDeps {
  uow: UnitOfWork;
  submissions: Pick<SubmissionStore, 'listByCall'>;
  /** The call in force, read afresh by the caller (an extension moves the reminder's day). */
  call: Call;
  callId: string;
  clock: Clock;
  /** The desk's public address: the reminder carries a new private link on it. */
  publicBase: string;
}

/**
 * Use case: the reminders due now (completionReminderDue), each in its own transaction with the
 * submission read again: a new private link, the letter to the contact person, and the history's
 * line. The letter's dedupe key names the submission, so two workers running this at once queue
 * one letter, and the one that finds it already queued writes nothing else.
 */
export async function remindIncompleteSubmissions(deps: RemindDeps): Promise<{ reminded: number }> {
  // The call may say no (a journal that writes to its authors itself); outside the deadline's
  // last week nothing is due, and nothing is read.
  if (!deps.call.reminders.completion) return { reminded: 0 };
  if (!reminderWindowOpen(deps.call.deadline, deps.clock.now().getTime())) return { reminded: 0 };
  const incomplete = await deps.submissions.listByCall(deps.callId, { status: ['incomplete'] });
  let reminded = 0;
  for (const { id } of incomplete) {
    if (await deps.uow.run((s) => remindOne(s, id, deps))) reminded += 1;
  }
  return { reminded };
}

async function remindOne(s: TransactionStores, submissionId: string, deps: RemindDeps): Promise<boolean> {
  const record = await s.submissions.findById(submissionId);
  if (!record || record.callId !== deps.callId) return false;
  const events = await s.submissions.listEvents(record.id);
  const missing = missingForCompletion(deps.call, storedFacts(record, events));
  const contact = contactPerson(record.authors);
  const facts = {
    status: record.status,
    receivedAt: Date.parse(record.receivedAt),
    missing: missing.length,
    contactEmail: Boolean(contact?.email),
    reminded: events.some((e) => e.action === COMPLETION_REMINDER_EVENT),
  };
  const now = deps.clock.now().getTime();
  if (!contact?.email || !completionReminderDue(facts, deps.call.deadline, now)) return false;
  const follow = newFollowLink(deps.publicBase);
  const greetingName = `${contact.givenName} ${contact.surname}`.trim();
  const queued = await s.outbox.enqueue(
    letterJob(
      { to: { address: contact.email, ...(greetingName ? { name: greetingName } : {}) } },
      {
        kind: 'completion-reminder',
        lang: letterLanguage(deps.call),
        call: callFacts(deps.call),
        ...(greetingName ? { greetingName } : {}),
        receivedAt: record.receivedAt,
        title: record.title,
        missing,
        followUrl: follow.url,
        reference: submissionReference(record.id),
      },
      `completion-reminder:${record.id}`,
    ),
  );
  if (queued.duplicate) return false;
  await s.authorLinks.create({ tokenHash: follow.tokenHash, submissionId: record.id });
  await s.submissions.appendEvent(record.id, {
    actor: { kind: 'system' },
    channel: 'system',
    action: COMPLETION_REMINDER_EVENT,
    detail: { missing: missing.length },
  });
  return true;
}
