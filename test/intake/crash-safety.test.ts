import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { readMbox } from '../../src/adapters/mail-in/read-mbox.js';
import { emlFileName } from '../../src/adapters/mail-out/folder-mailer.js';
import type { ImportSummary } from '../../src/app/import-summary.js';
import { jobMessageId } from '../../src/app/process-outbox.js';
import type { OutboxJob } from '../../src/ports/outbox.js';
import { makeMbox } from '../helpers/mail-fixtures.js';
import { mailbox } from './support/crash-mailboxes.js';
import { prng } from './support/fixtures.js';
import { readLetters } from './support/world.js';

/**
 * Crash safety of the intake: the importer (and then the worker) is killed with SIGKILL at random
 * points, then run again; after each pair, a direct read of the SQLite file and of the data folder
 * checks that every message is in the ledger exactly once, that there are exactly the submissions,
 * versions and letters the mailboxes call for (no outbox job twice), and that every file a version
 * or the ledger points to is in the store with the right hash. The kill points are drawn from a
 * seeded PRNG (APPEL_CRASH_SEED), spread over the time a full run takes, measured first.
 *
 * The processes run test/intake/support/intake-child.ts: openContext and the use cases, exactly as
 * `appel mail import` and `appel worker --once` call them, started ahead of time (one process warms
 * up while the previous one works) so that the kill timer starts with the work, not with Node.
 */

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const CHILD = join(ROOT, 'test/intake/support/intake-child.ts');
const SEED = Number(process.env.APPEL_CRASH_SEED ?? 81);
const IMPORT_RUNS = 20;
const WORKER_RUNS = 6;
const JOURNAL_FROM = 'appel@journal.example';
const MESSAGE_ID_DOMAIN = 'journal.example';

/** What one mailbox of this test holds, and what it must leave behind once imported. */
const PER_MBOX = { messages: 6, distinct: 5, submissions: 2, versions: 3, letters: 4 };
const FULL_RUN: ImportSummary = {
  messages: 6,
  submissions: 2,
  versions: 1,
  duplicates: 1,
  ignored: 2,
  tooLarge: 0,
  readerReplies: 0,
  errors: 0,
};

// ---------------------------------------------------------------------------------------------
// The killable process

interface Event {
  event: string;
  [key: string]: unknown;
}

class Child {
  readonly process: ChildProcess;
  readonly events: Event[] = [];
  readonly ready: Promise<void>;
  readonly exited: Promise<number | null>;
  stderr = '';
  dead = false;
  private waiters: Array<() => void> = [];

  constructor() {
    this.process = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, APPEL_MAIL_FROM: JOURNAL_FROM, TZ: 'UTC' },
    });
    this.process.stderr?.on('data', (d) => {
      this.stderr += d;
    });
    const lines = createInterface({ input: this.process.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      try {
        this.events.push(JSON.parse(line) as Event);
      } catch {
        this.stderr += `${line}\n`;
      }
      for (const wake of this.waiters.splice(0)) wake();
    });
    // 'close': the process is gone and every line it printed has been read.
    this.exited = new Promise((done) => this.process.once('close', (code) => done(code)));
    void this.exited.then(() => {
      this.dead = true;
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.ready = this.until((e) => e.event === 'ready').then(() => {});
  }

  /** Resolves with the first event (from `from` on) that matches; fails if the process dies first. */
  async until(match: (e: Event) => boolean, from = 0): Promise<Event> {
    for (;;) {
      const found = this.events.slice(from).find(match);
      if (found) return found;
      if (this.dead) {
        throw new Error(`the child ended without it: ${this.stderr.slice(-2000)}`);
      }
      await new Promise<void>((wake) => this.waiters.push(wake));
    }
  }

  send(order: Record<string, unknown>): number {
    const from = this.events.length;
    this.process.stdin?.write(`${JSON.stringify(order)}\n`);
    return from;
  }

  /** Runs an order to its end. */
  async complete(order: Record<string, unknown>): Promise<Event> {
    const from = this.send(order);
    const done = await this.until((e) => e.event === 'done' || e.event === 'failed', from);
    assert.equal(done.event, 'done', JSON.stringify(done));
    return done;
  }

  /**
   * Sends an order and SIGKILLs the process `delayMs` later. Returns how far it got: the events
   * it printed for this order, and whether it had finished before the kill.
   */
  async killDuring(order: Record<string, unknown>, delayMs: number) {
    const from = this.send(order);
    const finished = this.until((e) => e.event === 'done' || e.event === 'failed', from).then(
      () => true,
      () => false,
    );
    const timer = new Promise<false>((done) => setTimeout(() => done(false), delayMs));
    const beforeKill = await Promise.race([finished, timer]);
    this.process.kill('SIGKILL');
    await this.exited;
    return { events: this.events.slice(from), finishedBeforeKill: beforeKill };
  }

  async stop(): Promise<void> {
    if (!this.dead) {
      this.process.stdin?.end();
      const timeout = setTimeout(() => this.process.kill('SIGKILL'), 5000);
      await this.exited;
      clearTimeout(timeout);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Reading what a run left behind, straight from the data folder

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function storedFile(dataDir: string, sha: string): Buffer | null {
  const path = join(dataDir, 'files', sha.slice(0, 2), sha.slice(2, 4), sha);
  return existsSync(path) ? readFileSync(path) : null;
}

function withDb<T>(dataDir: string, fn: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, 'appel.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    return fn(db);
  } finally {
    db.close();
  }
}

const all = <T>(db: Database.Database, sql: string, ...params: unknown[]) =>
  db.prepare(sql).all(...params) as T[];
const scalar = (db: Database.Database, sql: string, ...params: unknown[]) =>
  Number(
    (db
      .prepare(sql)
      .pluck()
      .get(...params) as number | bigint | null) ?? 0,
  );

/** Leftover temporary files in the store: litter a kill may leave, never a file under a final name. */
function temporaryFiles(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter(
    (e) => e.isFile() && (e.name.startsWith('.tmp-') || e.name.endsWith('.tmp')),
  ).length;
}

/** The state after `imported` mailboxes have been fully imported: the invariants of the brief. */
function checkImported(dataDir: string, mboxes: readonly { shas: Set<string> }[]): void {
  const expectedShas = new Set(mboxes.flatMap((m) => [...m.shas]));
  withDb(dataDir, (db) => {
    const ledger = all<{ sha256: string; n: number }>(
      db,
      'select sha256, count(*) as n from messages group by sha256',
    );
    // Every message in the ledger exactly once, and nothing else.
    assert.deepEqual(new Set(ledger.map((r) => r.sha256)), expectedShas);
    assert.deepEqual(
      ledger.filter((r) => r.n !== 1),
      [],
    );
    assert.equal(scalar(db, 'select count(*) from messages'), expectedShas.size);
    assert.deepEqual(
      all<{ outcome: string; n: number }>(
        db,
        'select outcome, count(*) as n from messages group by outcome order by outcome',
      ).map((r) => [r.outcome, r.n]),
      [
        ['automatic', mboxes.length],
        ['no-manuscript', mboxes.length],
        ['submission', 2 * mboxes.length],
        ['version', mboxes.length],
      ],
    );
    // Exactly the submissions the mailboxes hold, and each version once.
    assert.equal(scalar(db, 'select count(*) from submissions'), PER_MBOX.submissions * mboxes.length);
    assert.equal(
      scalar(db, 'select count(distinct idempotency_key) from submissions'),
      PER_MBOX.submissions * mboxes.length,
    );
    assert.equal(scalar(db, 'select count(*) from manuscript_versions'), PER_MBOX.versions * mboxes.length);
    assert.equal(
      scalar(db, 'select count(*) from (select distinct submission_id, number from manuscript_versions)'),
      PER_MBOX.versions * mboxes.length,
    );
    assert.equal(
      scalar(db, "select count(*) from events where action = 'submission.received'"),
      PER_MBOX.submissions * mboxes.length,
    );
    // No letter queued twice: every job has a dedupe key, and each key once.
    assert.equal(scalar(db, 'select count(*) from outbox'), PER_MBOX.letters * mboxes.length);
    assert.equal(scalar(db, 'select count(*) from outbox where dedupe_key is null'), 0);
    assert.equal(
      scalar(db, 'select count(distinct dedupe_key) from outbox'),
      PER_MBOX.letters * mboxes.length,
    );
    // Every file a version or the ledger points to is in the store, with the right hash.
    const files = [
      ...all<{ sha: string }>(db, 'select file_sha256 as sha from manuscript_versions'),
      ...all<{ sha: string }>(db, 'select sha256 as sha from messages'),
    ];
    for (const { sha } of files) {
      const bytes = storedFile(dataDir, sha);
      assert.ok(bytes, `stored file ${sha.slice(0, 12)} is missing`);
      assert.equal(sha256(bytes), sha, `stored file ${sha.slice(0, 12)} does not match its hash`);
    }
  });
}

function ledgerCount(dataDir: string, shas: Set<string>): number {
  if (!existsSync(join(dataDir, 'appel.sqlite'))) return 0;
  return withDb(
    dataDir,
    (db) =>
      all<{ sha256: string }>(db, 'select sha256 from messages').filter((r) => shas.has(r.sha256)).length,
  );
}

/** Kill delays spread over [0, span): one in each of `n` equal slices, at a random place in it. */
function killDelays(n: number, span: number, random: () => number): number[] {
  const delays = Array.from({ length: n }, (_, i) => Math.round(((i + random()) / n) * span));
  for (let i = delays.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [delays[i], delays[j]] = [delays[j] as number, delays[i] as number];
  }
  return delays;
}

// ---------------------------------------------------------------------------------------------

describe('crash safety: the importer and the worker killed at random points, then run again', () => {
  let work: string;
  const mboxes: { path: string; shas: Set<string> }[] = [];
  const spawned: Child[] = [];
  const child = () => {
    const c = new Child();
    spawned.push(c);
    return c;
  };

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'appel-crash-'));
    // Mailbox 0 creates the database, 1 measures a full run, 2… are killed and run again.
    for (let run = 0; run <= IMPORT_RUNS + 1; run++) {
      const path = join(work, `mailbox-${run}.mbox`);
      await writeFile(path, makeMbox(await mailbox(run)));
      // What the importer will see: the messages as the real mbox reader splits them.
      const shas = new Set<string>();
      for await (const item of readMbox(path)) if (item.type === 'message') shas.add(item.message.sha256);
      assert.equal(shas.size, PER_MBOX.distinct);
      mboxes.push({ path, shas });
    }
    console.log(`crash safety: seed ${SEED} (APPEL_CRASH_SEED to replay), data in ${work}`);
  });

  after(async () => {
    for (const c of spawned) await c.stop();
    await rm(work, { recursive: true, force: true });
  });

  it(`the importer: ${IMPORT_RUNS} kills, each followed by a re-run; every message ends up exactly once`, async () => {
    const random = prng(SEED);
    const data = join(work, 'data');
    let current = child();
    await current.ready;
    const first = await current.complete({ op: 'import', data, paths: [mboxes[0]?.path] });
    assert.deepEqual(first.summary, FULL_RUN);
    checkImported(data, mboxes.slice(0, 1));
    // A full run, timed as the killed runs will be: a process's second order, while the next
    // process starts beside it. Its length is the span the kill points are spread over.
    let next = child();
    const started = performance.now();
    const measured = await current.complete({ op: 'import', data, paths: [mboxes[1]?.path] });
    const span = performance.now() - started;
    assert.deepEqual(measured.summary, FULL_RUN);
    checkImported(data, mboxes.slice(0, 2));

    const delays = killDelays(IMPORT_RUNS, span, random);
    const outcomes: string[] = [];
    const landed = new Map<string, number>();
    for (let run = 1; run <= IMPORT_RUNS; run++) {
      const mbox = mboxes[run + 1] as (typeof mboxes)[number];
      const delay = delays[run - 1] as number;
      await next.ready;
      const killed = current;
      current = next;
      next = child(); // warms up while this run works and is killed
      const { events, finishedBeforeKill } = await killed.killDuring(
        { op: 'import', data, paths: [mbox.path] },
        delay,
      );
      const committed = ledgerCount(data, mbox.shas);
      const reported = events.filter((e) => e.event === 'outcome').length;
      // Raw messages already in the store: stored first, committed after (or not yet).
      const stored = [...mbox.shas].filter((sha) => storedFile(data, sha) !== null).length;
      const where = finishedBeforeKill
        ? 'after the run had ended'
        : committed === 0
          ? stored === 0
            ? 'before anything was stored'
            : 'before the first commit, raw message stored'
          : committed === PER_MBOX.distinct
            ? 'after the last commit'
            : `after ${committed} of ${PER_MBOX.distinct} commits`;
      landed.set(where, (landed.get(where) ?? 0) + 1);

      // The re-run, in another process: the whole mailbox again, to its end.
      await current.ready;
      const rerun = await current.complete({ op: 'import', data, paths: [mbox.path] });
      const s = rerun.summary as ImportSummary;
      assert.equal(s.messages, PER_MBOX.messages);
      assert.equal(s.errors, 0);
      // What the killed run committed, the re-run recognises; together they did one full run.
      assert.equal(
        s.submissions + s.versions + s.ignored,
        FULL_RUN.submissions + FULL_RUN.versions + FULL_RUN.ignored - committed,
      );
      checkImported(data, mboxes.slice(0, run + 2));
      outcomes.push(
        `run ${String(run).padStart(2)}: kill at ${String(delay).padStart(4)} ms of ${Math.round(span)} — ${where} (${reported} reported) — re-run ${JSON.stringify(s)}`,
      );
    }
    console.log(`crash safety, importer: full run ${Math.round(span)} ms; kill points:`);
    for (const line of outcomes) console.log(`  ${line}`);
    console.log(`  where the kills landed: ${JSON.stringify(Object.fromEntries(landed))}`);
    console.log(`  temporary files left in the store by the kills: ${temporaryFiles(join(data, 'files'))}`);
    await next.ready;
    current.process.stdin?.end();
    next.process.stdin?.end();

    // And the real command line over every mailbox: everything is known, nothing is new.
    const cli = spawn(
      process.execPath,
      [join(ROOT, 'bin/appel.mjs'), 'mail', 'import', ...mboxes.map((m) => m.path), '--data', data, '--json'],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: '', APPEL_MAIL_FROM: JOURNAL_FROM } },
    );
    let out = '';
    cli.stdout.on('data', (d) => {
      out += d;
    });
    const code = await new Promise<number | null>((done) => cli.once('exit', done));
    assert.equal(code, 0);
    const total = mboxes.length * PER_MBOX.messages;
    assert.deepEqual(JSON.parse(out), {
      messages: total,
      submissions: 0,
      versions: 0,
      duplicates: total,
      ignored: 0,
      tooLarge: 0,
      readerReplies: 0,
      errors: 0,
    });
    checkImported(data, mboxes);
  });

  it(`the worker: ${WORKER_RUNS} kills while sending; the re-run sends every letter at least once, with the same Message-ID`, async () => {
    const random = prng(SEED + 1);
    const template = join(work, 'worker-template');
    let current = child();
    let next = child();
    await current.ready;
    // Letters waiting to go: three mailboxes imported, twelve letters queued.
    await current.complete({ op: 'import', data: template, paths: mboxes.slice(0, 3).map((m) => m.path) });
    // Closed (its WAL checkpointed) before the folder is copied for each run.
    await current.complete({ op: 'close', data: template });
    checkImported(template, mboxes.slice(0, 3));
    const jobs = PER_MBOX.letters * 3;

    // A full drain on a copy, to measure the span.
    const measured = join(work, 'worker-measure');
    cpSync(template, measured, { recursive: true });
    const started = performance.now();
    const full = await current.complete({ op: 'drain', data: measured });
    const span = performance.now() - started;
    assert.equal((full.summary as { sent: number }).sent, jobs);

    const delays = killDelays(WORKER_RUNS, span, random);
    const lines: string[] = [];
    for (let run = 1; run <= WORKER_RUNS; run++) {
      const data = join(work, `worker-${run}`);
      cpSync(template, data, { recursive: true });
      await next.ready;
      const killed = current;
      current = next;
      next = child();
      const delay = delays[run - 1] as number;
      const { finishedBeforeKill } = await killed.killDuring({ op: 'drain', data }, delay);
      const outboxDir = join(data, 'outbox');
      const atKill = withDb(data, (db) => {
        const rows = jobRows(db);
        // The worker died: its leases run out (10 minutes in `appel worker`), as time passing would do.
        db.prepare(
          "update outbox set locked_until = '2000-01-01T00:00:00.000Z' where status = 'sending'",
        ).run();
        return rows;
      });
      const count = (status: string) => atKill.filter((r) => r.status === status).length;
      const onDisk = new Set(letterFiles(outboxDir));
      // Written before the kill, yet not recorded as sent: the re-run must send these again.
      const unsettled = atKill.filter((r) => r.status !== 'sent' && onDisk.has(emlFileName(messageIdOf(r))));

      await current.ready;
      const rerun = await current.complete({ op: 'drain', data });
      const rerunSummary = rerun.summary as { sent: number; failed: number; errors: number };
      assert.equal(rerunSummary.failed, 0);
      assert.equal(rerunSummary.errors, 0);
      // Every job not recorded as sent is sent by the re-run, those already written included.
      assert.equal(rerunSummary.sent, jobs - atKill.filter((r) => r.status === 'sent').length);

      // Every job sent, each letter on disk exactly once under its stable Message-ID.
      const rows = withDb(data, jobRows);
      assert.equal(rows.length, jobs);
      assert.deepEqual(
        rows.filter((r) => r.status !== 'sent').map((r) => r.id),
        [],
      );
      const letters = await readLetters(outboxDir);
      assert.deepEqual(letters.map((l) => l.messageId).sort(), rows.map(messageIdOf).sort());
      for (const letter of letters) assert.equal(letter.file, emlFileName(letter.messageId));
      // Sent again (at least once), under the same name: the file is still there, once.
      for (const r of unsettled) assert.ok(letters.some((l) => l.messageId === messageIdOf(r)));
      const again = await current.complete({ op: 'drain', data });
      assert.equal((again.summary as { claimed: number }).claimed, 0);
      const at = finishedBeforeKill
        ? 'after the drain had ended'
        : `${count('sent')} sent, ${count('sending')} claimed, ${count('pending')} pending`;
      lines.push(
        `run ${run}: kill at ${String(delay).padStart(4)} ms of ${Math.round(span)} — ${at}; ${onDisk.size} letters on disk, ${unsettled.length} written but not marked sent — re-run sent ${rerunSummary.sent}; temporary files left: ${temporaryFiles(outboxDir)}`,
      );
    }
    console.log(`crash safety, worker: full drain of ${jobs} letters ${Math.round(span)} ms; kill points:`);
    for (const line of lines) console.log(`  ${line}`);
    await next.ready;
  });
});

function letterFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.eml')) : [];
}

interface JobRow {
  id: number;
  kind: string;
  created_at: string;
  dedupe_key: string | null;
  status: string;
}

function jobRows(db: Database.Database): JobRow[] {
  return all<JobRow>(db, 'select id, kind, created_at, dedupe_key, status from outbox order by id');
}

/** The Message-ID the worker gives a job: the same on every attempt. */
function messageIdOf(r: JobRow): string {
  return jobMessageId(
    { id: r.id, kind: r.kind, createdAt: r.created_at, dedupeKey: r.dedupe_key } as OutboxJob,
    MESSAGE_ID_DOMAIN,
  );
}
