import type { ColumnType, Generated } from 'kysely';

/**
 * The live shape of the tables, as the repositories see them. Migrations never import this
 * file: they are frozen in time and describe the tables as they were when written.
 *
 * Conventions that keep ONE repository code for SQLite and PostgreSQL:
 * - timestamps are TEXT holding ISO 8601 UTC with milliseconds (see codec.ts for why);
 * - JSON is TEXT (encoded and decoded in codec.ts), so both drivers return the same string;
 * - booleans are INTEGER 0/1, because better-sqlite3 cannot bind a JS boolean;
 * - counters and identity columns are 32-bit INTEGER, which pg returns as a number (int8 would be a string);
 *   the one exception, IMAP's unsigned 32-bit numbers, is BIGINT: pg returns it as a string, read with Number().
 */
export interface Database {
  calls: CallsTable;
  submissions: SubmissionsTable;
  authors: AuthorsTable;
  manuscript_versions: ManuscriptVersionsTable;
  findings: FindingsTable;
  events: EventsTable;
  outbox: OutboxTable;
  files: FilesTable;
  messages: MessagesTable;
  author_links: AuthorLinksTable;
  accounts: AccountsTable;
  account_tokens: AccountTokensTable;
  account_sessions: AccountSessionsTable;
  sign_in_attempts: SignInAttemptsTable;
  reviews: ReviewsTable;
  issue_order: IssueOrderTable;
  contract_documents: ContractDocumentsTable;
  review_files: ReviewFilesTable;
  editorial_notes: EditorialNotesTable;
  manuscript_texts: ManuscriptTextsTable;
}

export interface CallsTable {
  id: string;
  slug: string;
  data: string;
  created_at: string;
  updated_at: string;
  /** Raised by every write of the row: a change is written only over the revision it was made from. */
  revision: Generated<number>;
}

export interface SubmissionsTable {
  id: string;
  call_id: string;
  status: string;
  title: string;
  channel: string;
  axis: string | null;
  received_at: string;
  contact_author_id: string | null;
  idempotency_key: string;
  late: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface AuthorsTable {
  id: string;
  submission_id: string;
  position: number;
  given_name: string;
  surname: string;
  email: string | null;
  phone: string | null;
  postal_address: string | null;
  is_contact: number;
  requested_order: number;
}

export interface ManuscriptVersionsTable {
  id: string;
  submission_id: string;
  number: number;
  file_sha256: string;
  file_name: string;
  format: string;
  byte_size: number;
  analysis: string | null;
  signes_total: number | null;
  received_at: string;
  created_at: string;
}

export interface FindingsTable {
  id: Generated<number>;
  submission_id: string;
  version_id: string | null;
  code: string;
  severity: string;
  message_fr: string;
  message_en: string;
  fix_fr: string | null;
  fix_en: string | null;
  data: string | null;
}

export interface EventsTable {
  id: Generated<number>;
  submission_id: string;
  at: string;
  actor_kind: string;
  actor_id: string | null;
  channel: string;
  action: string;
  from_status: string | null;
  to_status: string | null;
  detail: string | null;
}

export interface OutboxTable {
  id: Generated<number>;
  kind: string;
  payload: string;
  status: string;
  attempts: number;
  run_after: string;
  locked_until: string | null;
  locked_by: string | null;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

export interface FilesTable {
  sha256: string;
  byte_size: number;
  media_type: string;
  created_at: string;
}

/** BIGINT: a string from pg, a number from better-sqlite3; always written as a number. */
type ImapNumber = ColumnType<number | string | null, number | null, number | null>;

export interface MessagesTable {
  id: Generated<number>;
  sha256: string;
  call_id: string;
  source_kind: string;
  source_location: string;
  mailbox: string | null;
  uid_validity: ImapNumber;
  uid: ImapNumber;
  message_id: string | null;
  sender_key: string | null;
  received_at: string;
  outcome: string;
  submission_id: string | null;
  replied: number;
  detail: string | null;
  created_at: string;
}

/** Authors' private links: the SHA-256 (hex) of each token, never the token. */
export interface AuthorLinksTable {
  token_hash: string;
  submission_id: string;
  created_at: string;
  revoked_at: string | null;
}

/** The desk's accounts: coordinators, committee members, administrators. */
export interface AccountsTable {
  id: string;
  email: string;
  display_name: string;
  role: string;
  password_hash: string | null;
  totp_secret: string | null;
  totp_last_step: number | null;
  created_at: string;
  activated_at: string | null;
  disabled_at: string | null;
  updated_at: string;
}

/** One-time links (invitations, the first administrator's link): the SHA-256 of each token. */
export interface AccountTokensTable {
  token_hash: string;
  account_id: string;
  kind: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** Desk sessions: the SHA-256 of the cookie's random value. */
export interface AccountSessionsTable {
  id_hash: string;
  account_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

/**
 * Sign-in attempts in the window: a keyed hash of the client address or account address, never
 * the address; at most `max` slots per key, each holding the time of the attempt that took it.
 */
export interface SignInAttemptsTable {
  key_hash: string;
  slot: number;
  at: string;
  /** When the attempt stops counting: the slot is free again, the row may be deleted. */
  expires_at: string;
}

/** Blind review: a request to read one version, and the reader's opinion (0007). */
export interface ReviewsTable {
  id: string;
  submission_id: string;
  version_number: number;
  token_hash: string;
  reader_name: string;
  reader_email: string;
  due_on: string | null;
  note: string | null;
  state: string;
  asked_at: string;
  asked_by: string | null;
  recommendation: string | null;
  for_authors: string | null;
  for_committee: string | null;
  answered_at: string | null;
  /** When the words for the author went with a decision (0011). */
  shared_at: string | null;
}

/** The order of the texts in the issue, as the coordinators set it (0008). */
export interface IssueOrderTable {
  submission_id: string;
  call_id: string;
  position: number;
  updated_at: string;
}

/** The contract and the signed copies, as files (0009). */
export interface ContractDocumentsTable {
  id: string;
  submission_id: string;
  kind: string;
  file_sha256: string;
  file_name: string;
  byte_size: number;
  added_by_kind: string;
  added_by: string | null;
  added_at: string;
}

/** The files a reader sent with their opinion, and their anonymised copies (0010). */
export interface ReviewFilesTable {
  id: string;
  review_id: string;
  submission_id: string;
  file_sha256: string;
  file_name: string;
  byte_size: number;
  /** Both null, or both set (a CHECK says so). */
  anonymised_sha256: string | null;
  anonymised_byte_size: number | null;
  added_at: string;
  /** Null while anonymised_sha256 is null (a CHECK says so). */
  shared_at: string | null;
}

/** The notes the desk's people write to each other on a submission (0012). */
export interface EditorialNotesTable {
  id: string;
  submission_id: string;
  account_id: string;
  /** Empty exactly when removed_at is set (a CHECK says so). */
  body: string;
  written_at: string;
  removed_at: string | null;
}

/** Each stored manuscript's words, folded, for the desk's search (0013). */
export interface ManuscriptTextsTable {
  file_sha256: string;
  folded: string;
  indexed_at: string;
}
