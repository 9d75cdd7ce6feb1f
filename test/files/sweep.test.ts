import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { type DbHandle, openDatabase } from '../../src/adapters/db/connect.js';
import { KyselyAttemptCounter } from '../../src/adapters/db/kysely-attempt-counter.js';
import { KyselyOutbox } from '../../src/adapters/db/kysely-outbox.js';
import { LocalDraftAnalyses } from '../../src/adapters/files/draft-analyses.js';
import { LocalFileStore } from '../../src/adapters/files/local-file-store.js';
import { letterJob } from '../../src/app/process-outbox.js';
import { saveCallFile } from '../../src/app/save-call-file.js';
import { LINK_REMOVED } from '../../src/app/sent-letter-secrets.js';
import { type SweepDeps, type SweepReport, sweepData } from '../../src/app/sweep-data.js';
import { sweepPeriodically } from '../../src/app/sweep-schedule.js';
import type { CliIo } from '../../src/cli/io.js';
import { serveDesk } from '../../src/cli/serve-command.js';
import { SOCIOGRAPHE_81 } from '../../src/domain/call/sociographe-81.js';
import type { LetterInput } from '../../src/domain/letters/model.js';
import { openContext } from '../../src/main/context.js';
import { openSweepContext, type SweepContext, sweepDeps } from '../../src/main/sweep-context.js';
import { manualClock, systemClock } from '../../src/ports/clock.js';
import { newSubmission, newVersion, sha256, storesFor } from '../db/support/fixtures.js';
import { goldenCases } from '../domain/letters/fixtures.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * A data folder as the desk and the intake leave it, over a real SQLite database: two drafts
 * (one abandoned eight days ago, one checked just now) with their kept analyses, a version's file
 * and an e-mail's raw bytes (as old, but named by records), and temporaries of killed processes
 * in every folder that has them, beside an outbox letter that is not one; two sign-in attempts,
 * one out of its window within a minute, one counted for three hours; and two receipts in the
 * outbox table with the author's private /suivi/ link, one sent before sent rows lost it, one not
 * sent yet.
 */
interface World {
  dataDir: string;
  sweep: SweepContext;
  writer: DbHandle;
  files: LocalFileStore;
  analyses: LocalDraftAnalyses;
  abandoned: string;
  fresh: string;
  version: string;
  raw: string;
  temporaries: string[];
  letter: string;
  attempts: { expired: string; live: string };
  receipts: { sent: number; pending: number };
}

const RECEIPT = goldenCases('fr').find((c) => c.name === 'receipt-clean')?.letter as LetterInput;
const FOLLOW_URL = (RECEIPT as { followUrl: string }).followUrl;
const TOKEN = FOLLOW_URL.slice(FOLLOW_URL.lastIndexOf('/') + 1);

/** The /suivi/ link each receipt row holds now. */
async function followUrls(w: World): Promise<{ sent: unknown; pending: unknown }> {
  const outbox = new KyselyOutbox(w.writer.db, 'sqlite', systemClock);
  const linkOf = async (id: number) =>
    ((await outbox.get(id))?.payload.letter as { followUrl?: unknown } | undefined)?.followUrl;
  return { sent: await linkOf(w.receipts.sent), pending: await linkOf(w.receipts.pending) };
}

const path = (w: World, sha: string) => w.files.pathOf(sha);

/** The keys of the sign-in attempts the database holds. */
async function attemptKeys(w: World): Promise<string[]> {
  const rows = await w.writer.db
    .selectFrom('sign_in_attempts')
    .select('key_hash')
    .orderBy('key_hash')
    .execute();
  return rows.map((r) => r.key_hash);
}
const analysisPath = (w: World, sha: string) => join(w.dataDir, 'drafts', `${sha}.json`);

/** Back-dates a file (its last use), as if written `days` ago. */
function age(file: string, days: number): void {
  const then = new Date(Date.now() - days * DAY);
  utimesSync(file, then, then);
}

async function makeWorld(): Promise<World> {
  const dataDir = mkdtempSync(join(tmpdir(), 'appel-sweep-'));
  const sweep = await openSweepContext({ data: dataDir, env: {} });
  const writer = await openDatabase({ kind: 'sqlite', file: join(dataDir, 'appel.sqlite') });
  const stores = await storesFor(writer);
  // A valid call: the desk's context, opened below without --call, runs the one stored.
  const { record: call } = await saveCallFile(SOCIOGRAPHE_81, stores.calls);
  const files = new LocalFileStore(join(dataDir, 'files'));
  const analyses = new LocalDraftAnalyses(join(dataDir, 'drafts'));
  const put = async (text: string) => (await files.put(Buffer.from(text))).sha256;
  const analysis = { kind: 'pdf' as const, manuscript: null, error: null };

  const abandoned = await put('brouillon jamais confirmé');
  const fresh = await put('brouillon vérifié à l’instant');
  const version = await put('manuscrit déposé');
  const raw = await put('Subject: proposition\r\n\r\nmessage brut');
  await analyses.remember(abandoned, { byteSize: 25, analysis });
  await analyses.remember(fresh, { byteSize: 29, analysis });
  await stores.submissions.recordSubmission(
    newSubmission(call.id, { version: newVersion({ fileSha256: version, byteSize: 16 }) }),
  );
  await stores.messages.record({
    sha256: raw,
    callId: call.id,
    source: { kind: 'mbox', location: '/srv/appel/boite.mbox' },
    messageId: null,
    senderKey: sha256('expediteur@exemple.fr'),
    receivedAt: new Date(),
    outcome: 'automatic',
    submissionId: null,
    replied: false,
  });

  const temporaries = [
    join(dataDir, 'files', 'tmp', '.tmp-0123456789abcdef'),
    join(dirname(files.pathOf(fresh)), '.tmp-fedcba9876543210'),
    join(dataDir, 'drafts', `.${fresh}.json.${randomUUID()}.tmp`),
    join(dataDir, 'outbox', `.lettre_at_revue.eml.${randomUUID()}.tmp`),
  ];
  const letter = join(dataDir, 'outbox', 'lettre_at_revue.eml');
  const counter = new KyselyAttemptCounter(writer.db);
  const attempts = { expired: sha256('une minute'), live: sha256('trois heures') };
  await counter.take(attempts.expired, { max: 5, windowMs: 60_000 }, new Date());
  await counter.take(attempts.live, { max: 5, windowMs: 3 * HOUR }, new Date());
  // A receipt sent before the worker redacted rows as it marked them sent: markSent without a payload.
  const outbox = new KyselyOutbox(writer.db, 'sqlite', systemClock);
  const envelope = { to: { address: 'camille@example.org', name: 'Camille Durand' } };
  const sent = (await outbox.enqueue(letterJob(envelope, RECEIPT, 'receipt:sent'))).id;
  await outbox.claimDue({ worker: 'before:1' });
  assert.equal(await outbox.markSent(sent, 'before:1'), true);
  const pending = (await outbox.enqueue(letterJob(envelope, RECEIPT, 'receipt:pending'))).id;
  for (const file of [...temporaries, letter]) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, 'x'.repeat(10));
  }
  const world = {
    dataDir,
    sweep,
    writer,
    files,
    analyses,
    abandoned,
    fresh,
    version,
    raw,
    temporaries,
    letter,
    attempts,
    receipts: { sent, pending },
  };
  for (const sha of [abandoned, version, raw]) age(path(world, sha), 8);
  age(analysisPath(world, abandoned), 8);
  return world;
}

async function dropWorld(w: World): Promise<void> {
  await w.sweep.close();
  await w.writer.close();
  rmSync(w.dataDir, { recursive: true, force: true });
}

/** A sweep as of `later` from now (temporaries age by their last change, which a test cannot back-date). */
function sweepAt(
  w: World,
  later: number,
  options: { dryRun?: boolean } = {},
  context: { deps: SweepDeps } = w.sweep,
) {
  return sweepData(options, { ...context.deps, clock: manualClock(new Date(Date.now() + later)) });
}

/**
 * What a sweep two hours on removes: the abandoned draft's analysis and file, the four temporaries,
 * the expired sign-in attempt, the secret link of the receipt sent.
 */
function expected(w: World): SweepReport {
  return {
    analyses: { count: 1, bytes: readFileSync(analysisPath(w, w.abandoned)).length },
    files: { count: 1, bytes: Buffer.byteLength('brouillon jamais confirmé') },
    temporaries: { count: 4, bytes: 40 },
    signInAttempts: 1,
    sentLetterSecrets: 1,
  };
}

describe('the sweep of the data folder', () => {
  let w: World;
  let EXPECTED: SweepReport;
  beforeEach(async () => {
    w = await makeWorld();
    EXPECTED = expected(w);
  });
  afterEach(() => dropWorld(w));

  it('remove an abandoned draft and its analysis, keep the fresh one and every file a record names', async () => {
    const report = await sweepAt(w, 2 * HOUR);
    assert.deepEqual(report, EXPECTED);
    assert.equal(existsSync(path(w, w.abandoned)), false);
    assert.equal(existsSync(analysisPath(w, w.abandoned)), false);
    for (const kept of [w.fresh, w.version, w.raw]) assert.ok(existsSync(path(w, kept)), 'kept');
    assert.ok(existsSync(analysisPath(w, w.fresh)));
    assert.deepEqual((await w.analyses.find(w.fresh))?.byteSize, 29);
    for (const temporary of w.temporaries) assert.equal(existsSync(temporary), false, temporary);
    assert.ok(existsSync(w.letter), 'a letter in the outbox is not a temporary');
    assert.deepEqual(await sweepAt(w, 2 * HOUR), {
      analyses: { count: 0, bytes: 0 },
      files: { count: 0, bytes: 0 },
      temporaries: { count: 0, bytes: 0 },
      signInAttempts: 0,
      sentLetterSecrets: 0,
    });
  });

  it('remove sign-in attempts out of their window, keep those still counted', async () => {
    assert.deepEqual(await attemptKeys(w), [w.attempts.expired, w.attempts.live].sort());
    assert.equal((await sweepAt(w, 0)).signInAttempts, 0, 'both still in their window');
    assert.equal((await sweepAt(w, 2 * HOUR)).signInAttempts, 1);
    assert.deepEqual(await attemptKeys(w), [w.attempts.live]);
    assert.equal((await sweepAt(w, 4 * HOUR)).signInAttempts, 1);
    assert.deepEqual(await attemptKeys(w), []);
  });

  it('remove the secret link of a letter sent before sent rows lost it, keep an unsent letter’s', async () => {
    assert.deepEqual(await followUrls(w), { sent: FOLLOW_URL, pending: FOLLOW_URL });
    assert.equal((await sweepAt(w, 0)).sentLetterSecrets, 1);
    assert.deepEqual(await followUrls(w), {
      sent: `https://appel.sociographe.example/suivi/${LINK_REMOVED}`,
      pending: FOLLOW_URL,
    });
    const rows = await w.writer.db.selectFrom('outbox').select(['payload', 'status']).execute();
    const sentRows = rows.filter((r) => r.status === 'sent');
    assert.equal(sentRows.length, 1);
    assert.ok(!sentRows[0]?.payload.includes(TOKEN), 'the sent row no longer holds the token');
    assert.equal((await sweepAt(w, 0)).sentLetterSecrets, 0, 'a second sweep has nothing more');
  });

  it('leave a temporary younger than an hour: a live write may still be making it', async () => {
    const report = await sweepAt(w, 30 * 60_000);
    assert.deepEqual(report.temporaries, { count: 0, bytes: 0 });
    for (const temporary of w.temporaries) assert.ok(existsSync(temporary), temporary);
    assert.deepEqual(report.files, EXPECTED.files);
  });

  it('count in a dry run what a sweep removes, and remove nothing', async () => {
    const dry = await sweepAt(w, 2 * HOUR, { dryRun: true });
    assert.deepEqual(dry, EXPECTED);
    assert.ok(existsSync(path(w, w.abandoned)));
    assert.ok(existsSync(analysisPath(w, w.abandoned)));
    for (const temporary of w.temporaries) assert.ok(existsSync(temporary), temporary);
    assert.equal((await attemptKeys(w)).length, 2, 'a dry run deletes no attempt');
    assert.deepEqual(await followUrls(w), { sent: FOLLOW_URL, pending: FOLLOW_URL });
    assert.deepEqual(await sweepAt(w, 2 * HOUR), dry);
  });

  it('let two instances sweep at once: each thing removed once, no failure', async () => {
    const other = await openSweepContext({ data: w.dataDir, env: {} });
    try {
      const [a, b] = await Promise.all([sweepAt(w, 2 * HOUR), sweepAt(w, 2 * HOUR, {}, other)]);
      for (const kind of ['analyses', 'files', 'temporaries'] as const) {
        assert.equal(a[kind].count + b[kind].count, EXPECTED[kind].count, kind);
        assert.equal(a[kind].bytes + b[kind].bytes, EXPECTED[kind].bytes, kind);
      }
      assert.equal(a.signInAttempts + b.signInAttempts, 1, 'an attempt counted once');
      assert.equal(a.sentLetterSecrets + b.sentLetterSecrets, 1, 'a letter redacted once');
      assert.equal(existsSync(path(w, w.abandoned)), false);
      for (const kept of [w.fresh, w.version, w.raw]) assert.ok(existsSync(path(w, kept)), 'kept');
    } finally {
      await other.close();
    }
  });

  it('sweep on the context of the desk and the worker: its connection, its folders', async () => {
    const context = await openContext({ data: w.dataDir, env: {} });
    try {
      assert.deepEqual(await sweepAt(w, 2 * HOUR, {}, { deps: sweepDeps(context) }), EXPECTED);
      assert.deepEqual(await attemptKeys(w), [w.attempts.live], 'on the context’s attempt counter');
      assert.equal((await followUrls(w)).pending, FOLLOW_URL, 'on the context’s outbox');
      assert.equal(existsSync(analysisPath(w, w.abandoned)), false);
      for (const temporary of w.temporaries) assert.equal(existsSync(temporary), false, temporary);
    } finally {
      await context.close();
    }
  });

  it('sweep when appel serve starts, and stop with the desk', async () => {
    const context = await openContext({ data: w.dataDir, env: {} });
    const stop = new AbortController();
    const giveUp = setTimeout(() => stop.abort(), 20_000);
    const said: string[] = [];
    const io: CliIo = {
      out: (text) => {
        said.push(text);
        if (text.startsWith('Nettoyage')) stop.abort();
      },
      err: (text) => said.push(text),
      setExitCode: () => {},
    };
    try {
      await serveDesk(io, context, {
        port: 0,
        host: '127.0.0.1',
        worker: false,
        env: {},
        signal: stop.signal,
      });
    } finally {
      clearTimeout(giveUp);
      await context.close();
    }
    assert.match(said.join('\n'), /Nettoyage : 1 analyse de brouillon .*, 1 fichier jamais confirmé/);
    assert.equal(existsSync(path(w, w.abandoned)), false);
    assert.ok(existsSync(path(w, w.fresh)));
  });

  it('keep an old draft used again: uploaded anew, or asked for by a confirmation', async () => {
    const again = (await w.files.put(Buffer.from('brouillon jamais confirmé'))).sha256;
    assert.equal(again, w.abandoned);
    const asked = await w.files.put(Buffer.from('un autre brouillon'));
    age(path(w, asked.sha256), 8);
    assert.equal(await w.files.has(asked.sha256), true);
    const report = await sweepAt(w, 0);
    assert.deepEqual(report.files, { count: 0, bytes: 0 });
    assert.ok(existsSync(path(w, w.abandoned)));
    assert.ok(existsSync(path(w, asked.sha256)));
  });

  it('put a file back when its use comes while it is set aside, and after a sweep killed then', async () => {
    const { files } = w;
    // Used after the sweep listed it: the store sees the use once the file is set aside.
    assert.equal(await files.removeUnused(w.fresh, new Date(Date.now() - DAY)), null);
    assert.ok(existsSync(path(w, w.fresh)));
    // A sweep killed between setting aside and removing: the file goes back under its name.
    const final = path(w, w.abandoned);
    const aside = join(dirname(final), `.aside-${w.abandoned}-0a1b2c3d`);
    writeFileSync(aside, readFileSync(final));
    rmSync(final, { force: true });
    await sweepAt(w, 2 * HOUR, { dryRun: true });
    assert.equal(existsSync(final), false, 'a dry run puts nothing back');
    await files.clearTemporaries(new Date(Date.now() + HOUR), false);
    assert.equal(existsSync(aside), false);
    assert.equal((await files.read(w.abandoned)).toString(), 'brouillon jamais confirmé');
  });

  it('sweep at start and on a timer, and stop cleanly', async () => {
    const reports: SweepReport[] = [];
    const schedule = sweepPeriodically(w.sweep.deps, { everyMs: 20, onSwept: (r) => reports.push(r) });
    for (let i = 0; i < 100 && reports.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    await schedule.stop();
    const count = reports.length;
    assert.ok(count >= 2);
    assert.deepEqual(reports[0]?.files, EXPECTED.files);
    await new Promise((r) => setTimeout(r, 60));
    assert.equal(reports.length, count, 'no sweep after stop');
  });
});
