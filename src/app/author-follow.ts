import { effectiveDeadline } from '../domain/call/deadline.js';
import type { Call } from '../domain/call/schema.js';
import { availableTransitions, isFinal } from '../domain/submission/lifecycle.js';
import type { FieldName, StatusFacts } from '../domain/submission/requirements.js';
import type { Status } from '../domain/submission/status.js';
import type { UnitOfWork } from '../ports/message-ledger.js';
import type { EventRecord, SubmissionRecord } from '../ports/submission-store.js';
import { missingForCompletion, storedFacts } from './author-facts.js';

/** What the author's private link opens: their submission, and nothing else. */
export interface AuthorView {
  record: SubmissionRecord;
  facts: StatusFacts;
  /** What the submission lacks to be complete. */
  missing: FieldName[];
  /** The author may still give or correct contact details. */
  canCompleteDetails: boolean;
  /** The author may send a new version of the manuscript now. */
  canSendVersion: boolean;
  /** The lifecycle lets the author withdraw from this status. */
  canWithdraw: boolean;
}

// Before review a new version replaces the draft being judged; once revisions are asked for it is
// the revised version. In review, or after a decision, the editors have to be written to.
const VERSION_STATUSES: readonly Status[] = ['received', 'incomplete', 'complete', 'late'];

/** Use case: the submission a link opens, or null for an unknown or revoked link. */
export async function openAuthorLink(
  tokenHash: string,
  deps: { uow: UnitOfWork },
): Promise<{ record: SubmissionRecord; events: EventRecord[] } | null> {
  return deps.uow.run(async (s) => {
    const link = await s.authorLinks.findLive(tokenHash);
    if (!link) return null;
    const record = await s.submissions.findById(link.submissionId);
    if (!record) return null;
    return { record, events: await s.submissions.listEvents(record.id) };
  });
}

/**
 * What the author's page shows and offers. New versions are taken until the deadline in force
 * (its grace period included) while the submission waits for review, and at any time when the
 * editors asked for revisions.
 */
export function authorView(
  call: Call,
  record: SubmissionRecord,
  events: EventRecord[],
  now: Date,
): AuthorView {
  const facts = storedFacts(record, events);
  const open = now.getTime() <= effectiveDeadline(call.deadline, now.getTime()).acceptsUntil;
  return {
    record,
    facts,
    missing: isFinal(record.status) ? [] : missingForCompletion(call, facts),
    canCompleteDetails: !isFinal(record.status),
    canSendVersion:
      record.status === 'revisions_requested' || (open && VERSION_STATUSES.includes(record.status)),
    canWithdraw: availableTransitions(record.status, 'author').some((t) => t.action === 'withdraw'),
  };
}
