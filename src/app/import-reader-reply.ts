import { normaliseEmail } from '../domain/accounts/credentials.js';
import { reviewFileProblemMessage, tellsAboutFile } from '../domain/editorial/review-files.js';
import type { IncomingMessage } from '../domain/intake/message.js';
import { ourLetterReferences, reviewOfLetter } from '../domain/intake/our-letters.js';
import { callFacts } from '../domain/letters/call-facts.js';
import { submissionReference } from '../domain/submission/reference.js';
import type { ReviewRecord } from '../ports/reviews.js';
import { letterLanguage } from './desk-transition.js';
import type { Entry, ImportDeps } from './import-message.js';
import type { MessageOutcomeKind } from './import-summary.js';
import { jobMessageId, type LetterEnvelope, letterJob } from './process-outbox.js';
import { findOpenById, tellWhoAsked } from './reviewer-answers.js';
import {
  type LocateReview,
  lateFileNotice,
  type PreparedReviewFile,
  prepareReviewFile,
  recordReviewFile,
} from './reviewer-attach-file.js';

/**
 * The review a message answers, when it is a reply to one of our review requests or reminders
 * from the reader it was sent to; null otherwise. A reference can be copied by anyone who saw
 * the letter, so the sender must be the reader's own address, and the Message-ID must be the one
 * appel gave that letter (its job, its tag).
 */
export async function findReaderReply(
  message: IncomingMessage,
  deps: ImportDeps,
): Promise<ReviewRecord | null> {
  const sender = message.from ? normaliseEmail(message.from.address) : null;
  if (!sender) return null;
  for (const ref of ourLetterReferences(message.inReplyTo, message.references)) {
    const job = await deps.sentLetters.get(ref.jobId);
    const domain = ref.messageId.slice(ref.messageId.lastIndexOf('@') + 1, -1);
    if (!job || jobMessageId(job, domain) !== ref.messageId) continue;
    const about = reviewOfLetter(job.dedupeKey);
    if (!about) continue;
    const review = await deps.uow.run((s) =>
      'reviewId' in about ? s.reviews.findById(about.reviewId) : s.reviews.findByTokenHash(about.tokenHash),
    );
    if (review && normaliseEmail(review.readerEmail) === sender) return review;
  }
  return null;
}

/**
 * Use case: a reader answered the review request by e-mail. Never a submission: the files
 * attached go to their review, as from their page (each stored, with its copy without their
 * name, before the one transaction that records them, the message in the ledger and the letter
 * that tells the reader what was kept); the words of the message are not an opinion — the letter
 * says the opinion is given through the link.
 */
export async function importReaderReply(
  input: {
    message: IncomingMessage;
    entry: Entry;
    review: ReviewRecord;
    files: { name: string; bytes: Buffer }[];
    reply: LetterEnvelope | null;
  },
  deps: ImportDeps,
): Promise<MessageOutcomeKind> {
  const { review } = input;
  const prepared: PreparedReviewFile[] = [];
  for (const file of input.files) prepared.push(await prepareReviewFile(file, review, deps));
  const locate: LocateReview = (s) => findOpenById(s, review.id);
  const notice = deps.accounts
    ? await lateFileNotice(review, {
        accounts: deps.accounts,
        call: deps.call,
        publicBase: deps.publicUrl ?? '',
        clock: deps.clock,
      })
    : null;
  await deps.uow.run(async (s) => {
    const kept: string[] = [];
    const refused: { name: string; reason: string }[] = [];
    let closed = false;
    const lang = letterLanguage(deps.call);
    for (const file of prepared) {
      const result = await recordReviewFile(s, locate, file, 'email');
      if (result.ok) kept.push(file.name);
      else if (result.reason === 'refused')
        refused.push({ name: file.name, reason: reviewFileProblemMessage(result.problem)[lang] });
      else closed = true;
    }
    await s.submissions.appendEvent(review.submissionId, {
      actor: { kind: 'reviewer', id: review.id },
      channel: 'email',
      action: 'review.email_received',
      detail: { review: review.id, files: input.files.length, kept: kept.length },
    });
    // One letter for the message, however many files it kept.
    const current = (await locate(s))?.review;
    if (notice && current && kept.length > 0 && tellsAboutFile(current, notice.now)) {
      await tellWhoAsked(s, notice.asker, current, 'file-added', notice, `mail:${input.entry.sha256}`);
    }
    if (input.reply) {
      const letter = {
        kind: 'reader-reply' as const,
        lang,
        call: callFacts(deps.call),
        greetingName: review.readerName,
        reference: submissionReference(review.submissionId),
        kept,
        refused,
        closed,
        coordinators: deps.call.coordinators.map((c) => ({ name: c.name, email: c.email })),
      };
      await s.outbox.enqueue(letterJob(input.reply, letter, `reader-reply:${input.entry.sha256}`));
    }
    await s.messages.record({
      ...input.entry,
      outcome: 'reader-reply',
      submissionId: review.submissionId,
      replied: input.reply !== null,
    });
  });
  return 'reader-reply';
}
