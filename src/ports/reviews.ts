import type { Recommendation, ReviewState } from '../domain/editorial/review.js';

/** A request to read a submission, with the reader's opinion once given. */
export interface ReviewRecord {
  id: string;
  submissionId: string;
  /** The version the reader was given (its anonymised copy). */
  versionNumber: number;
  readerName: string;
  readerEmail: string;
  dueOn: string | null;
  note: string | null;
  state: ReviewState;
  askedAt: string;
  /** The desk account that asked; null if that account is gone. */
  askedBy: string | null;
  recommendation: Recommendation | null;
  forAuthors: string | null;
  forCommittee: string | null;
  /** When the reader last answered (opinion given or corrected, or declined). */
  answeredAt: string | null;
  /** When the words for the author went to them with a decision; null until then. */
  sharedAt: string | null;
}

export interface NewReview {
  submissionId: string;
  versionNumber: number;
  readerName: string;
  readerEmail: string;
  dueOn: string | null;
  note: string | null;
  askedBy: string;
  /** SHA-256 (hex) of the reader's link token: the token itself is never stored. */
  tokenHash: string;
}

/** How far a submission's review has gone: requests standing (awaited or answered), opinions given. */
export interface ReviewTally {
  standing: number;
  given: number;
}

/** The reviews of submissions, stored with their link's hash only. */
export interface ReviewStore {
  /** Per submission of the call that has any standing request: the dashboard's column. */
  tallyForCall(callId: string): Promise<Map<string, ReviewTally>>;
  create(review: NewReview): Promise<ReviewRecord>;
  /** The review a reader's link opens, whatever its state (the page says what became of it). */
  findByTokenHash(tokenHash: string): Promise<ReviewRecord | null>;
  findById(id: string): Promise<ReviewRecord | null>;
  /** Oldest first. */
  listForSubmission(submissionId: string): Promise<ReviewRecord[]>;
  /**
   * Gives the request a new link (a reminder, or a reader who lost the letter): the previous link
   * stops opening it. False when the request is no longer awaiting an opinion.
   */
  replaceLink(id: string, tokenHash: string): Promise<boolean>;
  /**
   * Marks as passed on to the author, with a decision, the opinions of these requests that were
   * given and not passed on yet; returns how many.
   */
  share(ids: readonly string[]): Promise<number>;
  /**
   * Records the opinion if the review is still in `from` (one of them): false when another
   * answer or a cancellation came first.
   */
  answer(
    id: string,
    from: readonly ReviewState[],
    to: ReviewState,
    opinion?: { recommendation: Recommendation; forAuthors: string; forCommittee: string | null },
  ): Promise<boolean>;
}
