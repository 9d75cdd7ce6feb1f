import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openPostgres } from '../../src/adapters/db/postgres.js';
import { dbCommand } from '../../src/cli/db-command.js';
import type { CliIo } from '../../src/cli/io.js';
import { freshSchemaName, probePostgres, testDatabaseUrl } from './support/databases.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  let exitCode = 0;
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), setExitCode: (c) => (exitCode = c) };
  return { io, out, err, exitCode: () => exitCode };
}

async function run(args: string[], env: NodeJS.ProcessEnv) {
  const c = capture();
  await dbCommand(c.io, env).parseAsync(args, { from: 'user' });
  return c;
}

describe('appel db migrate', () => {
  const root = mkdtempSync(join(tmpdir(), 'appel-cli-'));
  after(() => rmSync(root, { recursive: true, force: true }));

  it('create the SQLite database in --data, say what it applied (French, then English), then nothing', async () => {
    const data = join(root, 'donnees');
    const first = await run(['migrate', '--data', data], { APPEL_DATA: join(root, 'ignored') });
    const text = first.out.join('\n');
    assert.match(
      text,
      /^Base de données : SQLite .*appel\.sqlite\nMigrations appliquées \(13\) : 0001-initial, 0002-messages, 0003-author-links, 0004-accounts, 0005-call-revision, 0006-sign-in-attempts, 0007-reviews, 0008-issue-order, 0009-contract-documents, 0010-review-files, 0011-review-sharing, 0012-editorial-notes, 0013-manuscript-texts\n\nDatabase: /,
    );
    assert.match(
      text,
      /Migrations applied \(13\): 0001-initial, 0002-messages, 0003-author-links, 0004-accounts, 0005-call-revision, 0006-sign-in-attempts, 0007-reviews, 0008-issue-order, 0009-contract-documents, 0010-review-files, 0011-review-sharing, 0012-editorial-notes, 0013-manuscript-texts$/,
    );
    assert.ok(existsSync(join(data, 'appel.sqlite')));
    assert.ok(!existsSync(join(root, 'ignored')), '--data wins over APPEL_DATA');
    const second = await run(['migrate', '--data', data], {});
    assert.match(
      second.out.join('\n'),
      /Déjà à jour : aucune migration à appliquer\.\n\nDatabase: .*\nAlready up to date/,
    );
    assert.equal(second.exitCode(), 0);
  });

  it('use APPEL_DATA when --data is absent', async () => {
    const data = join(root, 'par-variable');
    await run(['migrate'], { APPEL_DATA: data });
    assert.ok(existsSync(join(data, 'appel.sqlite')));
  });

  it('explain, in both languages, a data folder that cannot be used', async () => {
    const file = join(root, 'un-fichier');
    writeFileSync(file, 'x');
    const c = await run(['migrate', '--data', join(file, 'dessous')], {});
    assert.equal(c.exitCode(), 1);
    assert.match(
      c.err.join('\n'),
      /n’est pas utilisable[\s\S]*--data DOSSIER[\s\S]*cannot be used[\s\S]*--data DIR/,
    );
  });

  it('migrate PostgreSQL when DATABASE_URL is set, without printing its password', async (t) => {
    const url = testDatabaseUrl();
    if (!(await probePostgres(url)).ok) {
      t.skip('PostgreSQL unreachable (see test/db/postgres.test.ts, which fails in CI)');
      return;
    }
    const schema = freshSchemaName();
    const admin = openPostgres(url, { max: 1 });
    await sql`create schema ${sql.id(schema)}`.execute(admin);
    try {
      const withSchema = new URL(url);
      withSchema.searchParams.set('options', `-c search_path=${schema}`);
      const c = await run(['migrate', '--data', join(root, 'pg')], { DATABASE_URL: withSchema.toString() });
      assert.match(
        c.out.join('\n'),
        /Base de données : PostgreSQL [\s\S]*0001-initial, 0002-messages, 0003-author-links, 0004-accounts, 0005-call-revision, 0006-sign-in-attempts, 0007-reviews, 0008-issue-order, 0009-contract-documents, 0010-review-files, 0011-review-sharing, 0012-editorial-notes, 0013-manuscript-texts/,
      );
      const tables = await sql<{
        n: string;
      }>`select count(*) as n from information_schema.tables where table_schema = ${schema}`.execute(admin);
      assert.ok(Number(tables.rows[0]?.n) >= 9);
    } finally {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin);
      await admin.destroy();
    }
  });
});
