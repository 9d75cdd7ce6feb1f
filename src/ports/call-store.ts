import type { Call } from '../domain/call/schema.js';
import type { JsonObject } from './json.js';

/** A call as stored: its data is the validated call file, kept as JSON (domain/call owns its shape). */
export interface CallRecord {
  id: string;
  slug: string;
  data: JsonObject;
  createdAt: string;
  /** Raised by every write of the row; what a compare-and-swap (replaceCall) checks. */
  revision: number;
}

export interface CallStore {
  /**
   * Creates the call, or replaces the data of the call with the same slug, whatever it holds: a
   * process saving its call file goes through saveCallFile (compare and swap) instead.
   */
  saveCall(slug: string, data: JsonObject): Promise<CallRecord>;
  /** Creates the call only if none has this slug; null when one has (nothing written). */
  createCall(slug: string, data: JsonObject): Promise<CallRecord | null>;
  /**
   * Replaces the call's data only if its row is still at `expectedRevision`; null when another
   * write came first (nothing written): read the call again and decide again from it.
   */
  replaceCall(id: string, data: JsonObject, expectedRevision: number): Promise<CallRecord | null>;
  findCallBySlug(slug: string): Promise<CallRecord | null>;
  findCallById(id: string): Promise<CallRecord | null>;
  /** Every stored call, oldest first: a process started without a call file chooses among them. */
  listCalls(): Promise<CallRecord[]>;
}

/** The call in force with its row's id and revision: what a change written back needs. */
export interface CallSnapshot {
  call: Call;
  callId: string;
  revision: number;
}

/**
 * The call in force. Another process (a second web instance, the e-mail importer) may have
 * extended its deadline from the desk since this one started: whatever depends on the deadline
 * (late or on time, the form open or closed) asks `current()`.
 */
export interface CallProvider {
  /** The call as stored now (one single-row query); `latest` becomes it. */
  current(): Promise<Call>;
  /** The same read, with the row's revision: for a change written back by compare-and-swap. */
  snapshot(): Promise<CallSnapshot>;
  /** The call as last read, for what reads it synchronously after a `current()` of its own. */
  readonly latest: Call;
}
