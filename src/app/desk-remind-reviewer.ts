import type { Call } from '../domain/call/schema.js';
import { localDateOf } from '../domain/call/time-zone.js';
import { awaitsOpinion } from '../domain/editorial/review.js';
import type { UnitOfWork } from '../ports/message-ledger.js';
import { newReviewLink } from './review-link.js';
import { queueReviewRequest } from './review-request-letter.js';

export type RemindReviewerResult = { ok: true } | { ok: false; reason: 'not-found' | 'closed' };

/**
 * Use case: a coordinator reminds a reader who has not answered (or who lost the letter). The
 * request gets a new link — only its hash is stored, so the old one cannot be sent again — and the
 * reminder carries it, saying it replaces the first. One transaction: the new link, the letter,
 * the timeline's event.
 */
export async function remindReviewer(
  input: { submissionId: string; reviewId: string; accountId: string; askedByName: string },
  deps: { uow: UnitOfWork; call: Call; publicBase: string },
): Promise<RemindReviewerResult> {
  return deps.uow.run(async (s): Promise<RemindReviewerResult> => {
    const review = await s.reviews.findById(input.reviewId);
    if (!review || review.submissionId !== input.submissionId) return { ok: false, reason: 'not-found' };
    const record = await s.submissions.findById(review.submissionId);
    if (!record) return { ok: false, reason: 'not-found' };
    const text = { status: record.status, latestVersion: record.versions.at(-1)?.number ?? 0 };
    if (!awaitsOpinion(review, text)) return { ok: false, reason: 'closed' };
    const link = newReviewLink(deps.publicBase);
    if (!(await s.reviews.replaceLink(review.id, link.tokenHash))) return { ok: false, reason: 'closed' };
    await queueReviewRequest(
      s,
      { review, record, url: link.url },
      {
        call: deps.call,
        askedByName: input.askedByName,
        remindsOf: localDateOf(Date.parse(review.askedAt), deps.call.deadline.timeZone),
        // The request's id first: a reply to this reminder is known even after another one.
        dedupeKey: `review-reminder:${review.id}:${link.tokenHash}`,
      },
    );
    await s.submissions.appendEvent(review.submissionId, {
      actor: { kind: 'coordinator', id: input.accountId },
      channel: 'web',
      action: 'review.reminded',
      detail: { review: review.id },
    });
    return { ok: true };
  });
}
