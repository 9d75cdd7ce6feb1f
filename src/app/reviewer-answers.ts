import type { Call } from '../domain/call/schema.js';
import type { ReviewedText, ReviewField } from '../domain/editorial/review.js';
import { callFacts } from '../domain/letters/call-facts.js';
import type { Message } from '../domain/shared/message.js';
import { submissionReference } from '../domain/submission/reference.js';
import type { AccountRecord, AccountStore } from '../ports/accounts.js';
import type { TransactionStores, UnitOfWork } from '../ports/message-ledger.js';
import type { ReviewRecord } from '../ports/reviews.js';
import { letterLanguage } from './desk-transition.js';
import { onDesk } from './follow-link.js';
import { letterJob } from './process-outbox.js';

/** What the reader's answers share: the request their link opens, and the letter to who asked. */

export type ReaderAnswerResult =
  | { ok: true; first: boolean }
  | { ok: false; reason: 'not-found' | 'closed' }
  | { ok: false; reason: 'invalid'; problems: Map<ReviewField, Message> };

export interface AnswerDeps {
  uow: UnitOfWork;
  call: Call;
  /** Who asked is told by letter: their address is read from their account. */
  accounts: Pick<AccountStore, 'findById'>;
  publicBase: string;
}

/** The request a link opens, with what the rules need of its submission; null for an unknown link. */
export async function findOpen(
  s: TransactionStores,
  tokenHash: string,
): Promise<{ review: ReviewRecord; text: ReviewedText } | null> {
  return withText(s, await s.reviews.findByTokenHash(tokenHash));
}

/** The same, by the request's id (a reader's reply by e-mail names the request, not the link). */
export async function findOpenById(
  s: TransactionStores,
  reviewId: string,
): Promise<{ review: ReviewRecord; text: ReviewedText } | null> {
  return withText(s, await s.reviews.findById(reviewId));
}

async function withText(
  s: TransactionStores,
  review: ReviewRecord | null,
): Promise<{ review: ReviewRecord; text: ReviewedText } | null> {
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
export async function whoAsked(tokenHash: string, deps: AnswerDeps): Promise<AccountRecord | null> {
  const review = await deps.uow.run((s) => s.reviews.findByTokenHash(tokenHash));
  return review?.askedBy ? deps.accounts.findById(review.askedBy) : null;
}

/**
 * A short letter to the coordinator who asked, if their account is still active. `occasion`
 * tells apart letters of one outcome that may come more than once (each annotated text sent late).
 */
export async function tellWhoAsked(
  s: TransactionStores,
  account: AccountRecord | null,
  review: ReviewRecord,
  outcome: 'submitted' | 'declined' | 'file-added',
  deps: Pick<AnswerDeps, 'call' | 'publicBase'>,
  occasion?: string,
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
      `review-answered:${review.id}:${outcome}${occasion ? `:${occasion}` : ''}`,
    ),
  );
}
