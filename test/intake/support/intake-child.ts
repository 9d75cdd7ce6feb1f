/**
 * The importer and the worker as a process the crash tests can kill. It does what `appel mail
 * import PATH… --data DIR` and `appel worker --once --data DIR` do — openContext (the real
 * composition root: SQLite in the data folder, files, letters to DATA/outbox), then importMailbox
 * over readPaths, or drainOutbox with the worker's own dependencies — but it loads its modules
 * first and then waits for orders on stdin, one JSON line each, so that a test can start the
 * kill timer when the work starts rather than while Node and tsx are still loading.
 *
 * stdin:  {"op":"import","data":DIR,"paths":[…]} | {"op":"drain","data":DIR}
 * stdout: {"event":"ready"}, then per order {"event":"opened"}, {"event":"outcome"|"job",…}… and
 * {"event":"done",…}, each with `t`, the milliseconds since the order arrived.
 */
import { createInterface } from 'node:readline';
import { readPaths } from '../../../src/adapters/mail-in/read-paths.js';
import { importMailbox } from '../../../src/app/import-mailbox.js';
import { drainOutbox } from '../../../src/app/process-outbox.js';
import { workerDeps } from '../../../src/cli/worker-command.js';
import { openContext } from '../../../src/main/context.js';

type Order = { op: 'import'; data: string; paths: string[] } | { op: 'drain'; data: string };

const emit = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);

// The embedded default only: SQLite in the data folder, letters written as files.
const env = { ...process.env };
delete env.DATABASE_URL;
delete env.APPEL_SMTP_URL;

async function run(order: Order): Promise<void> {
  const started = performance.now();
  const t = () => Math.round(performance.now() - started);
  const context = await openContext({ data: order.data, env });
  emit({ event: 'opened', t: t() });
  try {
    if (order.op === 'import') {
      const summary = await importMailbox(readPaths(order.paths), context.intake, {
        onProgress: (outcome, s) => emit({ event: 'outcome', n: s.messages, outcome, t: t() }),
        onError: (code) => emit({ event: 'error', code }),
      });
      emit({ event: 'done', summary, t: t() });
    } else {
      const summary = await drainOutbox({
        ...workerDeps(context),
        log: (e) => emit({ event: 'job', id: e.jobId, outcome: e.outcome, t: t() }),
      });
      emit({ event: 'done', summary: { ...summary, errors: summary.errors.length }, t: t() });
    }
  } finally {
    await context.close();
  }
}

const lines = createInterface({ input: process.stdin });
emit({ event: 'ready' });
for await (const line of lines) {
  if (line.trim() === '') continue;
  try {
    await run(JSON.parse(line) as Order);
  } catch (e) {
    emit({ event: 'failed', error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
}
