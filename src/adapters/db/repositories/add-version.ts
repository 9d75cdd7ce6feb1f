import type { IdGenerator } from '../../../ports/id-generator.js';
import type { VersionAddition, VersionRecord } from '../../../ports/submission-records.js';
import { type Executor, withTransaction } from '../transaction.js';
import { insertEvent } from './events.js';
import { enqueue } from './outbox.js';
import { touchSubmission } from './submissions.js';
import { insertVersion, lastVersionNumber } from './versions.js';

/** Adds the next manuscript version (number = last + 1) with its findings, event and messages. */
export async function addVersion(
  db: Executor,
  ids: IdGenerator,
  input: VersionAddition,
  now: string,
): Promise<VersionRecord> {
  return withTransaction(db, async (trx) => {
    // Touch first: on PostgreSQL this row lock makes a concurrent addition wait, so both cannot
    // read the same last number. (SQLite transactions are single-writer from their start.)
    const submission = await touchSubmission(trx, input.submissionId, now);
    const number = (await lastVersionNumber(trx, input.submissionId)) + 1;
    const version = await insertVersion(trx, ids.newId(), input.submissionId, number, input.version, now);
    const detail = { ...input.event.detail, versionNumber: number };
    await insertEvent(
      trx,
      input.submissionId,
      { ...input.event, detail },
      { from: submission.status, to: submission.status },
      now,
    );
    for (const message of input.outbox ?? []) await enqueue(trx, message, now);
    return version;
  });
}
