import type { StatusChange, SubmissionSummary } from '../../../ports/submission-records.js';
import { type Executor, withTransaction } from '../transaction.js';
import { insertEvent } from './events.js';
import { enqueue } from './outbox.js';
import { findSummary, updateStatusIfVersion } from './submissions.js';

/**
 * Records a status change decided elsewhere (lifecycle.ts), with its event and outbox messages,
 * in one transaction. The update only applies if the row still has `expectedVersion`: two
 * coordinators acting on the same page cannot overwrite each other (the second gets STALE_UPDATE).
 */
export async function changeStatus(
  db: Executor,
  change: StatusChange,
  now: string,
): Promise<SubmissionSummary> {
  return withTransaction(db, async (trx) => {
    const before = await findSummary(trx, change.submissionId);
    const after = await updateStatusIfVersion(
      trx,
      change.submissionId,
      change.expectedVersion,
      change.to,
      now,
    );
    // `before` was read in this transaction and the guarded update succeeded, so nobody changed
    // the row in between: its status is the one the event leaves.
    await insertEvent(
      trx,
      change.submissionId,
      change.event,
      { from: before?.status ?? null, to: change.to },
      now,
    );
    for (const message of change.outbox ?? []) await enqueue(trx, message, now);
    return after;
  });
}
