import { type Call, callSchema } from '../domain/call/schema.js';
import type { CallProvider, CallSnapshot, CallStore } from '../ports/call-store.js';

/**
 * The call in force, read again from the calls table whenever it is asked for: with several
 * processes over one database, an extension decided from the desk of one must decide « late or on
 * time » in all the others at once, so there is no cache with a lifetime to wait out. A read is one
 * single-row query; its JSON is compared with the one read last (the version check) and validated
 * again only when it changed.
 */
export class StoredCall implements CallProvider {
  private call: Call;
  private json: string;
  // Reads may overlap (concurrent requests): `latest` only ever moves to a later read.
  private issued = 0;
  private applied = 0;

  constructor(
    private readonly calls: CallStore,
    private readonly callId: string,
    first: Call,
  ) {
    this.call = first;
    this.json = JSON.stringify(first);
  }

  get latest(): Call {
    return this.call;
  }

  async current(): Promise<Call> {
    return (await this.snapshot()).call;
  }

  async snapshot(): Promise<CallSnapshot> {
    const read = ++this.issued;
    const record = await this.calls.findCallById(this.callId);
    // The row is written when the process opens and never deleted; without it, keep what we have
    // (a write from this finds no row at any revision, and says so).
    if (!record) return { call: this.call, callId: this.callId, revision: -1 };
    const json = JSON.stringify(record.data);
    const call = json === this.json ? this.call : callSchema.parse(record.data);
    if (read > this.applied) {
      this.applied = read;
      this.call = call;
      this.json = json;
    }
    return { call, callId: this.callId, revision: record.revision };
  }
}
