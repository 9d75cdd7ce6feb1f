import { remindIncompleteSubmissions } from '../app/remind-incomplete.js';
import { runPeriodically, type SweepSchedule } from '../app/sweep-schedule.js';
import { isAppError } from '../domain/shared/errors.js';
import type { AppContext } from '../main/context.js';
import { systemClock } from '../ports/clock.js';
import type { CliIo } from './io.js';

/**
 * The completion reminders beside a long-running process (the desk, the worker): now, then hourly,
 * on that process's own connection (stop them before closing it). Only with APPEL_PUBLIC_URL: the
 * reminder carries a private link, and a link on the address a laptop listens on (127.0.0.1)
 * would open nothing on the author's side — the e-mail receipts follow the same rule.
 */
export function startReminding(
  io: CliIo,
  context: AppContext,
  publicUrl: string | undefined,
): SweepSchedule | null {
  const publicBase = publicUrl?.trim().replace(/\/+$/, '');
  if (!publicBase) return null;
  return runPeriodically(
    async () =>
      remindIncompleteSubmissions({
        uow: context.intake.uow,
        submissions: context.submissions,
        // Read afresh: a deadline extended from another instance moves the reminders' day.
        call: await context.currentCall.current(),
        callId: context.callId,
        clock: systemClock,
        publicBase,
      }),
    {
      onDone: ({ reminded }) => {
        if (reminded > 0) {
          io.out(
            `Rappels aux propositions incomplètes : ${reminded}\nReminders to incomplete submissions: ${reminded}`,
          );
        }
      },
      onError: (e) =>
        io.err(
          `reminders: ${isAppError(e) ? e.code : ((e as { code?: string }).code ?? 'failed')}, retrying`,
        ),
    },
  );
}
