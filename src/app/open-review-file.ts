import { sharedFileName } from '../domain/editorial/review-files.js';
import { submissionReference } from '../domain/submission/reference.js';
import type { FileStore } from '../ports/file-store.js';
import type { ReviewFile, ReviewFileStore } from '../ports/review-files.js';
import type { ReviewRecord, ReviewStore } from '../ports/reviews.js';
import { anonymisedName } from './anonymised-copy.js';

/** A reader's file as the author sees it: numbered as in the decision letter, never named. */
export interface SharedReviewFile {
  id: string;
  /** The request it came with (an id, never shown: the page shows the number). */
  reviewId: string;
  /** Where the copy is stored (never shown). */
  copySha256: string;
  /** The review's number in the letter (1 for « Relecture 1 »). */
  reviewNumber: number;
  /** The copy's format, for the author to know what opens it. */
  format: 'docx' | 'odt';
  byteSize: number;
  sharedAt: string;
  /** The name the download takes: relecture-1-<reference>.docx. */
  downloadName: string;
}

interface Deps {
  reviews: Pick<ReviewStore, 'listForSubmission'>;
  reviewFiles: Pick<ReviewFileStore, 'listForSubmission'>;
}

/** The format of a reader file's copy: the format its content was recognised as. */
export function copyFormatOf(file: Pick<ReviewFile, 'mediaType'>): 'docx' | 'odt' {
  return file.mediaType === 'application/vnd.oasis.opendocument.text' ? 'odt' : 'docx';
}

/**
 * Use case: the readers' annotated files put on the author's page with a decision, as copies
 * without the readers' names. A reader is numbered as the decision letter numbers their opinion:
 * by their place among the opinions given on the same version, oldest first.
 */
export async function sharedReviewFiles(submissionId: string, deps: Deps): Promise<SharedReviewFile[]> {
  const files = (await deps.reviewFiles.listForSubmission(submissionId)).filter(
    (f) => f.sharedAt !== null && f.anonymised !== null,
  );
  if (files.length === 0) return [];
  const reviews = await deps.reviews.listForSubmission(submissionId);
  const reference = submissionReference(submissionId);
  const perReview = new Map<string, number>();
  return files.map((f) => {
    const reviewNumber = numberOf(reviews, f.reviewId);
    const nth = perReview.get(f.reviewId) ?? 0;
    perReview.set(f.reviewId, nth + 1);
    const format = copyFormatOf(f);
    return {
      id: f.id,
      reviewId: f.reviewId,
      copySha256: f.anonymised?.sha256 ?? '',
      reviewNumber,
      format,
      byteSize: f.anonymised?.byteSize ?? 0,
      sharedAt: f.sharedAt ?? '',
      downloadName: sharedFileName(reference, reviewNumber - 1, nth, format),
    };
  });
}

/** The review's place among the opinions given on its version, from 1. */
export function numberOf(reviews: readonly ReviewRecord[], reviewId: string): number {
  const review = reviews.find((r) => r.id === reviewId);
  if (!review) return 0;
  const peers = reviews.filter((r) => r.state === 'submitted' && r.versionNumber === review.versionNumber);
  return peers.findIndex((r) => r.id === reviewId) + 1;
}

/** Use case: the bytes of one shared copy, for the author; null when it is not theirs to see. */
export async function openSharedReviewFile(
  submissionId: string,
  fileId: string,
  deps: Deps & { files: Pick<FileStore, 'read'> },
): Promise<{ name: string; bytes: Buffer } | null> {
  const shared = (await sharedReviewFiles(submissionId, deps)).find((f) => f.id === fileId);
  if (!shared) return null;
  return { name: shared.downloadName, bytes: await deps.files.read(shared.copySha256) };
}

/**
 * Use case: one reader's file for the desk — as the reader sent it, or the copy without their
 * name (the one the author is given); null when it is not this submission's, or has no copy.
 */
export async function openReviewFileForDesk(
  input: { submissionId: string; fileId: string; copy: boolean },
  deps: { reviewFiles: Pick<ReviewFileStore, 'listForSubmission'>; files: Pick<FileStore, 'read'> },
): Promise<{ name: string; bytes: Buffer } | null> {
  const file = (await deps.reviewFiles.listForSubmission(input.submissionId)).find(
    (f) => f.id === input.fileId,
  );
  if (!file) return null;
  const sha256 = input.copy ? file.anonymised?.sha256 : file.fileSha256;
  if (!sha256) return null;
  const name = input.copy ? anonymisedName(file.fileName, copyFormatOf(file)) : file.fileName;
  return { name, bytes: await deps.files.read(sha256) };
}
