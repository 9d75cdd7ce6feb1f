import { Command } from 'commander';
import { remindIncompleteSubmissions } from '../app/remind-incomplete.js';
import { runPeriodically, type SweepSchedule } from '../app/sweep-schedule.js';
import { AppError } from '../domain/shared/errors.js';
import type { AppContext } from '../main/context.js';
import { systemClock } from '../ports/clock.js';
import type { CliIo } from './io.js';
import { runWithContext } from './run-with-context.js';
import { failureCode } from './sweep-command.js';

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
  const publicBase = publicBaseOf(publicUrl);
  if (!publicBase) return null;
  return runPeriodically(() => remindNow(context, publicBase), {
    onDone: ({ reminded }) => {
      if (reminded > 0) io.out(remindText(reminded));
    },
    onError: (e) => io.err(`reminders: ${failureCode(e)}, retrying`),
  });
}

/**
 * `appel remind`: the completion reminders due now, once — for a host that runs `appel worker
 * --once` from cron rather than a long-running worker. Needs APPEL_PUBLIC_URL, like the hourly run.
 */
export function remindCommand(io: CliIo, env: NodeJS.ProcessEnv = process.env): Command {
  return new Command('remind')
    .description(
      'Rappelle une fois chaque proposition incomplète, une semaine avant la date limite / reminds each incomplete submission once, a week before the deadline',
    )
    .option('--data <dir>', 'dossier de données / data folder')
    .option('--call <file>', 'fichier d’appel / call file')
    .action(async (options: { data?: string; call?: string }) => {
      await runWithContext(io, { data: options.data, callFile: options.call, env }, async (context) => {
        const publicBase = publicBaseOf(env.APPEL_PUBLIC_URL);
        if (!publicBase) throw new AppError('PUBLIC_URL_MISSING');
        io.out(remindText((await remindNow(context, publicBase)).reminded));
        return 0;
      });
    });
}

function publicBaseOf(publicUrl: string | undefined): string | null {
  return publicUrl?.trim().replace(/\/+$/, '') || null;
}

async function remindNow(context: AppContext, publicBase: string): Promise<{ reminded: number }> {
  return remindIncompleteSubmissions({
    uow: context.intake.uow,
    submissions: context.submissions,
    // Read afresh: a deadline extended from another instance moves the reminders' day.
    call: await context.currentCall.current(),
    callId: context.callId,
    clock: systemClock,
    publicBase,
  });
}

function remindText(reminded: number): string {
  return `Rappels aux propositions incomplètes : ${reminded}\nReminders to incomplete submissions: ${reminded}`;
}
