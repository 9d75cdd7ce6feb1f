import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { readPaths } from '../adapters/mail-in/read-paths.js';
import { analyseManuscript } from '../adapters/manuscript/analyse-manuscript.js';
import { checkManuscripts } from '../app/check-manuscripts.js';
import { importMailbox } from '../app/import-mailbox.js';
import { drainOutbox } from '../app/process-outbox.js';
import { STATUS_LABELS } from '../domain/submission/labels.js';
import type { Status } from '../domain/submission/status.js';
import { reportToText } from './check-report.js';
import type { CliIo } from './io.js';
import { summaryText } from './progress.js';
import { runWithContext } from './run-with-context.js';
import { serveDesk } from './serve-command.js';
import { outboxText, workerDeps } from './worker-command.js';

const SAMPLE = fileURLToPath(new URL('../../samples/manuscrit-exemple.docx', import.meta.url));
const DEMO_MBOX = fileURLToPath(new URL('../../samples/demo/appel-81.mbox', import.meta.url));

/**
 * `appel demo` (what `npm start` runs): the whole flow on the embedded default. It checks the
 * sample manuscript, imports the demo mailbox of the no. 81 call into the data folder (a second
 * run recognises every message), writes the receipts to DATA/outbox, then serves the desk on
 * 127.0.0.1:8081 (or PORT) with the first administrator's one-time link while nobody can sign in.
 * `--no-serve` stops after the import, for scripts and tests.
 */
export function demoCommand(
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
  /** Stops the served desk (tests); SIGINT and SIGTERM otherwise. */
  signal?: AbortSignal,
): Command {
  return new Command('demo')
    .description('Démonstration sur l’appel n° 81 / demonstration on the no. 81 call')
    .option('--data <dir>', 'dossier de données / data folder')
    .option('--no-serve', 'sans démarrer le bureau / without starting the desk')
    .option('--port <n>', 'port du bureau / the desk’s port', env.PORT ?? '8081')
    .action(async (options: { data?: string; serve: boolean; port: string }) => {
      await runWithContext(io, { data: options.data, env }, async (context) => {
        io.out('1. appel check samples/manuscrit-exemple.docx\n');
        const [report] = await checkManuscripts([{ path: SAMPLE }], {
          read: analyseManuscript,
          call: context.call,
        });
        if (report) io.out(reportToText(report, 'fr'));

        io.out('\n2. appel mail import samples/demo/appel-81.mbox\n');
        const summary = await importMailbox(readPaths([DEMO_MBOX]), context.intake);
        io.out(summaryText(summary));

        io.out('\n3. appel worker --once\n');
        const sent = await drainOutbox(workerDeps(context));
        io.out(outboxText(sent.sent, sent.retrying, sent.failed, context.outboxDir));

        io.out(`\n4. Propositions de l’appel n° ${context.call.issue} / submissions\n`);
        const counts = await context.submissions.countByStatus(context.callId);
        for (const [status, n] of Object.entries(counts)) {
          const label = STATUS_LABELS[status as Status];
          io.out(`  ${label.fr} / ${label.en} : ${n}`);
        }
        io.out(`\nDonnées / data: ${context.dataDir} (${context.databaseDescription})`);
        const code = report?.verdict === 'pass' && summary.errors === 0 ? 0 : 1;
        if (options.serve) {
          io.out('\n5. appel serve\n');
          await serveDesk(io, context, {
            port: Number(options.port),
            host: '127.0.0.1',
            worker: true,
            env,
            ...(signal ? { signal } : {}),
          });
        }
        return code;
      });
    });
}
