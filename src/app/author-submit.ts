import type { Call } from '../domain/call/schema.js';
import { isAppError } from '../domain/shared/errors.js';
import type { Lang } from '../domain/shared/message.js';
import type { Author } from '../domain/submission/author.js';
import type { DraftAnalyses } from '../ports/draft-analyses.js';
import type { SubmissionRecord } from '../ports/submission-store.js';
import { keptFile } from './author-check-draft.js';
import type { LetterEnvelope } from './process-outbox.js';
import { type SubmitDeps, submitManuscript } from './submit-manuscript.js';

/** What the web form gives once the author confirms, the file referred to by its hash. */
export interface WebSubmission {
  call: Call;
  callId: string;
  /** The random key the form carried since step 1: the same key twice is the same sending. */
  idempotencyKey: string;
  /** When the file's upload completed (step 1). */
  receivedAt: Date;
  authors: Author[];
  orderRequested: boolean;
  phone?: string;
  postalAddress?: string;
  consents: { onlinePublication: boolean; freeOfCharge: boolean };
  title: string;
  axis?: string;
  file: { sha256: string; name: string };
  /** The private link to create with the submission: the token's hash and the URL the author gets. */
  follow: { tokenHash: string; url: string };
  lang: Lang;
}

export interface WebSubmitResult {
  record: SubmissionRecord;
  /** This sending was already recorded (double click, retry, back button): nothing new was written. */
  duplicate: boolean;
  /** The private link in `follow` opens this submission (false for a duplicate sent with another one). */
  linkValid: boolean;
}

/**
 * Use case: a submission from the web form, through the one submission use case. The receipt goes
 * to the contact person with the private link; the link is created in the same transaction.
 * Two confirmations racing with the same key give one submission: the loser reads the winner's.
 */
export async function submitFromWebForm(
  input: WebSubmission,
  deps: SubmitDeps & { analyses?: DraftAnalyses },
): Promise<WebSubmitResult> {
  const file = await keptFile(input.file, deps);
  const contactIndex = Math.max(
    0,
    input.authors.findIndex((a) => a.isContact),
  );
  // The contact details are the contact person's: stored on their row, where the lifecycle reads them.
  const authors = input.authors.map((a, i) =>
    i === contactIndex
      ? {
          ...a,
          ...(input.phone ? { phone: input.phone } : {}),
          ...(input.postalAddress ? { postalAddress: input.postalAddress } : {}),
        }
      : a,
  );
  const contact = authors[contactIndex];
  const reply: LetterEnvelope | null = contact?.email
    ? { to: { address: contact.email, name: `${contact.givenName} ${contact.surname}`.trim() } }
    : null;
  let result: { record: SubmissionRecord; duplicate: boolean };
  try {
    result = await submitManuscript(
      {
        callId: input.callId,
        call: input.call,
        channel: 'web',
        idempotencyKey: input.idempotencyKey,
        receivedAt: input.receivedAt,
        title: input.title,
        ...(input.axis ? { axis: input.axis } : {}),
        authors,
        orderRequested: input.orderRequested,
        ...(input.phone ? { phone: input.phone } : {}),
        ...(input.postalAddress ? { postalAddress: input.postalAddress } : {}),
        consents: input.consents,
        files: [file],
        reply,
        lang: input.lang,
        follow: input.follow,
      },
      deps,
    );
  } catch (e) {
    if (!isAppError(e) || e.code !== 'SUBMISSION_DUPLICATE') throw e;
    const known = await deps.uow.run((s) =>
      s.submissions.findByIdempotencyKey(input.callId, input.idempotencyKey),
    );
    if (!known) throw e;
    result = { record: known, duplicate: true };
  }
  // Recorded (now or before): the version holds the analysis. A copy left behind is harmless.
  await deps.analyses?.forget(input.file.sha256).catch(() => {});
  if (!result.duplicate) return { ...result, linkValid: true };
  const link = await deps.uow.run((s) => s.authorLinks.findLive(input.follow.tokenHash));
  return { ...result, linkValid: link?.submissionId === result.record.id };
}
