import { validateCall } from '../domain/call/parse-call.js';
import type { Call } from '../domain/call/schema.js';
import { AppError } from '../domain/shared/errors.js';
import type { CallStore } from '../ports/call-store.js';
import { type SavedCall, saveCallFile } from './save-call-file.js';

/**
 * Use case: which call a starting process runs. A call file given (--call) is saved as always
 * (saveCallFile). Without one, the calls already stored decide: a journal that started `appel serve
 * --call notre-appel.yaml` and then `appel worker` or `appel mail import` without --call means its
 * own call, not the built-in one — saving the built-in would add a second row and judge its mail
 * against the wrong call. So: no stored call, the embedded default is saved; one, it is in force as
 * stored (extensions and all, nothing written); several, CALL_AMBIGUOUS (only --call can say).
 */
export async function chooseCall(
  file: Call | undefined,
  embedded: Call,
  calls: CallStore,
): Promise<SavedCall> {
  if (file) return saveCallFile(file, calls);
  const stored = await calls.listCalls();
  const [only] = stored;
  if (!only) return saveCallFile(embedded, calls);
  if (stored.length > 1) {
    throw new AppError('CALL_AMBIGUOUS', { slugs: stored.map((c) => c.slug).join(', ') });
  }
  const valid = validateCall(only.data);
  if (!valid.ok) throw valid.error;
  return { call: valid.call, record: only };
}
