import { opinionsForAuthors } from '../domain/editorial/review.js';
import { reviewsSharedWithDecision } from '../domain/editorial/review-files.js';
import type { ReviewFileStore } from '../ports/review-files.js';
import type { ReviewStore } from '../ports/reviews.js';
import type { SubmissionRecord } from '../ports/submission-records.js';
import type { DecisionNotice } from './desk-transition.js';

/**
 * What a decision passes on from the readers when the coordinators choose to: their words for the
 * author on the version decided on, and their annotated files' copies without their names.
 */
export async function readersForDecision(
  record: SubmissionRecord,
  deps: {
    reviews: Pick<ReviewStore, 'listForSubmission'>;
    reviewFiles: Pick<ReviewFileStore, 'listForSubmission'>;
  },
): Promise<Required<Pick<DecisionNotice, 'readerComments' | 'readerFiles'>>> {
  const reviews = await deps.reviews.listForSubmission(record.id);
  const version = record.versions.at(-1)?.number ?? 0;
  const reviewIds = reviewsSharedWithDecision(reviews, version);
  const files = await deps.reviewFiles.listForSubmission(record.id);
  const count = files.filter((f) => f.anonymised !== null && reviewIds.includes(f.reviewId)).length;
  return { readerComments: opinionsForAuthors(reviews, version), readerFiles: { reviewIds, count } };
}
