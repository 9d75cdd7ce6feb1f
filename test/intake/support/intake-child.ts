/**
 * The importer and the worker as a process the crash tests can kill. It does what `appel mail
 * import PATH… --data DIR` and `appel worker --once --data DIR` do — openContext (the real
 * composition root: SQLite in the data folder, files, letters to DATA/outbox), then importMailbox
 * over readPaths, or drainOutbox with the worker's own dependencies — but it loads its modules
 * first and then waits for orders on stdin, one JSON line each, so that a test can start the
 * kill timer when the work starts rather than while Node and tsx are still loading. The context
 * of a data folder is opened by the first order for it and kept, as a long-running watcher does.
 *
 * stdin:  {"op":"import","data":DIR,"paths":[…]} | {"op":"drain","data":DIR} | {"op":"close","data":DIR}
 * stdout: {"event":"ready"}, then per order {"event":"opened"}, {"event":"outcome"|"job",…}… and
 * {"event":"done",…}, each with `t`, the milliseconds since the order arrived.
 */
import { createInterface } from 'node:readline';
import { readPaths } from '../../../src/adapters/mail-in/read-paths.js';
import { importMailbox } from '../../../src/app/import-mailbox.js';
import { drainOutbox } from '../../../src/app/process-outbox.js';
import { workerDeps } from '../../../src/cli/worker-command.js';
import { type AppContext, openContext } from '../../../src/main/context.js';

type Order =
  | { op: 'import'; data: string; paths: string[] }
  | { op: 'drain'; data: string }
  | { op: 'close'; data: string };

const emit = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);

// The embedded default only: SQLite in the data folder, letters written as files.
const env = { ...process.env };
delete env.DATABASE_URL;
delete env.APPEL_SMTP_URL;

// One context per data folder, kept open between orders, as `appel mail watch` keeps it between
// polls: a process killed mid-import dies with its database open.
const contexts = new Map<string, AppContext>();

async function contextFor(data: string): Promise<AppContext> {
  const known = contexts.get(data);
  if (known) return known;
  const context = await openContext({ data, env });
  contexts.set(data, context);
  return context;
}

async function run(order: Order): Promise<void> {
  if (order.op === 'close') {
    await contexts.get(order.data)?.close();
    contexts.delete(order.data);
    emit({ event: 'done' });
    return;
  }
  const started = performance.now();
  const t = () => Math.round(performance.now() - started);
  const context = await contextFor(order.data);
  emit({ event: 'opened', t: t() });
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
for (const context of contexts.values()) await context.close();
