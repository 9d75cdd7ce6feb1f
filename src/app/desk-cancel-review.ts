import { canCancelReview } from '../domain/editorial/review.js';
import type { UnitOfWork } from '../ports/message-ledger.js';

export type CancelReviewResult = { ok: true } | { ok: false; reason: 'not-found' | 'closed' };

/**
 * Use case: the coordinators take back a request (the reader is away, the text was withdrawn…).
 * The reader's link then opens only a page saying so; an opinion already given stays on record.
 */
export async function cancelReview(
  input: { submissionId: string; reviewId: string; accountId: string },
  deps: { uow: UnitOfWork },
): Promise<CancelReviewResult> {
  return deps.uow.run(async (s): Promise<CancelReviewResult> => {
    const review = await s.reviews.findById(input.reviewId);
    if (!review || review.submissionId !== input.submissionId) return { ok: false, reason: 'not-found' };
    if (!canCancelReview(review.state)) return { ok: false, reason: 'closed' };
    if (!(await s.reviews.answer(review.id, [review.state], 'cancelled')))
      return { ok: false, reason: 'closed' };
    await s.submissions.appendEvent(review.submissionId, {
      actor: { kind: 'coordinator', id: input.accountId },
      channel: 'web',
      action: 'review.cancelled',
      detail: { review: review.id },
    });
    return { ok: true };
  });
}
