import { isDeepStrictEqual } from 'node:util';
import type { Call } from '../domain/call/schema.js';
import { AppError } from '../domain/shared/errors.js';
import type { CallRecord, CallStore } from '../ports/call-store.js';
import type { JsonObject } from '../ports/json.js';
import { withStoredExtensions } from './desk-extend-deadline.js';

/**
 * Why several attempts (the desk's extension makes two): a conflict here is another process's
 * write between this read and this write — a desk extension, or another instance starting with
 * the same file. Each retry starts from the fresh row, and an instance that finds the row already
 * as it would write it writes nothing, so instances starting together settle within a few rounds;
 * giving up stops the start, which should take more than a coordinator's click.
 */
const ATTEMPTS = 5;

export interface SavedCall {
  /** The call file with the extensions decided from the desk: the call in force. */
  call: Call;
  record: CallRecord;
}

/**
 * Use case: a process starting saves its call file into the calls row. Extensions decided from the
 * desk live only in the row, so they are added to the file's call (withStoredExtensions), and the
 * result is written only over the revision it was read at (compare and swap, as the desk's
 * extension does): an extension decided between this read and this write is read again and kept,
 * never overwritten. A row already holding that call is left as it is (its revision does not move,
 * so nothing racing it has to decide again). CALL_CHANGED when the row keeps moving.
 */
export async function saveCallFile(file: Call, calls: CallStore): Promise<SavedCall> {
  for (let attempt = 1; ; attempt++) {
    const stored = await calls.findCallBySlug(file.id);
    const call = withStoredExtensions(file, stored?.data);
    const data = JSON.parse(JSON.stringify(call)) as JsonObject;
    if (stored && isDeepStrictEqual(stored.data, data)) return { call, record: stored };
    const saved = stored
      ? await calls.replaceCall(stored.id, data, stored.revision)
      : await calls.createCall(file.id, data);
    if (saved) return { call, record: saved };
    if (attempt >= ATTEMPTS) throw new AppError('CALL_CHANGED', {});
  }
}
