import type { FileKind } from '../domain/manuscript/model.js';
import type { Finding } from '../domain/shared/finding.js';
import type { Author } from '../domain/submission/author.js';
import type { Status } from '../domain/submission/status.js';
import type { JsonValue } from './json.js';
import type { OutboxMessage } from './outbox.js';

/**
 * The shapes the submission store takes and gives back. Inputs take Date; records give back
 * timestamps as ISO 8601 strings in UTC, exactly as stored (see adapters/db/codec.ts).
 */
export type Channel = 'email' | 'web' | 'cli';
/** Where an event came from: the submission channels, or a worker / scheduled job. */
export type EventChannel = Channel | 'system';
export type ActorKind = 'author' | 'coordinator' | 'committee' | 'reviewer' | 'system';

export interface Actor {
  kind: ActorKind;
  /** An account or author identifier; never a name, e-mail or phone number. */
  id?: string;
}

/** Figures and codes only: an audit log is read by many and kept forever, so no personal data. */
export type EventDetail = Record<string, string | number | boolean | null>;

export interface NewEvent {
  actor: Actor;
  channel: EventChannel;
  action: string;
  detail?: EventDetail;
}

export interface NewAuthor extends Author {
  /** The authors asked for this order rather than the alphabetical one. */
  requestedOrder?: boolean;
}

export interface NewVersion {
  fileSha256: string;
  fileName: string;
  /** What the file is, recognised by content (a PDF is recorded too: nothing accepted is lost). */
  format: FileKind;
  byteSize: number;
  mediaType: string;
  /** The analysis as JSON (counts, facts); null when the file could not be read. */
  analysis: JsonValue | null;
  signesTotal: number | null;
  receivedAt: Date;
  /** Findings about this version's file. */
  findings: Finding[];
}

export interface NewSubmission {
  callId: string;
  title: string;
  channel: Channel;
  axis: string | null;
  receivedAt: Date;
  /** Same key twice for one call = the same sending (Message-ID, upload token). */
  idempotencyKey: string;
  late: boolean;
  /** The first status, as the lifecycle decided it. */
  status: Status;
  /** In the order given; position 1 is the first. */
  authors: NewAuthor[];
  version: NewVersion;
  /** Findings about the submission itself (contact details, deadline, authors). */
  findings: Finding[];
  event: NewEvent;
  outbox: OutboxMessage[];
}

export interface SubmissionSummary {
  id: string;
  callId: string;
  status: Status;
  title: string;
  channel: Channel;
  axis: string | null;
  receivedAt: string;
  contactAuthorId: string | null;
  idempotencyKey: string;
  late: boolean;
  createdAt: string;
  updatedAt: string;
  /** Optimistic-lock counter: every change adds one; a change based on an older value fails. */
  version: number;
}

export interface AuthorRecord extends NewAuthor {
  id: string;
  position: number;
  requestedOrder: boolean;
}

export interface VersionRecord {
  id: string;
  submissionId: string;
  number: number;
  fileSha256: string;
  fileName: string;
  format: FileKind;
  byteSize: number;
  analysis: JsonValue | null;
  signesTotal: number | null;
  receivedAt: string;
}

export interface StoredFinding extends Finding {
  id: number;
  versionId: string | null;
}

export interface SubmissionRecord extends SubmissionSummary {
  authors: AuthorRecord[];
  /** Oldest first. */
  versions: VersionRecord[];
  findings: StoredFinding[];
}

export interface EventRecord {
  id: number;
  submissionId: string;
  at: string;
  actor: Actor;
  channel: EventChannel;
  action: string;
  fromStatus: Status | null;
  toStatus: Status | null;
  detail: EventDetail | null;
}

export interface SubmissionFilter {
  status?: Status[];
  late?: boolean;
  channel?: Channel;
  /** received_at >= from */
  receivedFrom?: Date;
  /** received_at < before */
  receivedBefore?: Date;
  limit?: number;
  offset?: number;
}

export interface StatusChange {
  submissionId: string;
  /** The `version` the decision was based on. */
  expectedVersion: number;
  /** Decided by the lifecycle table; the store records it and never judges it. */
  to: Status;
  event: NewEvent;
  outbox?: OutboxMessage[];
}

export interface VersionAddition {
  submissionId: string;
  version: NewVersion;
  event: NewEvent;
  outbox?: OutboxMessage[];
}
