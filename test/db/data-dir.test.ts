import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ensureDataDir, resolveDataDir, resolveStorage } from '../../src/config/data-dir.js';
import { AppError } from '../../src/domain/shared/errors.js';

describe('the data folder', () => {
  const cwd = '/srv/revue';

  it('prefer --data, then APPEL_DATA, then ./data', () => {
    assert.equal(resolveDataDir({ flag: 'ici', env: { APPEL_DATA: '/var/appel' }, cwd }), '/srv/revue/ici');
    assert.equal(resolveDataDir({ env: { APPEL_DATA: '/var/appel' }, cwd }), '/var/appel');
    assert.equal(resolveDataDir({ env: { APPEL_DATA: '  ' }, cwd }), '/srv/revue/data');
    assert.equal(resolveDataDir({ env: {}, cwd }), '/srv/revue/data');
  });

  it('use SQLite in the data folder unless DATABASE_URL is set', () => {
    const local = resolveStorage({ flag: '/d', env: {}, cwd });
    assert.deepEqual(local, {
      dataDir: '/d',
      filesDir: '/d/files',
      database: { kind: 'sqlite', file: '/d/appel.sqlite' },
    });
    const pg = resolveStorage({ flag: '/d', env: { DATABASE_URL: 'postgres://u:secret@h/db' }, cwd });
    assert.deepEqual(pg.database, { kind: 'postgres', url: 'postgres://u:secret@h/db' });
    assert.equal(pg.filesDir, '/d/files');
  });

  it('refuse a DATABASE_URL that is not PostgreSQL, without repeating it', () => {
    assert.throws(
      () => resolveStorage({ env: { DATABASE_URL: 'mysql://u:secret@h/db' }, cwd }),
      (e: unknown) =>
        e instanceof AppError && e.code === 'DATABASE_UNREACHABLE' && !e.message.includes('secret'),
    );
  });

  it('create the folder, private to its owner, and say when it cannot be used', () => {
    const root = mkdtempSync(join(tmpdir(), 'appel-data-'));
    try {
      const dir = join(root, 'a', 'b');
      ensureDataDir(dir);
      assert.equal(statSync(dir).mode & 0o777, 0o700);
      const file = join(root, 'fichier');
      writeFileSync(file, 'x');
      assert.throws(
        () => ensureDataDir(join(file, 'dessous')),
        (e: unknown) => e instanceof AppError && e.code === 'DATA_DIR_UNUSABLE',
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
