import type { ContractDocumentKind } from '../domain/editorial/contract.js';

/** A contract file kept on a submission: the contract sent, or a signed copy sent back. */
export interface ContractDocument {
  id: string;
  submissionId: string;
  kind: ContractDocumentKind;
  /** The stored file (content-addressed, see FileStore); also listed in the files table. */
  fileSha256: string;
  /** The name it was sent with, made safe to show (never used as a path). */
  fileName: string;
  byteSize: number;
  /** Who put it there: a desk account (`coordinator`) or the author through the link. */
  addedBy: { kind: 'coordinator' | 'author'; id: string | null };
  addedAt: string;
}

export interface NewContractDocument {
  submissionId: string;
  kind: ContractDocumentKind;
  fileSha256: string;
  fileName: string;
  byteSize: number;
  mediaType: string;
  addedBy: ContractDocument['addedBy'];
}

export interface ContractDocumentStore {
  /** Records the file (in the files table too, so that no sweep takes it) and the document. */
  add(document: NewContractDocument): Promise<ContractDocument>;
  /** The submission's contract files, oldest first. */
  listForSubmission(submissionId: string): Promise<ContractDocument[]>;
  /** The call's submissions that have signed copies, with their number (for the dashboard). */
  signedCopiesForCall(callId: string): Promise<Map<string, number>>;
}
