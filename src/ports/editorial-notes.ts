/**
 * A note the coordinators and the committee write to each other on a submission. It never leaves
 * the desk (see domain/editorial/notes.ts).
 */
export interface EditorialNote {
  id: string;
  submissionId: string;
  /** The desk account that wrote it. */
  accountId: string;
  /** As written (cleaned by cleanNote); empty once taken back. */
  body: string;
  writtenAt: string;
  /** When its writer took it back; null while it stands. */
  removedAt: string | null;
}

export interface NewEditorialNote {
  submissionId: string;
  accountId: string;
  /** Already cleaned and checked (cleanNote). */
  body: string;
}

export interface EditorialNoteStore {
  add(note: NewEditorialNote): Promise<EditorialNote>;
  findById(id: string): Promise<EditorialNote | null>;
  /** The submission's notes, oldest first, those taken back included (without their words). */
  listForSubmission(submissionId: string): Promise<EditorialNote[]>;
  /** How many notes stand (not taken back) on each submission of the call that has any: the dashboard's figure. */
  countsForCall(callId: string): Promise<Map<string, number>>;
  /**
   * Takes the note back: its words are erased, its row stays. Only if it is still there and this
   * account wrote it; false otherwise (nothing written).
   */
  remove(id: string, accountId: string): Promise<boolean>;
}
