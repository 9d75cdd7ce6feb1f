import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  type SqliteDatabase,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';
import type { Database } from './schema.js';

export interface SqliteOptions {
  /** How long a writer waits for another process's write lock before failing (ms). */
  busyTimeoutMs?: number;
}

/**
 * Opens the embedded database. The pragmas are the point:
 * - WAL: readers never block the writer (the web server reads while a worker writes);
 * - synchronous=FULL: a commit is on disk when it returns — a receipt is given only after that;
 * - foreign_keys=ON: SQLite leaves them off unless asked, per connection;
 * - busy_timeout: a second process (worker, CLI) waits for the lock instead of failing at once.
 */
export function openSqlite(file: string, options: SqliteOptions = {}): Kysely<Database> {
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
  return new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }),
  });
}

/** More distinct SQL texts than the application has queries; past it the cache starts again. */
const MAX_CACHED_STATEMENTS = 500;

/**
 * Kysely asks for a new prepared statement on every query, and better-sqlite3 compiles each one
 * afresh: on the desk's submission path that was a tenth of the database's time. The SQL texts
 * are the application's own few dozen, so their compiled statements are kept. Reusing one is safe:
 * Kysely runs one query at a time on its single SQLite connection, and SQLite recompiles a kept
 * statement by itself when a migration changes the schema.
 */
function withStatementCache(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let statement = statements.get(sql);
      if (statement === undefined) {
        if (statements.size >= MAX_CACHED_STATEMENTS) statements.clear();
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

/**
 * Kysely's SQLite driver begins transactions with a plain (deferred) BEGIN. A deferred
 * transaction that reads, then writes, fails with SQLITE_BUSY — without waiting — when another
 * process wrote in between. BEGIN IMMEDIATE takes the write lock first (waiting per busy_timeout),
 * so every transaction of ours is a single-writer transaction from its first statement.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}
