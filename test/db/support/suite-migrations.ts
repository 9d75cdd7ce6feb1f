import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { DbHandle } from '../../../src/adapters/db/connect.js';
import { migrateToLatest } from '../../../src/adapters/db/migrate.js';
import type { MakeDatabase, TestDatabase } from './databases.js';

/**
 * The tables of this test's own database. Kysely's PostgreSQL introspection lists every schema,
 * and other test groups (or runs) have theirs in the same database at the same moment.
 */
async function ownTables(handle: DbHandle): Promise<string[]> {
  const tables = await handle.db.introspection.getTables();
  if (handle.dialect === 'sqlite') return tables.map((t) => t.name).sort();
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(handle.db);
  return tables
    .filter((t) => t.schema === rows[0]?.schema)
    .map((t) => t.name)
    .sort();
}

const TABLES = [
  'authors',
  'calls',
  'events',
  'files',
  'findings',
  'manuscript_versions',
  'outbox',
  'submissions',
];

export function migrationSuite(makeDb: MakeDatabase): void {
  describe('migrations', () => {
    let t: TestDatabase;
    before(async () => {
      t = await makeDb();
    });
    after(() => t.drop());

    it('start from an empty database and create every table', async () => {
      assert.deepEqual(await ownTables(t.handle), []);
      const report = await migrateToLatest(t.handle);
      assert.deepEqual(report.applied, ['0001-initial']);
      const names = await ownTables(t.handle);
      assert.deepEqual(names, TABLES);
    });

    it('apply nothing the second time', async () => {
      const report = await migrateToLatest(t.handle);
      assert.deepEqual(report.applied, []);
    });

    it('migrate a second database beside this one on its own (one PostgreSQL schema per journal)', async () => {
      const neighbour = await makeDb();
      try {
        assert.deepEqual((await migrateToLatest(neighbour.handle)).applied, ['0001-initial']);
        assert.deepEqual(await ownTables(neighbour.handle), TABLES);
      } finally {
        await neighbour.drop();
      }
    });

    it('apply nothing when two connections migrate at once', async () => {
      const peer = await t.openPeer();
      const [a, b] = await Promise.all([migrateToLatest(t.handle), migrateToLatest(peer)]);
      assert.deepEqual([...a.applied, ...b.applied], []);
    });
  });
}
