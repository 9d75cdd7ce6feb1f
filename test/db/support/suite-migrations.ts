import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { migrateToLatest } from '../../../src/adapters/db/migrate.js';
import type { MakeDatabase, TestDatabase } from './databases.js';

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
      const initial = await t.handle.db.introspection.getTables();
      assert.deepEqual(
        initial.map((x) => x.name),
        [],
      );
      const report = await migrateToLatest(t.handle);
      assert.deepEqual(report.applied, ['0001-initial']);
      const names = (await t.handle.db.introspection.getTables()).map((x) => x.name).sort();
      assert.deepEqual(names, TABLES);
    });

    it('apply nothing the second time', async () => {
      const report = await migrateToLatest(t.handle);
      assert.deepEqual(report.applied, []);
    });

    it('apply nothing when two connections migrate at once', async () => {
      const peer = await t.openPeer();
      const [a, b] = await Promise.all([migrateToLatest(t.handle), migrateToLatest(peer)]);
      assert.deepEqual([...a.applied, ...b.applied], []);
    });
  });
}
