import { Command } from 'commander';
import { drainOutbox, runOutboxWorker } from '../app/process-outbox.js';
import type { AppContext } from '../main/context.js';
import { sweepDeps } from '../main/sweep-context.js';
import type { CliIo } from './io.js';
import { startReminding } from './reminders.js';
import { runWithContext } from './run-with-context.js';
import { startSweeping } from './sweep-command.js';

/** The outbox worker's dependencies from the context. */
export function workerDeps(context: AppContext) {
  return {
    outbox: context.outbox,
    mailer: context.mailer,
    worker: context.worker,
    messageIdDomain: context.from.address.split('@')[1] ?? 'localhost',
  };
}

export function outboxText(sent: number, retrying: number, failed: number, dir: string | null): string {
  const where = dir ? ` (${dir})` : '';
  return [
    `Lettres envoyées : ${sent}${where} ; à réessayer : ${retrying} ; en échec : ${failed}.`,
    `Letters sent: ${sent}${where}; to retry: ${retrying}; failed: ${failed}.`,
  ].join('\n');
}

/**
 * `appel worker [--once]`: sends the receipts and letters waiting in the outbox. Running on, it
 * also sweeps the data folder at start and hourly, and with APPEL_PUBLIC_URL queues the completion
 * reminders on the same hour (not with --once: a drain is one job).
 */
export function workerCommand(io: CliIo, env: NodeJS.ProcessEnv = process.env): Command {
  return new Command('worker')
    .description('Envoie les accusés de réception et lettres / sends receipts and letters')
    .option('--data <dir>', 'dossier de données / data folder')
    .option('--call <file>', 'fichier d’appel / call file')
    .option('--once', 'vide la file puis s’arrête / drain the queue and stop')
    .action(async (options: { data?: string; call?: string; once?: boolean }) => {
      await runWithContext(io, { data: options.data, callFile: options.call, env }, async (context) => {
        const deps = workerDeps(context);
        if (options.once) {
          const s = await drainOutbox(deps);
          io.out(outboxText(s.sent, s.retrying, s.failed, context.outboxDir));
          return s.failed > 0 ? 1 : 0;
        }
        const stop = new AbortController();
        process.once('SIGINT', () => stop.abort());
        process.once('SIGTERM', () => stop.abort());
        const sweeping = startSweeping(io, sweepDeps(context));
        const reminding = startReminding(io, context, env.APPEL_PUBLIC_URL);
        try {
          await runOutboxWorker(deps, {
            signal: stop.signal,
            onError: () => io.err('worker: database unavailable, retrying'),
          });
        } finally {
          // On the context's connection: stopped before runWithContext closes it.
          await reminding?.stop();
          await sweeping.stop();
        }
        return 0;
      });
    });
}
