import type { Call } from '../domain/call/schema.js';
import {
  canAskForReview,
  checkReviewRequest,
  MAX_ACTIVE_REVIEWS,
  type ReviewField,
  type ReviewRequestInput,
} from '../domain/editorial/review.js';
import type { Message } from '../domain/shared/message.js';
import { msg } from '../domain/shared/typography.js';
import type { UnitOfWork } from '../ports/message-ledger.js';
import type { ReviewRecord } from '../ports/reviews.js';
import { newReviewLink } from './review-link.js';
import { queueReviewRequest } from './review-request-letter.js';

export type AskReviewResult =
  | { ok: true; review: ReviewRecord }
  | { ok: false; status: 404 | 409; problem: Message }
  | { ok: false; status: 422; problems: Map<ReviewField, Message> };

export interface AskReviewInput extends ReviewRequestInput {
  submissionId: string;
  accountId: string;
  /** The coordinator's name, for the letter (« Claire Dupont vous propose… »). */
  askedByName: string;
  /** The call's local day (YYYY-MM-DD): a date wished for must come after it. */
  today: string;
}

/**
 * Use case: a coordinator asks someone to read a submission in review. In one transaction: the
 * request (the latest version is the one read), the reader's private link (its hash only), the
 * letter that carries it, and the timeline's event (no name, no address). The same person is not
 * asked twice for the same version while a request stands.
 */
export async function askForReview(
  input: AskReviewInput,
  deps: { uow: UnitOfWork; call: Call; publicBase: string },
): Promise<AskReviewResult> {
  const checked = checkReviewRequest(input, input.today);
  if (!checked.ok) return { ok: false, status: 422, problems: checked.problems };
  const request = checked.value;
  return deps.uow.run(async (s): Promise<AskReviewResult> => {
    const record = await s.submissions.findById(input.submissionId);
    const version = record?.versions.at(-1);
    if (!record || !version) {
      return {
        ok: false,
        status: 404,
        problem: msg('Cette proposition n’existe pas.', 'This submission does not exist.'),
      };
    }
    if (!canAskForReview(record.status)) {
      return {
        ok: false,
        status: 409,
        problem: msg(
          'Une relecture se demande quand la proposition est en évaluation : envoyez-la d’abord en évaluation.',
          'A review is asked for while the submission is in review: send it to review first.',
        ),
      };
    }
    const standing = (await s.reviews.listForSubmission(record.id)).filter(
      (r) => r.state === 'invited' || r.state === 'submitted',
    );
    if (standing.some((r) => r.readerEmail === request.readerEmail && r.versionNumber === version.number)) {
      return {
        ok: false,
        status: 409,
        problem: msg(
          'Cette personne relit déjà cette version : sa demande est dans la liste des relectures.',
          'This person is already reading this version: their request is in the list of reviews.',
        ),
      };
    }
    if (standing.length >= MAX_ACTIVE_REVIEWS) {
      return {
        ok: false,
        status: 409,
        problem: msg(
          `Cette proposition a déjà ${MAX_ACTIVE_REVIEWS} relectures en cours : annulez-en une avant d’en demander une autre.`,
          `This submission already has ${MAX_ACTIVE_REVIEWS} reviews under way: cancel one before asking for another.`,
        ),
      };
    }
    const link = newReviewLink(deps.publicBase);
    const review = await s.reviews.create({
      submissionId: record.id,
      versionNumber: version.number,
      readerName: request.readerName,
      readerEmail: request.readerEmail,
      dueOn: request.dueOn,
      note: request.note,
      askedBy: input.accountId,
      tokenHash: link.tokenHash,
    });
    await queueReviewRequest(
      s,
      { review, record, url: link.url },
      { call: deps.call, askedByName: input.askedByName, dedupeKey: `review-request:${review.id}` },
    );
    await s.submissions.appendEvent(record.id, {
      actor: { kind: 'coordinator', id: input.accountId },
      channel: 'web',
      action: 'review.requested',
      detail: { review: review.id, version: version.number },
    });
    return { ok: true, review };
  });
}
