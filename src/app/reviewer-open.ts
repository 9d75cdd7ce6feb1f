import type { Call } from '../domain/call/schema.js';
import { awaitsOpinion, type ReviewClosed, reviewClosed } from '../domain/editorial/review.js';
import { submissionReference } from '../domain/submission/reference.js';
import type { Status } from '../domain/submission/status.js';
import type { UnitOfWork } from '../ports/message-ledger.js';
import type { ReviewFile } from '../ports/review-files.js';
import type { ReviewRecord } from '../ports/reviews.js';
import type { VersionRecord } from '../ports/submission-records.js';

/**
 * What a reader's link opens: their own request and what a blind review may know of the text —
 * its reference, line of inquiry, length and format. Never the authors, their addresses, the
 * title or the file's name (each may name the author).
 */
export interface ReaderView {
  review: ReviewRecord;
  reference: string;
  status: Status;
  axis: string | null;
  signes: number | null;
  /** The version the reader was given, to make its anonymised copy. */
  version: Pick<VersionRecord, 'number' | 'fileSha256' | 'fileName' | 'format'>;
  /** Why the reader can no longer answer; null while they can (give or correct an opinion). */
  closed: ReviewClosed | null;
  canDecline: boolean;
  /** The files this reader sent with their opinion (their annotated text), oldest first. */
  files: ReviewFile[];
}

/** Use case: the review a reader's link opens, or null for an unknown link. */
export async function openReview(
  tokenHash: string,
  deps: { uow: UnitOfWork; call: Call },
): Promise<ReaderView | null> {
  return deps.uow.run(async (s) => {
    const review = await s.reviews.findByTokenHash(tokenHash);
    if (!review) return null;
    const record = await s.submissions.findById(review.submissionId);
    const version = record?.versions.find((v) => v.number === review.versionNumber);
    if (!record || !version) return null;
    const text = { status: record.status, latestVersion: record.versions.at(-1)?.number ?? 0 };
    const closed = reviewClosed(review, text);
    const files = (await s.reviewFiles.listForSubmission(record.id)).filter((f) => f.reviewId === review.id);
    return {
      files,
      review,
      closed,
      reference: submissionReference(record.id),
      status: record.status,
      axis: deps.call.axes.find((a) => a.id === record.axis)?.title ?? null,
      signes: version.signesTotal,
      version: {
        number: version.number,
        fileSha256: version.fileSha256,
        fileName: version.fileName,
        format: version.format,
      },
      canDecline: awaitsOpinion(review, text),
    };
  });
}
