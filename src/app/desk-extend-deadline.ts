import { z } from 'zod';
import { formatLocalDay } from '../domain/call/format-date.js';
import {
  type Call,
  callSchema,
  type Extension,
  extensionSchema,
  localDateSchema,
} from '../domain/call/schema.js';
import { localDateOf } from '../domain/call/time-zone.js';
import { AppError } from '../domain/shared/errors.js';
import type { Message } from '../domain/shared/message.js';
import type { CallProvider, CallStore } from '../ports/call-store.js';
import type { JsonObject } from '../ports/json.js';

export type ExtensionResult = { ok: true; call: Call } | { ok: false; problem: Message };

/**
 * Why one retry: a conflict means another process wrote the call between this read and this write
 * (its own extension, or a restart saving the call file). Deciding again from the fresh row keeps
 * both; a second conflict in a row is unusual enough for the coordinator to see it and look again.
 */
const ATTEMPTS = 2;

/**
 * Use case: a coordinator extends the call from the desk. The extension is added to the call's
 * record (the calls table keeps the call as JSON) with the day it was decided, in the call's time
 * zone; deciding again the same day replaces that day's decision (a typo is corrected, not
 * stacked). The deadline logic (domain/call/deadline.ts) then does the rest: the public page says
 * « prolongé », and a manuscript received in the new window is on time — in every process, which
 * all read the stored call. The extension is added to the call as stored now, not as this process
 * last saw it, and written only over the revision it was added to (compare and swap): one decided
 * at the same instant from another process's desk is kept, never overwritten. When the row keeps
 * moving, CALL_CHANGED says so and nothing is written.
 */
export async function extendDeadline(
  input: { date: string },
  deps: { calls: CallStore; currentCall: CallProvider; now: () => Date },
): Promise<ExtensionResult> {
  for (let attempt = 1; ; attempt++) {
    const { call, callId, revision } = await deps.currentCall.snapshot();
    const decided = withExtension(call, input.date, deps.now());
    if (!decided.ok) return decided;
    const saved = await deps.calls.replaceCall(callId, decided.call as unknown as JsonObject, revision);
    if (saved) return { ok: true, call: await deps.currentCall.current() };
    if (attempt >= ATTEMPTS) throw new AppError('CALL_CHANGED', {});
  }
}

/** The call with the extension to `date` decided `now`, or why it cannot be. */
function withExtension(call: Call, input: string, now: Date): ExtensionResult {
  const parsed = localDateSchema.safeParse(input.trim());
  if (!parsed.success) {
    return {
      ok: false,
      problem: {
        fr: 'Cette date n’est pas valide : choisissez un jour dans le calendrier (AAAA-MM-JJ).',
        en: 'This date is not valid: pick a day in the calendar (YYYY-MM-DD).',
      },
    };
  }
  const date = parsed.data as string;
  const today = localDateOf(now.getTime(), call.deadline.timeZone);
  if (date <= call.deadline.date) {
    const original = {
      fr: formatLocalDay(call.deadline.date, 'fr'),
      en: formatLocalDay(call.deadline.date, 'en'),
    };
    return {
      ok: false,
      problem: {
        fr: `Une prolongation doit reporter la date limite après la date initiale (${original.fr}).`,
        en: `An extension must move the deadline after the original date (${original.en}).`,
      },
    };
  }
  if (date < today) {
    return {
      ok: false,
      problem: {
        fr: 'La nouvelle date limite est déjà passée : choisissez aujourd’hui ou un jour à venir.',
        en: 'The new deadline has already passed: choose today or a day to come.',
      },
    };
  }
  // In the order decided, whichever process wrote first: the stored call reads the same either way.
  const extensions: Extension[] = [
    ...call.deadline.extensions.filter((e) => e.decidedOn !== today),
    { date, decidedOn: today },
  ].sort(byDecision);
  return { ok: true, call: callSchema.parse({ ...call, deadline: { ...call.deadline, extensions } }) };
}

const storedExtensions = z.object({
  deadline: z.object({ extensions: z.array(z.unknown()) }),
});

/**
 * The call as the file gives it, with the extensions decided from the desk kept: the call's file
 * is read again at every start and saved over the stored call, and a coordinator's extension must
 * survive that. An extension that no longer fits the file (before its deadline) is dropped.
 */
export function withStoredExtensions(call: Call, stored: JsonObject | undefined | null): Call {
  const found = storedExtensions.safeParse(stored);
  if (!found.success) return call;
  const known = new Set(call.deadline.extensions.map((e) => `${e.decidedOn}|${e.date}`));
  const extra = found.data.deadline.extensions
    .map((e) => extensionSchema.safeParse(e))
    .flatMap((r) => (r.success ? [r.data] : []))
    .filter((e) => e.date > call.deadline.date && !known.has(`${e.decidedOn}|${e.date}`));
  if (extra.length === 0) return call;
  const extensions = [...call.deadline.extensions, ...extra].sort(byDecision);
  return { ...call, deadline: { ...call.deadline, extensions } };
}

function byDecision(a: Extension, b: Extension): number {
  return a.decidedOn.localeCompare(b.decidedOn) || a.date.localeCompare(b.date);
}
