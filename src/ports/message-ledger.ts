import type { AuthorLinkStore } from './author-links.js';
import type { ContractDocumentStore } from './contract-documents.js';
import type { EditorialNoteStore } from './editorial-notes.js';
import type { IssueOrderStore } from './issue-order.js';
import type { Outbox } from './outbox.js';
import type { ReviewFileStore } from './review-files.js';
import type { ReviewStore } from './reviews.js';
import type { EventDetail, SubmissionStore } from './submission-store.js';

/**
 * The ledger of every message (or upload) appel has taken in, kept so that re-delivery never
 * duplicates anything: a message is known by the SHA-256 of its raw bytes, and an IMAP message
 * also by (mailbox, UIDVALIDITY, UID). It is written in the same transaction as the submission the
 * message created, so "recorded in the ledger" means "its effects are committed".
 */
export type MessageOutcome =
  | 'submission'
  | 'version'
  | 'duplicate-file'
  | 'no-manuscript'
  | 'automatic'
  | 'unreadable'
  /** Over the size cap: only its header was read (its sha256 is the header's); never a submission. */
  | 'too-large'
  /** A new file for a submission already decided on (accepted, declined, withdrawn): not added. */
  | 'version-refused'
  /** A reader's reply to a review request: its files went to the review, never a submission. */
  | 'reader-reply';

export interface MessageSourceRef {
  kind: 'eml' | 'mbox' | 'maildir' | 'imap' | 'web';
  /** Path or host, fit for a message (no password). */
  location: string;
  /**
   * IMAP identity: all three, or neither UIDVALIDITY nor UID. (mailbox, UIDVALIDITY, UID) is unique
   * only within one account: a database that watches several accounts must qualify the mailbox
   * (for example "imap.example.org/revue/INBOX").
   */
  mailbox?: string;
  uidValidity?: number;
  uid?: number;
}

export interface NewMessageEntry {
  sha256: string;
  callId: string;
  source: MessageSourceRef;
  /** The Message-ID, with its angle brackets as In-Reply-To and References quote it; null when absent. */
  messageId: string | null;
  /**
   * SHA-256 of the sender's normalised address: enough to rate-limit automatic replies and to
   * match a later message from the same sender, without keeping the address in this table.
   */
  senderKey: string | null;
  receivedAt: Date;
  outcome: MessageOutcome;
  submissionId: string | null;
  /** An automatic reply (receipt, « what is missing ») was queued for this message. */
  replied: boolean;
  /** Figures and codes only, never personal data. */
  detail?: EventDetail;
}

export interface MessageEntry extends Omit<NewMessageEntry, 'receivedAt'> {
  id: number;
  receivedAt: string;
  createdAt: string;
}

export interface MessageLedger {
  /** Fails with MESSAGE_DUPLICATE when the sha256 or the IMAP identity is already recorded. */
  record(entry: NewMessageEntry): Promise<MessageEntry>;
  findBySha256(sha256: string): Promise<MessageEntry | null>;
  findByImapUid(mailbox: string, uidValidity: number, uid: number): Promise<MessageEntry | null>;
  /**
   * The submission created by (or updated by) one of these Message-IDs, for threading. The first
   * id in the list that is known wins: give In-Reply-To first, then References from the last.
   * Only the first 100 ids are looked up.
   */
  findSubmissionByMessageIds(callId: string, messageIds: readonly string[]): Promise<string | null>;
  /** Submissions first created by messages from this sender, newest first. */
  findSubmissionsBySender(callId: string, senderKey: string): Promise<string[]>;
  /**
   * Automatic replies queued for this sender, in any call, since an instant (RFC 3834; how many
   * may go is domain/intake/rate-limit.ts's rule). Counted on the store's clock (when the entry was
   * recorded), never on a time taken from the message, which a looping robot could set as it likes.
   */
  countRepliesSince(senderKey: string, since: Date): Promise<number>;
}

/** What a use case may write in one transaction. */
export interface TransactionStores {
  submissions: SubmissionStore;
  messages: MessageLedger;
  /** Letters caused by this transaction's changes (a known dedupe key is a no-op). */
  outbox: Pick<Outbox, 'enqueue'>;
  /** Authors' private links, created with the submission they open. */
  authorLinks: AuthorLinkStore;
  /** Blind review: readers' requests and opinions. */
  reviews: ReviewStore;
  /** The order of the texts in the issue. */
  issueOrder: IssueOrderStore;
  /** The publishing contract's files: the contract sent, the signed copies. */
  contractDocuments: ContractDocumentStore;
  /** The files readers send with their opinions, and the anonymised copies shared with the author. */
  reviewFiles: ReviewFileStore;
  /** The notes the desk's people write to each other on a submission. */
  editorialNotes: EditorialNoteStore;
}

/**
 * Runs `fn` in one transaction: all of its writes are committed together, or none is. A refused
 * `record` (MESSAGE_DUPLICATE) leaves the transaction usable; any error thrown out of `fn` rolls
 * everything back. Inside `fn`, write only through the stores it is given.
 */
export interface UnitOfWork {
  run<T>(fn: (stores: TransactionStores) => Promise<T>): Promise<T>;
}
