import type { ReviewFileStore } from '../ports/review-files.js';
import type { ReviewStore } from '../ports/reviews.js';
import { numberOf, type SharedReviewFile, sharedReviewFiles } from './open-review-file.js';

/** A reader's opinion as the author's page shows it: numbered, never named. */
export interface SharedReview {
  reviewNumber: number;
  /** The version the reader read: a second round of review numbers its readers from 1 again. */
  versionNumber: number;
  forAuthors: string;
  sharedAt: string;
  /** Their annotated texts, as copies without their name. */
  files: SharedReviewFile[];
}

/**
 * Use case: what the author's page shows of the readers — the words for the author and the
 * annotated texts that the committee passed on with its decisions, as the letters quoted them
 * (a letter gets lost; the page stays), oldest round first.
 */
export async function sharedReviews(
  submissionId: string,
  deps: {
    reviews: Pick<ReviewStore, 'listForSubmission'>;
    reviewFiles: Pick<ReviewFileStore, 'listForSubmission'>;
  },
): Promise<SharedReview[]> {
  const reviews = await deps.reviews.listForSubmission(submissionId);
  const shared = reviews.filter((r) => r.state === 'submitted' && r.sharedAt !== null && r.forAuthors);
  if (shared.length === 0) return [];
  const files = await sharedReviewFiles(submissionId, deps);
  return shared
    .map((r) => ({
      reviewNumber: numberOf(reviews, r.id),
      versionNumber: r.versionNumber,
      forAuthors: r.forAuthors ?? '',
      sharedAt: r.sharedAt ?? '',
      files: files.filter((f) => f.reviewId === r.id),
    }))
    .sort((a, b) => a.versionNumber - b.versionNumber || a.reviewNumber - b.reviewNumber);
}
