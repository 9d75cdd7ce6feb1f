/**
 * A file a reader sent with their opinion: the text they annotated (comments, tracked changes),
 * kept as sent for the committee, and — for a Word or LibreOffice file — a copy without the
 * reader's name, the one the author may be given with the decision.
 */
export interface ReviewFile {
  id: string;
  reviewId: string;
  submissionId: string;
  /** The file as the reader sent it (content-addressed, see FileStore); the desk only. */
  fileSha256: string;
  /** The name it was sent with, made safe to show (never used as a path). */
  fileName: string;
  byteSize: number;
  /** What its content was recognised as (the copy is of the same format). */
  mediaType: string;
  /** The copy without the reader's name; null for a PDF, or when no safe copy could be made. */
  anonymised: { sha256: string; byteSize: number } | null;
  addedAt: string;
  /** When the anonymised copy was put on the author's page with a decision; null until then. */
  sharedAt: string | null;
}

export interface NewReviewFile {
  reviewId: string;
  submissionId: string;
  fileSha256: string;
  fileName: string;
  byteSize: number;
  mediaType: string;
  anonymised: { sha256: string; byteSize: number; mediaType: string } | null;
}

export interface ReviewFileStore {
  /** Records the file (and its copy) in the files table too, so that no sweep takes them. */
  add(file: NewReviewFile): Promise<ReviewFile>;
  /** The submission's reader files, oldest first. */
  listForSubmission(submissionId: string): Promise<ReviewFile[]>;
  /**
   * Puts on the author's page the anonymised copies of these reviews' files that are not there yet
   * (a file without a copy stays with the committee); returns how many were shared now.
   */
  share(reviewIds: readonly string[]): Promise<number>;
}
