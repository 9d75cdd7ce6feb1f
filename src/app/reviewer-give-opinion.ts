import { canGiveOpinion, checkOpinion, type OpinionInput } from '../domain/editorial/review.js';
import {
  type AnswerDeps,
  findOpen,
  type ReaderAnswerResult,
  tellWhoAsked,
  whoAsked,
} from './reviewer-answers.js';

/**
 * Use case: a reader gives their opinion, or corrects it while the submission is still in review.
 * The first opinion tells the coordinator who asked, by letter; corrections do not.
 */
export async function giveOpinion(
  tokenHash: string,
  input: OpinionInput,
  deps: AnswerDeps,
): Promise<ReaderAnswerResult> {
  const checked = checkOpinion(input);
  if (!checked.ok) return { ok: false, reason: 'invalid', problems: checked.problems };
  const asker = await whoAsked(tokenHash, deps);
  return deps.uow.run(async (s): Promise<ReaderAnswerResult> => {
    const found = await findOpen(s, tokenHash);
    if (!found) return { ok: false, reason: 'not-found' };
    const { review } = found;
    if (!canGiveOpinion(review, found.text)) return { ok: false, reason: 'closed' };
    const first = review.state === 'invited';
    if (!(await s.reviews.answer(review.id, [review.state], 'submitted', checked.value))) {
      return { ok: false, reason: 'closed' };
    }
    await s.submissions.appendEvent(review.submissionId, {
      actor: { kind: 'reviewer', id: review.id },
      channel: 'web',
      action: 'review.submitted',
      detail: { review: review.id, recommendation: checked.value.recommendation, first },
    });
    if (first) await tellWhoAsked(s, asker, review, 'submitted', deps);
    return { ok: true, first };
  });
}
