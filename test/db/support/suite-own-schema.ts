import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { migrateToLatest } from '../../../src/adapters/db/migrate.js';
import type { MakeDatabase, TestDatabase } from './databases.js';

/**
 * Several journals (or test files) share one PostgreSQL database, one schema each. Each one's
 * start-up looks at its own schema only: CI once failed because Kysely's own introspection read
 * every schema's columns while a neighbour dropped one (« column "is_contact" … does not exist »).
 */
export function ownSchemaSuite(makeDb: MakeDatabase): void {
  describe('one schema per journal: introspection and migrations see their own schema only', () => {
    let neighbour: TestDatabase;
    before(async () => {
      neighbour = await makeDb();
      await sql`create table busy (id serial primary key, label text)`.execute(neighbour.handle.db);
    });
    after(() => neighbour.drop());

    it("lists the connection's own tables, not a neighbour's", async () => {
      const own = await makeDb();
      try {
        await migrateToLatest(own.handle);
        const tables = await own.handle.db.introspection.getTables();
        const names = tables.map((t) => t.name);
        assert.ok(names.includes('submissions'));
        assert.ok(!names.includes('busy'), 'the neighbour schema is not read');
        const schemas = new Set(tables.map((t) => t.schema));
        assert.equal(schemas.size, 1);
        const outbox = tables.find((t) => t.name === 'outbox');
        const id = outbox?.columns.find((c) => c.name === 'id');
        assert.equal(id?.isAutoIncrementing, true, 'serial and identity columns are told apart');
        assert.equal(outbox?.columns.find((c) => c.name === 'kind')?.isAutoIncrementing, false);
      } finally {
        await own.drop();
      }
    });

    it('migrates fresh schemas while a neighbour adds and drops columns all along', async () => {
      let churning = true;
      const churn = (async () => {
        for (let i = 0; churning; i++) {
          await sql`alter table busy add column ${sql.id(`c${i}`)} text`.execute(neighbour.handle.db);
          await sql`alter table busy drop column ${sql.id(`c${i}`)}`.execute(neighbour.handle.db);
        }
      })();
      try {
        for (let round = 0; round < 6; round++) {
          const fresh = await makeDb();
          try {
            assert.equal((await migrateToLatest(fresh.handle)).applied.length > 0, true);
          } finally {
            await fresh.drop();
          }
        }
      } finally {
        churning = false;
        await churn;
      }
    });
  });
}
