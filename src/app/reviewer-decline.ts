import { awaitsOpinion } from '../domain/editorial/review.js';
import {
  type AnswerDeps,
  findOpen,
  type ReaderAnswerResult,
  tellWhoAsked,
  whoAsked,
} from './reviewer-answers.js';

/** Use case: a reader says they cannot read the text (before giving an opinion). */
export async function declineReview(tokenHash: string, deps: AnswerDeps): Promise<ReaderAnswerResult> {
  const asker = await whoAsked(tokenHash, deps);
  return deps.uow.run(async (s): Promise<ReaderAnswerResult> => {
    const found = await findOpen(s, tokenHash);
    if (!found) return { ok: false, reason: 'not-found' };
    if (!awaitsOpinion(found.review, found.text)) return { ok: false, reason: 'closed' };
    if (!(await s.reviews.answer(found.review.id, ['invited'], 'declined')))
      return { ok: false, reason: 'closed' };
    await s.submissions.appendEvent(found.review.submissionId, {
      actor: { kind: 'reviewer', id: found.review.id },
      channel: 'web',
      action: 'review.declined',
      detail: { review: found.review.id },
    });
    await tellWhoAsked(s, asker, found.review, 'declined', deps);
    return { ok: true, first: true };
  });
}
