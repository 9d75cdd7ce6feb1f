import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Migrator, sql } from 'kysely';
import type { DbHandle } from '../../../src/adapters/db/connect.js';
import { migrateToLatest } from '../../../src/adapters/db/migrate.js';
import { staticMigrationProvider } from '../../../src/adapters/db/migrations/index.js';
import type { MakeDatabase, TestDatabase } from './databases.js';

/** The PostgreSQL schema the connection works in; none on SQLite. */
async function currentSchema(handle: DbHandle): Promise<string | undefined> {
  if (handle.dialect === 'sqlite') return undefined;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(handle.db);
  return rows[0]?.schema;
}

/** A Migrator over the real migrations, to step to a given one (migrateToLatest only goes up). */
async function migrator(handle: DbHandle): Promise<Migrator> {
  const schema = await currentSchema(handle);
  return new Migrator({
    db: handle.db,
    provider: staticMigrationProvider(handle.dialect),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

/** The tables of this test's database (on PostgreSQL, appel's introspection reads its own schema only). */
async function ownTables(handle: DbHandle): Promise<string[]> {
  const tables = await handle.db.introspection.getTables();
  return tables.map((t) => t.name).sort();
}

const ALL = [
  '0001-initial',
  '0002-messages',
  '0003-author-links',
  '0004-accounts',
  '0005-call-revision',
  '0006-sign-in-attempts',
  '0007-reviews',
  '0008-issue-order',
  '0009-contract-documents',
  '0010-review-files',
  '0011-review-sharing',
  '0012-editorial-notes',
  '0013-manuscript-texts',
];

const ACCOUNT_TABLES = ['account_sessions', 'account_tokens', 'accounts'];

const TABLES = [
  'account_sessions',
  'account_tokens',
  'accounts',
  'author_links',
  'authors',
  'calls',
  'contract_documents',
  'editorial_notes',
  'events',
  'files',
  'findings',
  'issue_order',
  'manuscript_texts',
  'manuscript_versions',
  'messages',
  'outbox',
  'review_files',
  'reviews',
  'sign_in_attempts',
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
      assert.deepEqual(report.applied, ALL);
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
        assert.deepEqual((await migrateToLatest(neighbour.handle)).applied, ALL);
        assert.deepEqual(await ownTables(neighbour.handle), TABLES);
      } finally {
        await neighbour.drop();
      }
    });

    it('bring a database of the first release up to date, keeping its rows; step back and up again', async () => {
      const old = await makeDb();
      try {
        const steps = await migrator(old.handle);
        const first = await steps.migrateTo('0001-initial');
        assert.equal(first.error, undefined);
        assert.deepEqual(
          await ownTables(old.handle),
          TABLES.filter(
            (name) =>
              ![
                'messages',
                'author_links',
                'sign_in_attempts',
                'reviews',
                'issue_order',
                'contract_documents',
                'review_files',
                'editorial_notes',
                'manuscript_texts',
                ...ACCOUNT_TABLES,
              ].includes(name),
          ),
        );
        const at = '2026-03-01T09:00:00.000Z';
        await old.handle.db
          .insertInto('calls')
          .values({ id: 'c-1', slug: 'ancien', data: '{}', created_at: at, updated_at: at })
          .execute();
        assert.deepEqual((await migrateToLatest(old.handle)).applied, [
          '0002-messages',
          '0003-author-links',
          '0004-accounts',
          '0005-call-revision',
          '0006-sign-in-attempts',
          '0007-reviews',
          '0008-issue-order',
          '0009-contract-documents',
          '0010-review-files',
          '0011-review-sharing',
          '0012-editorial-notes',
          '0013-manuscript-texts',
        ]);
        assert.deepEqual(await ownTables(old.handle), TABLES);
        const calls = await old.handle.db.selectFrom('calls').select(['slug', 'revision']).execute();
        assert.deepEqual(calls, [{ slug: 'ancien', revision: 0 }]);
        assert.equal((await steps.migrateDown()).error, undefined, 'the search texts go');
        const withoutTexts = TABLES.filter((name) => name !== 'manuscript_texts');
        assert.deepEqual(await ownTables(old.handle), withoutTexts);
        assert.equal((await steps.migrateDown()).error, undefined, 'the notes go');
        const withoutNotes = withoutTexts.filter((name) => name !== 'editorial_notes');
        assert.deepEqual(await ownTables(old.handle), withoutNotes);
        assert.equal((await steps.migrateDown()).error, undefined, 'the sharing column goes');
        assert.equal((await steps.migrateDown()).error, undefined);
        const withoutReviewFiles = withoutNotes.filter((name) => name !== 'review_files');
        assert.deepEqual(await ownTables(old.handle), withoutReviewFiles);
        assert.equal((await steps.migrateDown()).error, undefined);
        const withoutContracts = withoutReviewFiles.filter((name) => name !== 'contract_documents');
        assert.deepEqual(await ownTables(old.handle), withoutContracts);
        assert.equal((await steps.migrateDown()).error, undefined);
        const withoutOrder = withoutContracts.filter((name) => name !== 'issue_order');
        assert.deepEqual(await ownTables(old.handle), withoutOrder);
        assert.equal((await steps.migrateDown()).error, undefined);
        const withoutReviews = withoutOrder.filter((name) => name !== 'reviews');
        assert.deepEqual(await ownTables(old.handle), withoutReviews);
        assert.equal((await steps.migrateDown()).error, undefined);
        const withoutAttempts = withoutReviews.filter((name) => name !== 'sign_in_attempts');
        assert.deepEqual(await ownTables(old.handle), withoutAttempts);
        assert.equal((await steps.migrateDown()).error, undefined);
        assert.deepEqual(await ownTables(old.handle), withoutAttempts);
        const down = await steps.migrateDown();
        assert.equal(down.error, undefined);
        assert.deepEqual(
          await ownTables(old.handle),
          withoutAttempts.filter((name) => !ACCOUNT_TABLES.includes(name)),
        );
        assert.deepEqual((await migrateToLatest(old.handle)).applied, [
          '0004-accounts',
          '0005-call-revision',
          '0006-sign-in-attempts',
          '0007-reviews',
          '0008-issue-order',
          '0009-contract-documents',
          '0010-review-files',
          '0011-review-sharing',
          '0012-editorial-notes',
          '0013-manuscript-texts',
        ]);
      } finally {
        await old.drop();
      }
    });

    it('apply nothing when two connections migrate at once', async () => {
      const peer = await t.openPeer();
      const [a, b] = await Promise.all([migrateToLatest(t.handle), migrateToLatest(peer)]);
      assert.deepEqual([...a.applied, ...b.applied], []);
    });
  });
}
