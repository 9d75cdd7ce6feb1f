import { canGiveOpinion } from '../domain/editorial/review.js';
import {
  canMakeAnonymous,
  checkReviewFile,
  type ReviewFileProblem,
  readerIdentity,
} from '../domain/editorial/review-files.js';
import type { FileKind } from '../domain/manuscript/model.js';
import { isAppError } from '../domain/shared/errors.js';
import type { ManuscriptAnonymiser } from '../ports/anonymiser.js';
import type { FileStore } from '../ports/file-store.js';
import type { ManuscriptReader } from '../ports/manuscript-reader.js';
import type { TransactionStores, UnitOfWork } from '../ports/message-ledger.js';
import type { ReviewFile } from '../ports/review-files.js';
import type { ReviewRecord } from '../ports/reviews.js';
import { makeAnonymisedCopy } from './anonymised-copy.js';
import { mediaTypeOf } from './contract-file.js';
import { findOpen } from './reviewer-answers.js';

export interface ReviewFileDeps {
  uow: UnitOfWork;
  files: FileStore;
  read: ManuscriptReader;
  anonymise: ManuscriptAnonymiser;
}

export type ReviewFileResult =
  /** `anonymous`: a copy without the reader's name was made, the one the author may receive. */
  | { ok: true; file: ReviewFile; anonymous: boolean }
  | { ok: false; reason: 'not-found' | 'closed' }
  | { ok: false; reason: 'refused'; problem: ReviewFileProblem };

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
  const analysis = await deps.read({ bytes: file.bytes, name: file.name }, { keepText: false });
  const facts = { kind: analysis.kind, readable: analysis.kind === 'pdf' || analysis.error === null };
  const before = await deps.uow.run((s) => whyNot(s, tokenHash, facts));
  if (!before.ok) return before;
  const copy = canMakeAnonymous(facts.kind) ? await copyWithoutReader(file, before.review, deps) : null;
  const stored = await deps.files.put(file.bytes);
  const storedCopy = copy ? await deps.files.put(copy) : null;
  return deps.uow.run(async (s): Promise<ReviewFileResult> => {
    const now = await whyNot(s, tokenHash, facts);
    if (!now.ok) return now;
    const kept = await s.reviewFiles.add({
      reviewId: now.review.id,
      submissionId: now.review.submissionId,
      fileSha256: stored.sha256,
      fileName: file.name,
      byteSize: stored.byteSize,
      mediaType: mediaTypeOf(facts.kind),
      anonymised: storedCopy
        ? { sha256: storedCopy.sha256, byteSize: storedCopy.byteSize, mediaType: mediaTypeOf(facts.kind) }
        : null,
    });
    await s.submissions.appendEvent(now.review.submissionId, {
      actor: { kind: 'reviewer', id: now.review.id },
      channel: 'web',
      action: 'review.file_added',
      detail: { review: now.review.id, file: kept.id, anonymous: storedCopy !== null },
    });
    return { ok: true, file: kept, anonymous: storedCopy !== null };
  });
}

type Checked = { ok: true; review: ReviewRecord } | Exclude<ReviewFileResult, { ok: true }>;

async function whyNot(
  s: TransactionStores,
  tokenHash: string,
  file: { kind: FileKind; readable: boolean },
): Promise<Checked> {
  const found = await findOpen(s, tokenHash);
  if (!found) return { ok: false, reason: 'not-found' };
  if (!canGiveOpinion(found.review, found.text)) return { ok: false, reason: 'closed' };
  const kept = (await s.reviewFiles.listForSubmission(found.review.submissionId)).filter(
    (f) => f.reviewId === found.review.id,
  );
  const problem = checkReviewFile(file, kept.length);
  return problem ? { ok: false, reason: 'refused', problem } : { ok: true, review: found.review };
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
