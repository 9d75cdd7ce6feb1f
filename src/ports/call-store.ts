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
