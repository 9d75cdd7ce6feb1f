import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-initial.js';
import * as m0002 from './0002-messages.js';
import * as m0003 from './0003-author-links.js';
import * as m0004 from './0004-accounts.js';
import * as m0005 from './0005-call-revision.js';
import * as m0006 from './0006-sign-in-attempts.js';
import * as m0007 from './0007-reviews.js';
import * as m0008 from './0008-issue-order.js';
import * as m0009 from './0009-contract-documents.js';
import * as m0010 from './0010-review-files.js';
import * as m0011 from './0011-review-sharing.js';
import * as m0012 from './0012-editorial-notes.js';
import * as m0013 from './0013-manuscript-texts.js';

type MigrationDialect = 'sqlite' | 'postgres';

/**
 * The list of migrations, written out by hand: no directory globbing, so the same list works
 * under tsx, after a build, and inside a bundle. Names sort in the order they apply.
 */
export function migrationsFor(dialect: MigrationDialect): Record<string, Migration> {
  return {
    '0001-initial': { up: (db) => m0001.up(db, dialect), down: (db) => m0001.down(db) },
    '0002-messages': { up: (db) => m0002.up(db, dialect), down: (db) => m0002.down(db) },
    '0003-author-links': { up: (db) => m0003.up(db, dialect), down: (db) => m0003.down(db) },
    '0004-accounts': { up: (db) => m0004.up(db, dialect), down: (db) => m0004.down(db) },
    '0005-call-revision': { up: (db) => m0005.up(db, dialect), down: (db) => m0005.down(db) },
    '0006-sign-in-attempts': { up: (db) => m0006.up(db, dialect), down: (db) => m0006.down(db) },
    '0007-reviews': { up: (db) => m0007.up(db, dialect), down: (db) => m0007.down(db) },
    '0008-issue-order': { up: (db) => m0008.up(db, dialect), down: (db) => m0008.down(db) },
    '0009-contract-documents': {
      up: (db) => m0009.up(db, dialect),
      down: (db) => m0009.down(db),
    },
    '0010-review-files': { up: (db) => m0010.up(db, dialect), down: (db) => m0010.down(db) },
    '0011-review-sharing': { up: (db) => m0011.up(db, dialect), down: (db) => m0011.down(db) },
    '0012-editorial-notes': { up: (db) => m0012.up(db, dialect), down: (db) => m0012.down(db) },
    '0013-manuscript-texts': { up: (db) => m0013.up(db, dialect), down: (db) => m0013.down(db) },
  };
}

export function staticMigrationProvider(dialect: MigrationDialect): MigrationProvider {
  return { getMigrations: async () => migrationsFor(dialect) };
}
