// A worker process for sqlite-processes.test.ts: drains the outbox of one SQLite file, then prints
// what it claimed as JSON. Jobs flagged `fail` fail once (a transaction: read, then write).
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../../src/adapters/db/connect.js';
import { KyselyOutbox } from '../../../src/adapters/db/kysely-outbox.js';
import { systemClock } from '../../../src/ports/clock.js';

const [file, worker, barrier] = process.argv.slice(2) as [string, string, string];
const handle = await openDatabase({ kind: 'sqlite', file });
const outbox = new KyselyOutbox(handle.db, 'sqlite', systemClock, {
  maxAttempts: 3,
  baseDelayMs: 0,
  maxDelayMs: 0,
});
// Start line: say we are ready, then wait for the test's "go", so that all processes drain together.
writeFileSync(join(barrier, `ready-${worker}`), '');
while (!existsSync(join(barrier, 'go'))) await new Promise((r) => setTimeout(r, 2));

const claims: Array<[number, number]> = [];
for (;;) {
  const jobs = await outbox.claimDue({ worker, limit: 2, leaseMs: 60_000 });
  if (jobs.length === 0) break;
  for (const job of jobs) {
    claims.push([job.id, job.attempts]);
    if (job.payload.fail === true && job.attempts === 1)
      await outbox.markFailed(job.id, worker, 'échec voulu');
    else if (!(await outbox.markSent(job.id, worker))) throw new Error(`lost the lease of job ${job.id}`);
  }
}
await handle.close();
process.stdout.write(JSON.stringify(claims));
