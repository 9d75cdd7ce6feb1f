import type { CallRecord, CallStore } from '../../ports/call-store.js';
import type { Clock } from '../../ports/clock.js';
import type { IdGenerator } from '../../ports/id-generator.js';
import type { JsonObject } from '../../ports/json.js';
import { toIso } from './codec.js';
import { createCall, findCall, listCalls, replaceCall, saveCall } from './repositories/calls.js';
import type { Executor } from './transaction.js';

export class KyselyCallStore implements CallStore {
  constructor(
    private readonly db: Executor,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  saveCall(slug: string, data: JsonObject): Promise<CallRecord> {
    return saveCall(this.db, this.ids, slug, data, toIso(this.clock.now()));
  }

  createCall(slug: string, data: JsonObject): Promise<CallRecord | null> {
    return createCall(this.db, this.ids, slug, data, toIso(this.clock.now()));
  }

  replaceCall(id: string, data: JsonObject, expectedRevision: number): Promise<CallRecord | null> {
    return replaceCall(this.db, id, data, expectedRevision, toIso(this.clock.now()));
  }

  findCallBySlug(slug: string): Promise<CallRecord | null> {
    return findCall(this.db, { slug });
  }

  findCallById(id: string): Promise<CallRecord | null> {
    return findCall(this.db, { id });
  }

  listCalls(): Promise<CallRecord[]> {
    return listCalls(this.db);
  }
}
