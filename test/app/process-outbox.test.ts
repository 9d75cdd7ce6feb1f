import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { type DbHandle, openDatabase } from '../../src/adapters/db/connect.js';
import { KyselyOutbox } from '../../src/adapters/db/kysely-outbox.js';
import { migrateToLatest } from '../../src/adapters/db/migrate.js';
import { FolderMailer } from '../../src/adapters/mail-out/folder-mailer.js';
import { SmtpMailer } from '../../src/adapters/mail-out/smtp-mailer.js';
import {
  drainOutbox,
  jobMessageId,
  LETTER_JOB_KIND,
  letterJob,
  type OutboxLogEvent,
  type ProcessOutboxDeps,
  prepareLetterJob,
  runOutboxWorker,
} from '../../src/app/process-outbox.js';
import { manualClock } from '../../src/ports/clock.js';
import type { Mailer } from '../../src/ports/mailer.js';
import type { OutboxJob, RetryPolicy } from '../../src/ports/outbox.js';
import { goldenCases } from '../domain/letters/fixtures.js';
import { header, type SmtpSink, startSmtpSink } from '../mail-out/smtp-sink.js';

/**
 * The worker against the real outbox (SQLite, real migrations) and a real SMTP server: a refused
 * send is retried after the outbox's backoff, and no job is ever lost.
 */

const FROM = { address: 'redaction@sociographe.example', name: 'Sociographe' };
const POLICY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 60_000, maxDelayMs: 3_600_000 };
const root = mkdtempSync(join(tmpdir(), 'appel-worker-'));
after(() => rmSync(root, { recursive: true, force: true }));

const [receipt] = goldenCases('fr');
const ENVELOPE = {
  to: { address: 'camille@example.org', name: 'Camille Durand' },
  inReplyTo: '<orig-81@example.org>',
  references: ['<orig-81@example.org>'],
};

let n = 0;
let handle: DbHandle;
let clock: ReturnType<typeof manualClock>;
let outbox: KyselyOutbox;
let events: OutboxLogEvent[];

beforeEach(async () => {
  handle = await openDatabase({ kind: 'sqlite', file: join(root, `db-${++n}.sqlite`) });
  await migrateToLatest(handle);
  clock = manualClock('2022-08-25T12:05:00Z');
  outbox = new KyselyOutbox(handle.db, 'sqlite', clock, POLICY);
  events = [];
});
afterEach(() => handle.close());

function deps(mailer: Mailer): ProcessOutboxDeps {
  return {
    outbox,
    mailer,
    worker: 'test:1',
    messageIdDomain: 'sociographe.example',
    log: (e) => events.push(e),
  };
}

function smtp(sink: SmtpSink): SmtpMailer {
  return new SmtpMailer({ host: '127.0.0.1', port: sink.port, from: FROM, timeouts: { socketMs: 5_000 } });
}

describe('processing the outbox through SMTP', () => {
  let sink: SmtpSink;
  before(async () => {
    sink = await startSmtpSink({ failFirst: 1 });
  });
  after(() => sink.close());

  it('retries a send refused with 451 after the backoff, then marks it sent, once', async () => {
    const { id } = await outbox.enqueue(letterJob(ENVELOPE, receipt!.letter, 'receipt:s-1'));
    const mailer = smtp(sink);
    try {
      const first = await drainOutbox(deps(mailer));
      assert.deepEqual(
        { ...first, errors: first.errors.length },
        {
          claimed: 1,
          sent: 0,
          skipped: 0,
          retrying: 1,
          failed: 0,
          leaseLost: 0,
          errors: 1,
        },
      );
      assert.match(first.errors[0]!.error, /^MAIL_SEND_FAILED: .*451/);
      const waiting = await outbox.get(id);
      assert.equal(waiting?.status, 'pending');
      assert.equal(waiting?.runAfter, '2022-08-25T12:06:00.000Z', 'base delay of the outbox policy');
      assert.doesNotMatch(waiting?.lastError ?? '', /camille|example\.org/);

      assert.equal((await drainOutbox(deps(mailer))).claimed, 0, 'nothing is due before the backoff');
      clock.advance(60_000);
      const second = await drainOutbox(deps(mailer));
      assert.equal(second.sent, 1);

      const job = (await outbox.get(id)) as OutboxJob;
      assert.equal(job.status, 'sent');
      assert.equal(job.attempts, 2);
      assert.equal(sink.rejected, 1);
      assert.equal(sink.received.length, 1, 'delivered exactly once');
      const raw = sink.received[0]!.raw;
      assert.deepEqual(header(raw, 'Message-ID'), [jobMessageId(job, 'sociographe.example')]);
      assert.deepEqual(header(raw, 'In-Reply-To'), ['<orig-81@example.org>']);
      assert.deepEqual(header(raw, 'Auto-Submitted'), ['auto-replied']);
      assert.deepEqual(sink.received[0]!.rcptTo, ['camille@example.org']);
      assert.doesNotMatch(JSON.stringify(events), /@|Camille/, 'logs carry no personal data');
    } finally {
      await mailer.close();
    }
  });

  it('gives up after the last attempt and keeps the job, status failed', async () => {
    const refusing = await startSmtpSink({ failFirst: 99 });
    const mailer = smtp(refusing);
    try {
      const { id } = await outbox.enqueue(letterJob(ENVELOPE, receipt!.letter));
      for (let i = 0; i < POLICY.maxAttempts; i++) {
        await drainOutbox(deps(mailer));
        clock.advance(POLICY.maxDelayMs);
      }
      const job = await outbox.get(id);
      assert.equal(job?.status, 'failed');
      assert.equal(job?.attempts, POLICY.maxAttempts);
      assert.match(job?.lastError ?? '', /451/);
      assert.deepEqual(
        events.map((e) => e.outcome),
        ['retrying', 'retrying', 'failed'],
      );
      assert.equal((await drainOutbox(deps(mailer))).claimed, 0, 'a failed job waits for a person');
    } finally {
      await mailer.close();
      await refusing.close();
    }
  });
});

describe('processing the outbox into the outbox folder', () => {
  it('drains every due job in batches, one .eml each', async () => {
    const dir = join(root, `outbox-${n}`);
    const cases = goldenCases('en');
    for (const { letter } of cases) await outbox.enqueue(letterJob(ENVELOPE, letter));
    const summary = await drainOutbox(deps(new FolderMailer(dir, { from: FROM })), { batchSize: 2 });
    assert.equal(summary.claimed, cases.length);
    assert.equal(summary.sent, cases.length);
    assert.equal(readdirSync(dir).filter((f) => f.endsWith('.eml')).length, cases.length);
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.endsWith('.tmp')),
      [],
    );
  });

  it('takes back a job whose worker died mid-send once its lease runs out', async () => {
    const dir = join(root, `outbox-${n}`);
    const { id } = await outbox.enqueue(letterJob(ENVELOPE, receipt!.letter));
    await outbox.claimDue({ worker: 'dead:99', leaseMs: 30_000 }); // claimed, never settled
    const mailer = new FolderMailer(dir, { from: FROM });
    assert.equal((await drainOutbox(deps(mailer))).claimed, 0);
    clock.advance(30_001);
    assert.equal((await drainOutbox(deps(mailer))).sent, 1);
    assert.equal((await outbox.get(id))?.status, 'sent');
  });

  it('keeps a malformed job and says which fields are wrong, not what they hold', async () => {
    const { id } = await outbox.enqueue({
      kind: LETTER_JOB_KIND,
      payload: { to: { address: 'camille@example.org' }, letter: { kind: 'receipt', lang: 'fr' } },
    });
    const summary = await drainOutbox(deps(new FolderMailer(join(root, `outbox-${n}`), { from: FROM })));
    assert.equal(summary.retrying, 1);
    const job = await outbox.get(id);
    assert.equal(job?.status, 'pending');
    assert.match(job?.lastError ?? '', /^OUTBOX_JOB_INVALID: .*invalid letter\.call, letter\.receivedAt/);
    assert.doesNotMatch(job?.lastError ?? '', /camille/);
  });

  it('refuses a kind it does not know unless given its own prepare', async () => {
    await outbox.enqueue({ kind: 'reminder', payload: { submissionId: 's-1' } });
    const mailer = new FolderMailer(join(root, `outbox-${n}`), { from: FROM });
    const refused = await drainOutbox(deps(mailer));
    assert.match(refused.errors[0]?.error ?? '', /OUTBOX_JOB_INVALID: .*unknown kind/);
    clock.advance(POLICY.baseDelayMs);
    const handled = await drainOutbox({
      ...deps(mailer),
      prepare: async (job) => (job.kind === 'reminder' ? null : prepareLetterJob(job)),
    });
    assert.equal(handled.skipped, 1, 'null: nothing to send any more, settled');
  });
});

describe('the worker loop', () => {
  it('drains, waits, and stops when aborted', { timeout: 10_000 }, async () => {
    const dir = join(root, `outbox-${n}`);
    await outbox.enqueue(letterJob(ENVELOPE, receipt!.letter));
    const controller = new AbortController();
    const running = runOutboxWorker(deps(new FolderMailer(dir, { from: FROM })), {
      signal: controller.signal,
      pollMs: 10,
    });
    while (events.length === 0) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    await running;
    assert.deepEqual(
      events.map((e) => e.outcome),
      ['sent'],
    );
  });
});
