import type { Call } from '../domain/call/schema.js';
import type { JsonObject } from './json.js';

/** A call as stored: its data is the validated call file, kept as JSON (domain/call owns its shape). */
export interface CallRecord {
  id: string;
  slug: string;
  data: JsonObject;
  createdAt: string;
}

export interface CallStore {
  /** Creates the call, or replaces the data of the call with the same slug. */
  saveCall(slug: string, data: JsonObject): Promise<CallRecord>;
  findCallBySlug(slug: string): Promise<CallRecord | null>;
  findCallById(id: string): Promise<CallRecord | null>;
}

/**
 * The call in force. Another process (a second web instance, the e-mail importer) may have
 * extended its deadline from the desk since this one started: whatever depends on the deadline
 * (late or on time, the form open or closed) asks `current()`.
 */
export interface CallProvider {
  /** The call as stored now (one single-row query); `latest` becomes it. */
  current(): Promise<Call>;
  /** The call as last read, for what reads it synchronously after a `current()` of its own. */
  readonly latest: Call;
}
