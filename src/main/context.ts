import { hostname } from 'node:os';
import { join } from 'node:path';
import { anonymiseManuscript } from '../adapters/anonymise/anonymise-manuscript.js';
import { loadCall } from '../adapters/call-file/load-call.js';
import { type DbHandle, openDatabase } from '../adapters/db/connect.js';
import { KyselyAttemptCounter } from '../adapters/db/kysely-attempt-counter.js';
import { KyselyCallStore } from '../adapters/db/kysely-call-store.js';
import { KyselyFileReferences } from '../adapters/db/kysely-file-references.js';
import { KyselyOutbox } from '../adapters/db/kysely-outbox.js';
import { KyselySubmissionStore } from '../adapters/db/kysely-submission-store.js';
import { KyselyUnitOfWork } from '../adapters/db/kysely-unit-of-work.js';
import { migrateToLatest } from '../adapters/db/migrate.js';
import { KyselyAccountStore } from '../adapters/db/repositories/accounts.js';
import { KyselyContractDocumentStore } from '../adapters/db/repositories/contract-documents.js';
import { KyselyEditorialNoteStore } from '../adapters/db/repositories/editorial-notes.js';
import { KyselyIssueOrderStore } from '../adapters/db/repositories/issue-order.js';
import { KyselyManuscriptTextIndex } from '../adapters/db/repositories/manuscript-texts.js';
import { KyselyReviewFileStore } from '../adapters/db/repositories/review-files.js';
import { KyselyReviewStore } from '../adapters/db/repositories/reviews.js';
import { parseMessage } from '../adapters/mail-in/parse-message.js';
import { FolderMailer } from '../adapters/mail-out/folder-mailer.js';
import { SmtpMailer } from '../adapters/mail-out/smtp-mailer.js';
import { analyseManuscript } from '../adapters/manuscript/analyse-manuscript.js';
import { etalabPostcodes } from '../adapters/postcodes/etalab.js';
import { StoredCall } from '../app/call-in-force.js';
import { chooseCall } from '../app/choose-call.js';
import type { ImportDeps } from '../app/import-message.js';
import { ensureDataDir, resolveStorage, type StorageConfig } from '../config/data-dir.js';
import { type FileStorageChoice, resolveFileStorage } from '../config/file-storage.js';
import type { Call } from '../domain/call/schema.js';
import { SOCIOGRAPHE_81 } from '../domain/call/sociographe-81.js';
import { AppError } from '../domain/shared/errors.js';
import type { AccountStore } from '../ports/accounts.js';
import type { ManuscriptAnonymiser } from '../ports/anonymiser.js';
import type { AttemptCounter } from '../ports/attempt-counter.js';
import type { CallProvider, CallStore } from '../ports/call-store.js';
import { systemClock } from '../ports/clock.js';
import type { ContractDocumentStore } from '../ports/contract-documents.js';
import type { EditorialNoteStore } from '../ports/editorial-notes.js';
import type { FileReferences } from '../ports/file-references.js';
import { randomIds } from '../ports/id-generator.js';
import type { IssueOrderStore } from '../ports/issue-order.js';
import type { MailAddress, Mailer } from '../ports/mailer.js';
import type { ManuscriptTextIndex } from '../ports/manuscript-texts.js';
import type { Outbox } from '../ports/outbox.js';
import type { ReviewFileStore } from '../ports/review-files.js';
import type { ReviewStore } from '../ports/reviews.js';
import type { SubmissionStore } from '../ports/submission-store.js';
import { type OpenFileStore, openFileStore } from './file-store.js';

export interface ContextOptions {
  /** --data DIR */
  data?: string;
  /**
   * --call FILE. When absent, the call the database holds if it holds one, the embedded
   * Sociographe no. 81 call if it holds none, CALL_AMBIGUOUS if it holds several (chooseCall).
   */
  callFile?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * The folders of the data folder, named here only: the desk keeps drafts' analyses in one, the
 * mailer writes letters to another, and the sweep must look in the very same places.
 */
export interface DataFolders {
  /** The file store (content-addressed manuscripts and raw messages). */
  files: string;
  /** The web form's kept analyses (DATA/drafts/<sha256>.json). */
  drafts: string;
  /** Letters as .eml files when no SMTP server is configured. */
  outbox: string;
}

export function dataFolders(storage: StorageConfig): DataFolders {
  return {
    files: storage.filesDir,
    drafts: join(storage.dataDir, 'drafts'),
    outbox: join(storage.dataDir, 'outbox'),
  };
}

/** The data folder and the database, migrated: what every composition root starts from. */
export interface OpenedStorage {
  dataDir: string;
  folders: DataFolders;
  handle: DbHandle;
  /** The data folder's files/ folder, or an S3-compatible bucket (APPEL_S3_BUCKET). */
  files: OpenFileStore;
  /** Closes the database and the file store's connections. */
  close(): Promise<void>;
}

export async function openStorage(options: {
  data?: string | undefined;
  env?: NodeJS.ProcessEnv;
}): Promise<OpenedStorage> {
  const storage = resolveStorage({ flag: options.data, env: options.env ?? process.env });
  ensureDataDir(storage.dataDir);
  const choice: FileStorageChoice = resolveFileStorage(
    options.env ?? process.env,
    storage.dataDir,
    storage.filesDir,
  );
  const handle = await openDatabase(storage.database);
  try {
    await migrateToLatest(handle);
    const files = await openFileStore(choice);
    return {
      dataDir: storage.dataDir,
      folders: dataFolders(storage),
      handle,
      files: files.store,
      close: async () => {
        files.close();
        await handle.close();
      },
    };
  } catch (e) {
    await handle.close();
    throw e;
  }
}

/** Everything the commands need, opened once: storage, the call, the mail adapters. */
export interface AppContext {
  dataDir: string;
  folders: DataFolders;
  databaseDescription: string;
  /**
   * The call as stored (the file, plus the extensions decided from the desk), as this process last
   * read it: `currentCall.latest`. The server reads it again before every request and the e-mail
   * intake before every message (`intake.call` is the same), so an extension decided in another
   * process is in force here from the next request or message.
   */
  readonly call: Call;
  /** The call in force, read from the database: what a decision on the deadline asks. */
  currentCall: CallProvider;
  callId: string;
  calls: CallStore;
  /** The desk's accounts, one-time links and sessions. */
  accounts: AccountStore;
  /** Sign-in attempts, counted in the database: every instance over it shares the desk's limits. */
  signInAttempts: AttemptCounter;
  intake: ImportDeps;
  submissions: SubmissionStore;
  /** Blind review requests and opinions, read outside any transaction (the desk's pages). */
  reviews: ReviewStore;
  /** The order of the texts in the issue, as the coordinators set it. */
  issueOrder: IssueOrderStore;
  /** The publishing contract's files, read outside any transaction (the desk's and the author's pages). */
  contractDocuments: ContractDocumentStore;
  /** Readers' files and their anonymised copies, read outside any transaction (the desk's and the author's pages). */
  reviewFiles: ReviewFileStore;
  /** The desk's notes on each submission, read outside any transaction (the submission's page). */
  editorialNotes: EditorialNoteStore;
  /** The manuscripts' words, kept for the dashboard's search. */
  manuscriptTexts: ManuscriptTextIndex;
  outbox: Outbox;
  mailer: Mailer;
  /** Where letters go: folders.outbox when no SMTP server is configured, else null. */
  outboxDir: string | null;
  /** Manuscripts and raw messages, by hash: the data folder's files/ or an S3 bucket. */
  files: OpenFileStore;
  /** Makes the anonymised copy of a .docx or .odt for blind review. */
  anonymise: ManuscriptAnonymiser;
  /** Which stored files the records name, on this context's connection: what the sweep asks. */
  fileReferences: FileReferences;
  from: MailAddress;
  worker: string;
  close(): Promise<void>;
}

/**
 * The composition root shared by the CLI commands and the server: the embedded default (SQLite
 * and files in the data folder, letters written to DATA/outbox) unless DATABASE_URL and
 * APPEL_SMTP_URL say otherwise. Migrations run on open, so a fresh data folder just works.
 */
export async function openContext(options: ContextOptions = {}): Promise<AppContext> {
  const env = options.env ?? process.env;
  const file = await callFromFile(options.callFile);
  const { dataDir, folders, handle, files, close } = await openStorage({ data: options.data, env });
  try {
    const calls = new KyselyCallStore(handle.db, systemClock, randomIds);
    // Extensions decided from the desk live in the stored call: the file must not erase them.
    const { call, record: callRecord } = await chooseCall(file, SOCIOGRAPHE_81, calls);
    const currentCall = new StoredCall(calls, callRecord.id, call);
    const from: MailAddress = {
      address: env.APPEL_MAIL_FROM ?? 'appel@localhost.localdomain',
      name: call.journal,
    };
    const smtp = env.APPEL_SMTP_URL ? smtpConfig(env.APPEL_SMTP_URL, from) : null;
    const outboxDir = smtp ? null : folders.outbox;
    const publicUrl = env.APPEL_PUBLIC_URL?.trim();
    const outbox = new KyselyOutbox(handle.db, handle.dialect, systemClock);
    const accounts = new KyselyAccountStore(handle.db, randomIds);
    return {
      dataDir,
      folders,
      databaseDescription: handle.description,
      get call() {
        return currentCall.latest;
      },
      currentCall,
      callId: callRecord.id,
      calls,
      accounts,
      signInAttempts: new KyselyAttemptCounter(handle.db),
      intake: {
        uow: new KyselyUnitOfWork(handle.db, systemClock, randomIds),
        files,
        read: analyseManuscript,
        // The call is read again for each message, before anything judges it (importMessage
        // parses first): the deadline may have been extended from another process's desk.
        parse: async (raw) => {
          await currentCall.current();
          return parseMessage(raw);
        },
        clock: systemClock,
        get call() {
          return currentCall.latest;
        },
        callId: callRecord.id,
        ownAddresses: [from.address],
        sentLetters: outbox,
        accounts,
        anonymise: anonymiseManuscript,
        postcodes: etalabPostcodes,
        // The same address the desk gives in its links: e-mail receipts carry the private link on it.
        ...(publicUrl ? { publicUrl } : {}),
      },
      submissions: new KyselySubmissionStore(handle.db, systemClock, randomIds),
      reviews: new KyselyReviewStore(handle.db, systemClock, randomIds),
      issueOrder: new KyselyIssueOrderStore(handle.db, systemClock),
      contractDocuments: new KyselyContractDocumentStore(handle.db, systemClock, randomIds),
      reviewFiles: new KyselyReviewFileStore(handle.db, systemClock, randomIds),
      editorialNotes: new KyselyEditorialNoteStore(handle.db, systemClock, randomIds),
      manuscriptTexts: new KyselyManuscriptTextIndex(handle.db, systemClock),
      outbox,
      mailer: smtp ? new SmtpMailer(smtp) : new FolderMailer(outboxDir as string, { from }),
      outboxDir,
      fileReferences: new KyselyFileReferences(handle.db),
      from,
      worker: `${hostname()}:${process.pid}`,
      files,
      anonymise: anonymiseManuscript,
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

/** The call file given with --call, read and validated; undefined without one. */
async function callFromFile(path: string | undefined): Promise<Call | undefined> {
  if (path === undefined) return undefined;
  const loaded = await loadCall(path);
  if (!loaded.ok) throw loaded.error;
  return loaded.call;
}

/** smtp://user:password@host:587 or smtps://…:465; the password never appears in messages. */
function smtpConfig(url: string, from: MailAddress) {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError('USAGE', { detail: 'APPEL_SMTP_URL (smtp://user:password@host:port expected)' });
  }
  const secure = parsed.protocol === 'smtps:';
  return {
    from,
    host: parsed.hostname,
    port: Number(parsed.port) || (secure ? 465 : 587),
    secure,
    ...(parsed.username
      ? { auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } }
      : {}),
  };
}
