import { canGiveOpinion, type ReviewedText } from '../domain/editorial/review.js';
import {
  canMakeAnonymous,
  checkReviewFile,
  type ReviewFileProblem,
  readerIdentity,
  tellsAboutFile,
} from '../domain/editorial/review-files.js';
import type { FileKind } from '../domain/manuscript/model.js';
import { isAppError } from '../domain/shared/errors.js';
import type { AccountRecord, AccountStore } from '../ports/accounts.js';
import type { ManuscriptAnonymiser } from '../ports/anonymiser.js';
import type { Clock } from '../ports/clock.js';
import type { FileStore } from '../ports/file-store.js';
import type { ManuscriptReader } from '../ports/manuscript-reader.js';
import type { TransactionStores, UnitOfWork } from '../ports/message-ledger.js';
import type { ReviewFile } from '../ports/review-files.js';
import type { ReviewRecord } from '../ports/reviews.js';
import { makeAnonymisedCopy } from './anonymised-copy.js';
import { mediaTypeOf } from './contract-file.js';
import { type AnswerDeps, findOpen, tellWhoAsked } from './reviewer-answers.js';

export interface ReviewFileDeps {
  uow: UnitOfWork;
  files: FileStore;
  read: ManuscriptReader;
  anonymise: ManuscriptAnonymiser;
  /** Who asked is told of a file sent well after the opinion (tellsAboutFile); nobody without it. */
  tell?: LateFileDeps;
}

/** What telling the coordinator who asked needs: their account, the call, the desk's address, the time. */
export interface LateFileDeps extends Pick<AnswerDeps, 'call' | 'publicBase'> {
  accounts: Pick<AccountStore, 'findById'>;
  clock: Clock;
}

/** The account to tell and when it is, read before the transaction (the account store's own connection). */
export interface LateFileNotice extends Pick<AnswerDeps, 'call' | 'publicBase'> {
  asker: AccountRecord | null;
  now: number;
}

/** The notice for a review, read outside any transaction; null when nobody is to be told. */
export async function lateFileNotice(
  review: ReviewRecord,
  tell: LateFileDeps | undefined,
): Promise<LateFileNotice | null> {
  if (!tell) return null;
  const asker = review.askedBy ? await tell.accounts.findById(review.askedBy) : null;
  return { asker, call: tell.call, publicBase: tell.publicBase, now: tell.clock.now().getTime() };
}

export type ReviewFileResult =
  /** `anonymous`: a copy without the reader's name was made, the one the author may receive. */
  | { ok: true; file: ReviewFile; anonymous: boolean }
  | { ok: false; reason: 'not-found' | 'closed' }
  | { ok: false; reason: 'refused'; problem: ReviewFileProblem };

/** The request a file is for, with what the rules need of its submission; null when unknown. */
export type LocateReview = (
  s: TransactionStores,
) => Promise<{ review: ReviewRecord; text: ReviewedText } | null>;

/** A reader's file read, and stored with its copy: what the transaction then records. */
export interface PreparedReviewFile {
  name: string;
  facts: { kind: FileKind; readable: boolean };
  stored: { sha256: string; byteSize: number } | null;
  copy: { sha256: string; byteSize: number } | null;
}

/**
 * Use case: a reader sends the text they annotated, through their link, while they may still give
 * or correct their opinion. The file is recognised by its content and kept as sent (the committee
 * reads it); a Word or LibreOffice file also gets a copy without the reader's name, checked by
 * reading it back, and kept beside it. Both are stored durably before the record, which is
 * written with its audit event in one transaction that checks the request again.
 */
export async function attachReviewFile(
  tokenHash: string,
  file: { name: string; bytes: Buffer },
  deps: ReviewFileDeps,
): Promise<ReviewFileResult> {
  const locate: LocateReview = (s) => findOpen(s, tokenHash);
  const found = await deps.uow.run(locate);
  if (!found) return { ok: false, reason: 'not-found' };
  if (!canGiveOpinion(found.review, found.text)) return { ok: false, reason: 'closed' };
  const prepared = await prepareReviewFile(file, found.review, deps);
  const notice = await lateFileNotice(found.review, deps.tell);
  return deps.uow.run((s) => recordReviewFile(s, locate, prepared, 'web', notice));
}

/**
 * Reads a reader's file and, when it may be kept, stores it and its copy without the reader's
 * name (outside any transaction: the bytes are durable before a row names them).
 */
export async function prepareReviewFile(
  file: { name: string; bytes: Buffer },
  review: ReviewRecord,
  deps: Omit<ReviewFileDeps, 'uow'>,
): Promise<PreparedReviewFile> {
  const analysis = await deps.read({ bytes: file.bytes, name: file.name }, { keepText: false });
  const facts = { kind: analysis.kind, readable: analysis.kind === 'pdf' || analysis.error === null };
  if (checkReviewFile(facts, 0) !== null) return { name: file.name, facts, stored: null, copy: null };
  const copy = canMakeAnonymous(facts.kind) ? await copyWithoutReader(file, review, deps) : null;
  const stored = await deps.files.put(file.bytes);
  return { name: file.name, facts, stored, copy: copy ? await deps.files.put(copy) : null };
}

/**
 * Records a prepared file on its request, if the request is still open and has room for it; with
 * a notice, tells the coordinator who asked when the file comes well after the opinion.
 */
export async function recordReviewFile(
  s: TransactionStores,
  locate: LocateReview,
  prepared: PreparedReviewFile,
  channel: 'web' | 'email',
  notice: LateFileNotice | null = null,
): Promise<ReviewFileResult> {
  const found = await locate(s);
  if (!found) return { ok: false, reason: 'not-found' };
  const { review } = found;
  if (!canGiveOpinion(review, found.text)) return { ok: false, reason: 'closed' };
  const kept = (await s.reviewFiles.listForSubmission(review.submissionId)).filter(
    (f) => f.reviewId === review.id,
  );
  const problem = checkReviewFile(prepared.facts, kept.length);
  if (problem || !prepared.stored) return { ok: false, reason: 'refused', problem: problem ?? 'format' };
  const mediaType = mediaTypeOf(prepared.facts.kind);
  const file = await s.reviewFiles.add({
    reviewId: review.id,
    submissionId: review.submissionId,
    fileSha256: prepared.stored.sha256,
    fileName: prepared.name,
    byteSize: prepared.stored.byteSize,
    mediaType,
    anonymised: prepared.copy ? { ...prepared.copy, mediaType } : null,
  });
  await s.submissions.appendEvent(review.submissionId, {
    actor: { kind: 'reviewer', id: review.id },
    channel,
    action: 'review.file_added',
    detail: { review: review.id, file: file.id, anonymous: prepared.copy !== null },
  });
  if (notice && tellsAboutFile(review, notice.now)) {
    await tellWhoAsked(s, notice.asker, review, 'file-added', notice, file.id);
  }
  return { ok: true, file, anonymous: prepared.copy !== null };
}

/**
 * The copy the author may be given: the reader's name out of the text and the properties, the
 * comments' and changes' author « Relecture ». Null when it cannot be made, or when the reader's
 * name is still found in it: the file then stays with the committee.
 */
async function copyWithoutReader(
  file: { name: string; bytes: Buffer },
  review: ReviewRecord,
  deps: Pick<ReviewFileDeps, 'read' | 'anonymise'>,
): Promise<Buffer | null> {
  try {
    const copy = await makeAnonymisedCopy(
      {
        bytes: file.bytes,
        fileName: file.name,
        people: [readerIdentity(review.readerName, review.readerEmail)],
        role: 'reader',
      },
      deps,
    );
    return copy.remaining === 0 ? copy.bytes : null;
  } catch (e) {
    if (isAppError(e)) return null;
    throw e;
  }
}
