import type { IdGenerator } from '../../../ports/id-generator.js';
import type { NewSubmission, SubmissionRecord } from '../../../ports/submission-records.js';
import { type Executor, withTransaction } from '../transaction.js';
import { insertAuthors } from './authors.js';
import { insertEvent } from './events.js';
import { insertFindings } from './findings.js';
import { loadSubmission } from './load-submission.js';
import { enqueue } from './outbox.js';
import { insertSubmission, setContactAuthor } from './submissions.js';
import { insertVersion } from './versions.js';

/**
 * Records a new submission — row, authors, first version (with its file row and findings), the
 * submission's own findings, the audit event and the outbox messages — in ONE transaction.
 * Any failure (a duplicate idempotency key, a duplicate outbox key, a thrown error in an
 * enclosing unit of work) leaves nothing behind: no receipt is ever queued for a lost record.
 */
export async function recordSubmission(
  db: Executor,
  ids: IdGenerator,
  input: NewSubmission,
  now: string,
): Promise<SubmissionRecord> {
  return withTransaction(db, async (trx) => {
    const submission = await insertSubmission(trx, ids.newId(), input, now);
    const authors = await insertAuthors(trx, ids, submission.id, input.authors);
    // The first author flagged as contact; more than one is a finding for the rules, not a storage error.
    const contact = authors.find((a) => a.isContact)?.id ?? null;
    if (contact) await setContactAuthor(trx, submission.id, contact);
    await insertVersion(trx, ids.newId(), submission.id, 1, input.version, now);
    await insertFindings(trx, submission.id, null, input.findings);
    await insertEvent(trx, submission.id, input.event, { from: null, to: input.status }, now);
    for (const message of input.outbox) await enqueue(trx, message, now);
    // Read back inside the transaction: what is returned is exactly what was committed.
    const record = await loadSubmission(trx, submission.id);
    if (!record) throw new Error('A submission inserted in this transaction cannot be read back');
    return record;
  });
}
