import type { Call } from '../domain/call/schema.js';
import { callFacts } from '../domain/letters/call-facts.js';
import { submissionReference } from '../domain/submission/reference.js';
import type { TransactionStores } from '../ports/message-ledger.js';
import type { ReviewRecord } from '../ports/reviews.js';
import type { SubmissionRecord } from '../ports/submission-records.js';
import { letterLanguage } from './desk-transition.js';
import { letterJob } from './process-outbox.js';

/**
 * Inside a use case's transaction: the letter that carries a reader's link, for a first request
 * or a reminder. It names no author and gives no title: the reference, the line of inquiry, the
 * length and the date wished for.
 */
export async function queueReviewRequest(
  s: TransactionStores,
  target: { review: ReviewRecord; record: SubmissionRecord; url: string },
  context: { call: Call; askedByName: string; remindsOf?: string; dedupeKey: string },
): Promise<void> {
  const { review, record } = target;
  const version = record.versions.find((v) => v.number === review.versionNumber);
  const axis = context.call.axes.find((a) => a.id === record.axis)?.title;
  const askedBy = context.askedByName.trim();
  await s.outbox.enqueue(
    letterJob(
      { to: { address: review.readerEmail, name: review.readerName } },
      {
        kind: 'review-request',
        lang: letterLanguage(context.call),
        call: callFacts(context.call),
        greetingName: review.readerName,
        reference: submissionReference(record.id),
        ...(axis ? { axis } : {}),
        ...(version?.signesTotal != null ? { signes: version.signesTotal } : {}),
        ...(review.dueOn ? { dueOn: review.dueOn } : {}),
        ...(review.note ? { note: review.note } : {}),
        ...(askedBy ? { askedBy } : {}),
        ...(context.remindsOf ? { remindsOf: context.remindsOf } : {}),
        reviewUrl: target.url,
      },
      context.dedupeKey,
    ),
  );
}
