import { accessSync, constants, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../domain/shared/errors.js';

/**
 * Where the embedded default keeps everything: one data folder (the SQLite database, the files).
 * Precedence: `--data DIR` > APPEL_DATA > ./data. DATABASE_URL, when set, moves the database
 * to PostgreSQL; the files stay in the data folder.
 */
export interface DataDirInput {
  /** The --data flag, when given. */
  flag?: string | undefined;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export type DatabaseChoice = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface StorageConfig {
  dataDir: string;
  filesDir: string;
  database: DatabaseChoice;
}

export const SQLITE_FILE_NAME = 'appel.sqlite';

export function resolveDataDir({ flag, env = process.env, cwd = process.cwd() }: DataDirInput = {}): string {
  const chosen = nonEmpty(flag) ?? nonEmpty(env.APPEL_DATA) ?? 'data';
  return resolve(cwd, chosen);
}

export function resolveStorage(input: DataDirInput = {}): StorageConfig {
  const dataDir = resolveDataDir(input);
  const url = nonEmpty((input.env ?? process.env).DATABASE_URL);
  if (url !== undefined && !/^postgres(ql)?:\/\//i.test(url)) {
    // The URL itself is not repeated: it may hold a password.
    throw new AppError('DATABASE_UNREACHABLE', { target: 'DATABASE_URL (postgres://… expected)' });
  }
  return {
    dataDir,
    filesDir: join(dataDir, 'files'),
    database: url ? { kind: 'postgres', url } : { kind: 'sqlite', file: join(dataDir, SQLITE_FILE_NAME) },
  };
}

/**
 * Creates the data folder if needed (private to its owner: it holds manuscripts and contact
 * details) and checks that it can be written to, with a message that says how to fix it.
 */
export function ensureDataDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    accessSync(dir, constants.W_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new AppError('DATA_DIR_UNUSABLE', { dir, detail: code });
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}
