import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import PostalMime from 'postal-mime';
import { anonymiseManuscript } from '../../../src/adapters/anonymise/anonymise-manuscript.js';
import { type DbHandle, openDatabase } from '../../../src/adapters/db/connect.js';
import { KyselyCallStore } from '../../../src/adapters/db/kysely-call-store.js';
import { KyselyOutbox } from '../../../src/adapters/db/kysely-outbox.js';
import { KyselyUnitOfWork } from '../../../src/adapters/db/kysely-unit-of-work.js';
import { migrateToLatest } from '../../../src/adapters/db/migrate.js';
import { describePostgresUrl } from '../../../src/adapters/db/postgres.js';
import { KyselyAccountStore } from '../../../src/adapters/db/repositories/accounts.js';
import { LocalFileStore } from '../../../src/adapters/files/local-file-store.js';
import { parseMessage } from '../../../src/adapters/mail-in/parse-message.js';
import { readPaths } from '../../../src/adapters/mail-in/read-paths.js';
import { FolderMailer } from '../../../src/adapters/mail-out/folder-mailer.js';
import { analyseManuscript } from '../../../src/adapters/manuscript/analyse-manuscript.js';
import { etalabPostcodes } from '../../../src/adapters/postcodes/etalab.js';
import { importMailbox } from '../../../src/app/import-mailbox.js';
import type { ImportDeps } from '../../../src/app/import-message.js';
import type { ImportSummary } from '../../../src/app/import-summary.js';
import { drainOutbox, type OutboxSummary } from '../../../src/app/process-outbox.js';
import { SOCIOGRAPHE_81 } from '../../../src/domain/call/sociographe-81.js';
import { manualClock } from '../../../src/ports/clock.js';
import { randomIds } from '../../../src/ports/id-generator.js';
import type { JsonObject } from '../../../src/ports/json.js';
import { makePostgres, probePostgres, testDatabaseUrl } from '../../db/support/databases.js';
import { makeMbox } from '../../helpers/mail-fixtures.js';
import { JOURNAL } from './fixtures.js';

/**
 * One journal's intake with REAL storage, as openContext composes it: a database (a SQLite file in
 * the data folder, or a fresh PostgreSQL schema), the content-addressed file store in DATA/files,
 * letters written as .eml files to DATA/outbox by the outbox worker. Only the clock is the test's,
 * so that "the same day" and "two days later" are decided here.
 */
export type DialectName = 'sqlite' | 'postgres';

export const MESSAGE_ID_DOMAIN = 'journal.example';

export interface Letter {
  file: string;
  messageId: string;
  to: string;
  subject: string;
  inReplyTo: string | null;
  references: string | null;
  autoSubmitted: string | null;
  appelReceipt: string | null;
  /** The plain text, non-breaking spaces made plain (the letters' typography uses them). */
  text: string;
}

export interface World {
  dialect: DialectName;
  dataDir: string;
  outboxDir: string;
  handle: DbHandle;
  clock: ReturnType<typeof manualClock>;
  files: LocalFileStore;
  deps: ImportDeps;
  callId: string;
  /** Error codes reported by the import (never a message's content). */
  errors: string[];
  /** Writes the file into DATA/in/ and returns its path. */
  put(name: string, bytes: Buffer): Promise<string>;
  mbox(name: string, messages: Buffer[]): Promise<string>;
  /** `appel mail import PATH…`: the real sources and the real use case. */
  importPaths(...paths: string[]): Promise<ImportSummary>;
  /** `appel worker --once`. */
  drain(): Promise<OutboxSummary>;
  letters(): Promise<Letter[]>;
  count(table: 'submissions' | 'manuscript_versions' | 'messages' | 'outbox' | 'authors'): Promise<number>;
  close(): Promise<void>;
}

export const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

export async function openWorld(dialect: DialectName): Promise<World> {
  const dataDir = await mkdtemp(join(tmpdir(), `appel-intake-${dialect}-`));
  let handle: DbHandle;
  let dropSchema = async () => {};
  if (dialect === 'sqlite') {
    handle = await openDatabase({ kind: 'sqlite', file: join(dataDir, 'appel.sqlite') });
  } else {
    const database = await makePostgres(testDatabaseUrl())();
    handle = database.handle;
    dropSchema = () => database.drop();
  }
  await migrateToLatest(handle);
  const clock = manualClock('2022-08-20T09:00:00Z');
  const callRecord = await new KyselyCallStore(handle.db, clock, randomIds).saveCall(
    SOCIOGRAPHE_81.id,
    SOCIOGRAPHE_81 as unknown as JsonObject,
  );
  const files = new LocalFileStore(join(dataDir, 'files'));
  const outboxDir = join(dataDir, 'outbox');
  const deps: ImportDeps = {
    uow: new KyselyUnitOfWork(handle.db, clock, randomIds),
    files,
    read: analyseManuscript,
    parse: (raw) => parseMessage(raw),
    clock,
    call: SOCIOGRAPHE_81,
    callId: callRecord.id,
    ownAddresses: [JOURNAL],
    sentLetters: new KyselyOutbox(handle.db, handle.dialect, clock),
    accounts: new KyselyAccountStore(handle.db, randomIds),
    anonymise: anonymiseManuscript,
    postcodes: etalabPostcodes,
  };
  const from = { address: JOURNAL, name: SOCIOGRAPHE_81.journal };
  const outbox = new KyselyOutbox(handle.db, handle.dialect, clock);
  const mailer = new FolderMailer(outboxDir, { from });
  const errors: string[] = [];
  const inDir = join(dataDir, 'in');
  const put = async (name: string, bytes: Buffer) => {
    await mkdir(inDir, { recursive: true });
    const path = join(inDir, name);
    await writeFile(path, bytes);
    return path;
  };
  return {
    dialect,
    dataDir,
    outboxDir,
    handle,
    clock,
    files,
    deps,
    callId: callRecord.id,
    errors,
    put,
    mbox: (name, messages) => put(name, makeMbox(messages)),
    importPaths: (...paths) =>
      importMailbox(readPaths(paths), deps, { onError: (code) => errors.push(code) }),
    drain: () =>
      drainOutbox({ outbox, mailer, worker: `test:${process.pid}`, messageIdDomain: MESSAGE_ID_DOMAIN }),
    letters: () => readLetters(outboxDir),
    count: async (table) => {
      const row = await handle.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    close: async () => {
      await dropSchema();
      if (dialect === 'sqlite') await handle.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function readLetters(dir: string): Promise<Letter[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.eml')).sort();
  const letters: Letter[] = [];
  for (const file of names) {
    const email = await PostalMime.parse(await readFile(join(dir, file)));
    const header = (key: string) => email.headers.find((h) => h.key === key)?.value ?? null;
    letters.push({
      file,
      messageId: email.messageId ?? '',
      to: email.to?.[0]?.address ?? '',
      subject: plain(email.subject ?? ''),
      inReplyTo: header('in-reply-to'),
      references: header('references'),
      autoSubmitted: header('auto-submitted'),
      appelReceipt: header('x-appel-receipt'),
      text: plain(email.text ?? ''),
    });
  }
  return letters;
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Every file under DATA/files, relative: only content-addressed names (and the store's tmp/). */
export async function storedPaths(world: World): Promise<string[]> {
  const root = join(world.dataDir, 'files');
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)));
}

/**
 * Runs `suite` for each dialect. PostgreSQL (APPEL_TEST_DATABASE_URL, else the local test
 * database) must answer under CI=true; elsewhere its tests are skipped, loudly.
 */
export async function forEachDialect(suite: (dialect: DialectName) => void): Promise<void> {
  suite('sqlite');
  const url = testDatabaseUrl();
  const probe = await probePostgres(url);
  const inCi = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';
  if (probe.ok) {
    console.log(`intake tests on PostgreSQL: ${describePostgresUrl(url)}, one fresh schema per test`);
    suite('postgres');
  } else if (inCi) {
    test('PostgreSQL is reachable (required when CI is set)', () => {
      assert.fail(`${probe.reason}. Start it, or set APPEL_TEST_DATABASE_URL.`);
    });
  } else {
    const banner = '#'.repeat(100);
    console.error(
      `\n${banner}\n# INTAKE TESTS ON POSTGRESQL SKIPPED: ${probe.reason}.\n# Set APPEL_TEST_DATABASE_URL; with CI=true this is a failure.\n${banner}\n`,
    );
    test('intake on PostgreSQL', { skip: `${probe.reason} (set APPEL_TEST_DATABASE_URL)` }, () => {});
  }
}
