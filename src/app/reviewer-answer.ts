import type { Call } from '../domain/call/schema.js';
import {
  awaitsOpinion,
  canGiveOpinion,
  checkOpinion,
  type OpinionInput,
  type ReviewField,
} from '../domain/editorial/review.js';
import { callFacts } from '../domain/letters/call-facts.js';
import type { Message } from '../domain/shared/message.js';
import { submissionReference } from '../domain/submission/reference.js';
import type { AccountRecord, AccountStore } from '../ports/accounts.js';
import type { TransactionStores, UnitOfWork } from '../ports/message-ledger.js';
import type { ReviewRecord } from '../ports/reviews.js';
import { letterLanguage } from './desk-transition.js';
import { onDesk } from './follow-link.js';
import { letterJob } from './process-outbox.js';

export type ReaderAnswerResult =
  | { ok: true; first: boolean }
  | { ok: false; reason: 'not-found' | 'closed' }
  | { ok: false; reason: 'invalid'; problems: Map<ReviewField, Message> };

interface AnswerDeps {
  uow: UnitOfWork;
  call: Call;
  /** Who asked is told by letter: their address is read from their account. */
  accounts: Pick<AccountStore, 'findById'>;
  publicBase: string;
}

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

async function findOpen(s: TransactionStores, tokenHash: string) {
  const review = await s.reviews.findByTokenHash(tokenHash);
  if (!review) return null;
  const record = await s.submissions.findById(review.submissionId);
  if (!record) return null;
  return { review, text: { status: record.status, latestVersion: record.versions.at(-1)?.number ?? 0 } };
}

/**
 * The account that asked for the review, read before the answer's transaction: the account store
 * works on its own connection, which SQLite's one connection, held by the transaction, would
 * keep waiting.
 */
async function whoAsked(tokenHash: string, deps: AnswerDeps): Promise<AccountRecord | null> {
  const review = await deps.uow.run((s) => s.reviews.findByTokenHash(tokenHash));
  return review?.askedBy ? deps.accounts.findById(review.askedBy) : null;
}

/** A short letter to the coordinator who asked, if their account is still active. */
async function tellWhoAsked(
  s: TransactionStores,
  account: AccountRecord | null,
  review: ReviewRecord,
  outcome: 'submitted' | 'declined',
  deps: AnswerDeps,
): Promise<void> {
  if (!account || account.disabledAt || account.id !== review.askedBy) return;
  await s.outbox.enqueue(
    letterJob(
      { to: { address: account.email, name: account.displayName } },
      {
        kind: 'review-answered',
        lang: letterLanguage(deps.call),
        call: callFacts(deps.call),
        greetingName: account.displayName,
        reference: submissionReference(review.submissionId),
        readerName: review.readerName,
        outcome,
        deskUrl: onDesk(deps.publicBase, `/bureau/propositions/${review.submissionId}`),
      },
      `review-answered:${review.id}:${outcome}`,
    ),
  );
}
