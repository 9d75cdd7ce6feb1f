import { Command } from 'commander';
import { buildServer, type ServerOptions } from '../adapters/http/server.js';
import { parseTrustProxy } from '../adapters/http/trust-proxy.js';
import { keepDeskTexts } from '../app/desk-dashboard.js';
import { runOutboxWorker } from '../app/process-outbox.js';
import { runPeriodically } from '../app/sweep-schedule.js';
import type { AppContext } from '../main/context.js';
import { sweepDeps } from '../main/sweep-context.js';
import { printFirstLinkIfNobody } from './account-command.js';
import type { CliIo } from './io.js';
import { startReminding } from './reminders.js';
import { runWithContext } from './run-with-context.js';
import { failureCode, startSweeping } from './sweep-command.js';
import { workerDeps } from './worker-command.js';

export interface ServeOptions {
  port: number;
  host: string;
  /** Send the letters from this process too (the embedded default). */
  worker: boolean;
  env: NodeJS.ProcessEnv;
  /** Stops the desk; SIGINT and SIGTERM when absent. */
  signal?: AbortSignal;
}

/**
 * Serves the desk until stopped: the address, and while nobody can sign in, the first
 * administrator's one-time link; the outbox worker in the same process unless told otherwise; the
 * sweep of abandoned drafts and temporaries at start, then hourly, and with APPEL_PUBLIC_URL the
 * completion reminders on the same hour.
 */
export async function serveDesk(io: CliIo, context: AppContext, options: ServeOptions): Promise<void> {
  const { env } = options;
  const app = await buildServer(context, serverSettings(env));
  const address = await app.listen({ port: options.port, host: options.host });
  io.out(`Bureau de l’appel / call desk: ${address}`);
  await printFirstLinkIfNobody(io, context, env.APPEL_PUBLIC_URL?.replace(/\/+$/, '') ?? address);
  const sweeping = startSweeping(io, sweepDeps(context));
  const reminding = startReminding(io, context, env.APPEL_PUBLIC_URL);
  // The manuscripts' words for the dashboard's search, kept ahead of the first search.
  const keepingTexts = runPeriodically(
    () =>
      keepDeskTexts(context, context.callId, {
        index: context.manuscriptTexts,
        files: context.intake.files,
        read: context.intake.read,
      }),
    { onError: (e) => io.err(`search texts: ${failureCode(e)}, retrying`) },
  );
  const stop = new AbortController();
  if (options.signal) options.signal.addEventListener('abort', () => stop.abort(), { once: true });
  else {
    process.once('SIGINT', () => stop.abort());
    process.once('SIGTERM', () => stop.abort());
  }
  try {
    if (options.worker) {
      await runOutboxWorker(workerDeps(context), {
        signal: stop.signal,
        onError: () => io.err('worker: retrying'),
      });
    } else if (!stop.signal.aborted) {
      await new Promise((resolve) => stop.signal.addEventListener('abort', resolve));
    }
  } finally {
    // The sweep and the reminders run on the context's connection, which the caller closes once this returns.
    await reminding?.stop();
    await keepingTexts.stop();
    await sweeping.stop();
    await app.close();
  }
}

/** The desk's settings from the environment: APPEL_COOKIE_SECRET, APPEL_TRUST_PROXY. */
export function serverSettings(env: NodeJS.ProcessEnv): ServerOptions {
  return {
    ...(env.APPEL_COOKIE_SECRET ? { cookieSecret: env.APPEL_COOKIE_SECRET } : {}),
    trustProxy: parseTrustProxy(env.APPEL_TRUST_PROXY),
  };
}

/** `appel serve`: the web desk, with an outbox worker in the same process (the embedded default). */
export function serveCommand(io: CliIo, env: NodeJS.ProcessEnv = process.env): Command {
  return new Command('serve')
    .description('Sert le bureau web / serves the web desk')
    .option('--data <dir>', 'dossier de données / data folder')
    .option('--call <file>', 'fichier d’appel / call file')
    .option('--port <n>', 'port', env.PORT ?? '8081')
    .option('--host <host>', 'adresse d’écoute / listen address', '127.0.0.1')
    .option('--no-worker', 'sans envoi des lettres dans ce processus / without the in-process worker')
    .action(
      async (options: { data?: string; call?: string; port: string; host: string; worker: boolean }) => {
        await runWithContext(io, { data: options.data, callFile: options.call, env }, async (context) => {
          await serveDesk(io, context, {
            port: Number(options.port),
            host: options.host,
            worker: options.worker,
            env,
          });
          return 0;
        });
      },
    );
}
