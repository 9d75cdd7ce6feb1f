import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { openDatabase } from '../../src/adapters/db/connect.js';
import { KyselyOutbox } from '../../src/adapters/db/kysely-outbox.js';
import { migrateToLatest } from '../../src/adapters/db/migrate.js';
import { systemClock } from '../../src/ports/clock.js';

const run = promisify(execFile);
const WORKER = new URL('./support/claim-worker.ts', import.meta.url).pathname;

// In one process better-sqlite3 is synchronous, so claimers there take turns. Here the claimers
// are separate processes on one database file: what the worker and the server really are.
describe('SQLite outbox shared by several processes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'appel-procs-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('never give one attempt of a job to two processes, and lose no job', async () => {
    const file = join(dir, 'appel.sqlite');
    const handle = await openDatabase({ kind: 'sqlite', file });
    await migrateToLatest(handle);
    const outbox = new KyselyOutbox(handle.db, 'sqlite', systemClock);
    const ids: number[] = [];
    for (let i = 0; i < 150; i++)
      ids.push((await outbox.enqueue({ kind: 'bulk', payload: { i, fail: i % 5 === 0 } })).id);

    const names = ['p1', 'p2', 'p3'];
    const workers = names.map((name) =>
      run(process.execPath, ['--import', 'tsx', WORKER, file, name, dir], { timeout: 60_000 }),
    );
    const deadline = Date.now() + 30_000;
    while (!names.every((n) => existsSync(join(dir, `ready-${n}`)))) {
      assert.ok(Date.now() < deadline, 'the worker processes did not start within 30 s');
      await new Promise((r) => setTimeout(r, 5));
    }
    writeFileSync(join(dir, 'go'), '');
    const claims = (await Promise.all(workers)).map((r) => JSON.parse(r.stdout) as Array<[number, number]>);

    const attempts = claims.flat().map(([id, attempt]) => `${id}#${attempt}`);
    assert.equal(attempts.length, new Set(attempts).size, 'an attempt was claimed by two processes');
    assert.equal(attempts.length, 150 + 30, 'each job once, and the failing ones once more');
    assert.ok(claims.filter((c) => c.length > 0).length >= 2, 'several processes took part');
    const rows = await handle.db.selectFrom('outbox').select(['status', 'attempts']).execute();
    assert.ok(rows.every((r) => r.status === 'sent'));
    await handle.close();
  });
});
