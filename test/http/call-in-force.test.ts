import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { statusOf } from '../../src/adapters/http/error-status.js';
import { buildServer } from '../../src/adapters/http/server.js';
import { readPaths } from '../../src/adapters/mail-in/read-paths.js';
import { extendDeadline } from '../../src/app/desk-extend-deadline.js';
import { importMailbox } from '../../src/app/import-mailbox.js';
import { saveCallFile } from '../../src/app/save-call-file.js';
import type { Call } from '../../src/domain/call/schema.js';
import { SOCIOGRAPHE_81 } from '../../src/domain/call/sociographe-81.js';
import { isAppError } from '../../src/domain/shared/errors.js';
import { type AppContext, openContext } from '../../src/main/context.js';
import type { CallStore } from '../../src/ports/call-store.js';
import { contextDatabase } from '../db/support/databases.js';
import { docxAttachment, mailFrom, manuscriptDocx, PEOPLE } from '../intake/support/fixtures.js';
import { type DialectName, forEachDialect } from '../intake/support/world.js';

/**
 * Two processes over one database, as on a host with several instances and an e-mail importer:
 * `a` and `b` are two contexts opened by openContext, each with its own connections. The no. 81
 * call closed on 1 September 2022 (Paris); on the 5th a coordinator extends it from a's desk to the
 * 30th. b, opened before, must judge with the extension at once: no restart, no delay.
 */
const DECIDED = new Date('2022-09-05T08:00:00Z');
const IN_EXTENSION = new Date('2022-09-06T09:00:00Z');

interface Pair {
  a: AppContext;
  b: AppContext;
  /** A third process starting over the same database (its own data folder on PostgreSQL). */
  start(callFile?: string): Promise<AppContext>;
  /** A folder for the test's own files, removed with the pair. */
  scratch: string;
  close(): Promise<void>;
}

async function openPair(dialect: DialectName): Promise<Pair> {
  const dirs = [await mkdtemp(join(tmpdir(), 'appel-a-')), await mkdtemp(join(tmpdir(), 'appel-b-'))];
  const { env, drop } = await contextDatabase(dialect);
  // On SQLite both open the one database file of the same data folder; each keeps its own handle.
  const [first, second] = dialect === 'sqlite' ? [dirs[0], dirs[0]] : dirs;
  const a = await openContext({ data: first, env });
  const b = await openContext({ data: second, env });
  const started: AppContext[] = [];
  return {
    a,
    b,
    start: async (callFile) => {
      const context = await openContext({ data: second, env, ...(callFile ? { callFile } : {}) });
      started.push(context);
      return context;
    },
    scratch: dirs[1] as string,
    close: async () => {
      for (const context of [a, b, ...started]) await context.close();
      await drop();
      for (const dir of dirs) await rm(dir as string, { recursive: true, force: true });
    },
  };
}

/** The embedded call file, edited: what a restart after a change to the file saves. */
function withTheme(theme: string): Call {
  return { ...SOCIOGRAPHE_81, theme };
}

function extendFrom(context: AppContext, date: string, now = DECIDED, calls: CallStore = context.calls) {
  return extendDeadline({ date }, { calls, currentCall: context.currentCall, now: () => now });
}

/**
 * The context's calls, whose writes first wait for `before` (the race the test sets up); whether
 * each write went through is pushed to `written`.
 */
function callsWaiting(
  context: AppContext,
  before: () => Promise<unknown>,
  written: boolean[] = [],
): CallStore {
  const calls = context.calls;
  return {
    saveCall: (slug, data) => calls.saveCall(slug, data),
    createCall: (slug, data) => calls.createCall(slug, data),
    findCallBySlug: (slug) => calls.findCallBySlug(slug),
    findCallById: (id) => calls.findCallById(id),
    listCalls: () => calls.listCalls(),
    replaceCall: async (id, data, revision) => {
      await before();
      const saved = await calls.replaceCall(id, data, revision);
      written.push(saved !== null);
      return saved;
    },
  };
}

/** A promise resolved once it has been awaited `count` times: both processes have read the call. */
function barrier(count: number): () => Promise<void> {
  let waiting = 0;
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return () => {
    if (++waiting >= count) open();
    return opened;
  };
}

function suite(dialect: DialectName) {
  describe(`the call in force across processes (${dialect})`, () => {
    let pair: Pair;
    beforeEach(async () => {
      pair = await openPair(dialect);
    });
    afterEach(() => pair.close());

    it('a manuscript e-mailed in the extension is on time in the other process', async () => {
      const { a, b } = pair;
      assert.equal((await extendFrom(a, '2022-09-30')).ok, true);
      const raw = await mailFrom({
        from: PEOPLE.louis,
        subject: 'Proposition pour le n° 81',
        date: IN_EXTENSION,
        received: IN_EXTENSION,
        messageId: '<dans.la.prolongation@exemple.fr>',
        attachments: [docxAttachment('manuscrit.docx', await manuscriptDocx(7))],
      });
      const path = join(b.dataDir, 'prolongation.eml');
      await writeFile(path, raw);
      const summary = await importMailbox(readPaths([path]), b.intake);
      assert.equal(summary.submissions, 1);
      const [record] = await b.submissions.listByCall(b.callId);
      assert.equal(record?.late, false);
      assert.notEqual(record?.status, 'late');
    });

    it('the other process’s call page and form are open at once', async () => {
      const { a, b } = pair;
      const server = await buildServer(b, { now: () => IN_EXTENSION });
      try {
        const before = await server.inject({ method: 'GET', url: '/deposer' });
        assert.match(before.body, /L’appel est clos/);
        assert.equal((await extendFrom(a, '2022-09-30')).ok, true);
        const page = await server.inject({ method: 'GET', url: '/' });
        assert.match(page.body, /L’appel est prolongé jusqu’au vendredi 30 septembre 2022 inclus/);
        const form = await server.inject({ method: 'GET', url: '/deposer' });
        assert.equal(form.statusCode, 200);
        assert.doesNotMatch(form.body, /L’appel est clos/);
        assert.deepEqual(b.call.deadline.extensions, [{ date: '2022-09-30', decidedOn: '2022-09-05' }]);
      } finally {
        await server.close();
      }
    });

    it('an extension decided in the other process is kept, not overwritten', async () => {
      const { a, b } = pair;
      assert.equal((await extendFrom(a, '2022-09-30')).ok, true);
      const later = await extendFrom(b, '2022-10-15', new Date('2022-09-06T08:00:00Z'));
      assert.ok(later.ok);
      const both = [
        { date: '2022-09-30', decidedOn: '2022-09-05' },
        { date: '2022-10-15', decidedOn: '2022-09-06' },
      ];
      assert.deepEqual(later.call.deadline.extensions, both);
      assert.deepEqual((await a.currentCall.current()).deadline.extensions, both);
    });

    it('two extensions decided at the same instant in two processes are both kept', async () => {
      const { a, b } = pair;
      // Both read the call before either writes: without the revision check, the second write
      // would replace the first with the call as it was read, and drop a's extension.
      const bothRead = barrier(2);
      const [fromA, fromB] = await Promise.all([
        extendFrom(a, '2022-09-30', DECIDED, callsWaiting(a, bothRead)),
        extendFrom(b, '2022-10-15', new Date('2022-09-06T08:00:00Z'), callsWaiting(b, bothRead)),
      ]);
      assert.ok(fromA.ok && fromB.ok);
      const both = [
        { date: '2022-09-30', decidedOn: '2022-09-05' },
        { date: '2022-10-15', decidedOn: '2022-09-06' },
      ];
      assert.deepEqual((await a.currentCall.current()).deadline.extensions, both);
      assert.deepEqual((await b.currentCall.current()).deadline.extensions, both);
    });

    it('an extension that loses the race twice is refused with CALL_CHANGED, and writes nothing', async () => {
      const { a, b } = pair;
      // Before each of b's writes, a decides again (another day each time): b's read is always stale.
      let day = 5;
      const aFirst = callsWaiting(b, () =>
        extendFrom(a, '2022-09-30', new Date(`2022-09-0${day++}T08:00:00Z`)),
      );
      await assert.rejects(
        extendFrom(b, '2022-10-15', new Date('2022-09-08T08:00:00Z'), aFirst),
        (e) => isAppError(e) && e.code === 'CALL_CHANGED' && /modifié au même moment/.test(e.text.fr),
      );
      assert.equal(statusOf('CALL_CHANGED'), 409);
      const stored = (await b.currentCall.current()).deadline.extensions;
      assert.deepEqual(
        stored.map((e) => e.decidedOn),
        ['2022-09-05', '2022-09-06'],
      );
    });

    it('a restart saving the call file between the read and the write does not erase the extension', async () => {
      const { a, b } = pair;
      // b restarts with its call file edited, saved over the row: the revision moves, a decides again.
      let restarted = false;
      const written: boolean[] = [];
      const restart = callsWaiting(
        a,
        async () => {
          if (restarted) return;
          restarted = true;
          await b.calls.saveCall(b.call.id, JSON.parse(JSON.stringify(b.call)));
        },
        written,
      );
      const result = await extendFrom(a, '2022-09-30', DECIDED, restart);
      assert.ok(result.ok);
      assert.deepEqual(written, [false, true]);
      assert.deepEqual((await b.currentCall.current()).deadline.extensions, [
        { date: '2022-09-30', decidedOn: '2022-09-05' },
      ]);
    });

    it('a restart racing a desk extension saves its file and keeps the extension', async () => {
      const { a, b } = pair;
      // a restarts with an edited file: between its read of the row and its write, b's desk extends.
      let extended = false;
      const written: boolean[] = [];
      const extendFirst = callsWaiting(
        a,
        async () => {
          if (extended) return;
          extended = true;
          assert.equal((await extendFrom(b, '2022-09-30')).ok, true);
        },
        written,
      );
      const saved = await saveCallFile(withTheme('Le numérique au travail'), extendFirst);
      assert.deepEqual(written, [false, true]);
      const stored = await b.currentCall.current();
      assert.equal(stored.theme, 'Le numérique au travail');
      assert.deepEqual(stored.deadline.extensions, [{ date: '2022-09-30', decidedOn: '2022-09-05' }]);
      assert.deepEqual(saved.call.deadline.extensions, stored.deadline.extensions);
      assert.equal(saved.record.revision, (await b.calls.findCallById(b.callId))?.revision);
    });

    it('a restart whose call file is unchanged leaves the row as it is', async () => {
      const { a } = pair;
      assert.equal((await extendFrom(a, '2022-09-30')).ok, true);
      const before = await a.calls.findCallById(a.callId);
      const c = await pair.start();
      assert.deepEqual(await a.calls.findCallById(a.callId), before);
      assert.equal(c.callId, a.callId);
      assert.deepEqual(c.call.deadline.extensions, [{ date: '2022-09-30', decidedOn: '2022-09-05' }]);
    });

    it('two processes starting at once with an edited call file both start, and keep the extension', async () => {
      const { a } = pair;
      assert.equal((await extendFrom(a, '2022-09-30')).ok, true);
      const file = join(pair.scratch, 'appel-modifie.json');
      await writeFile(file, JSON.stringify(withTheme('Le numérique au travail')));
      const [c, d] = await Promise.all([pair.start(file), pair.start(file)]);
      for (const context of [a, c, d]) {
        const call = await context.currentCall.current();
        assert.equal(call.theme, 'Le numérique au travail');
        assert.deepEqual(call.deadline.extensions, [{ date: '2022-09-30', decidedOn: '2022-09-05' }]);
      }
    });

    it('a restart whose row keeps moving stops with CALL_CHANGED, and writes nothing', async () => {
      const { a, b } = pair;
      // Before each of a's writes, b's desk decides again (another day each time).
      let day = 5;
      const written: boolean[] = [];
      const alwaysStale = callsWaiting(
        a,
        () => extendFrom(b, '2022-09-30', new Date(`2022-09-0${day++}T08:00:00Z`)),
        written,
      );
      await assert.rejects(
        saveCallFile(withTheme('Le numérique au travail'), alwaysStale),
        (e) => isAppError(e) && e.code === 'CALL_CHANGED',
      );
      assert.ok(written.length > 2 && written.every((w) => !w), 'tried again, wrote nothing');
      assert.equal((await b.currentCall.current()).theme, SOCIOGRAPHE_81.theme);
    });

    it('reads the stored call each time, and validates it again only when it changed', async () => {
      const { a, b } = pair;
      const first = await b.currentCall.current();
      assert.equal(await b.currentCall.current(), first);
      await extendFrom(a, '2022-09-30');
      const changed = await b.currentCall.current();
      assert.notEqual(changed, first);
      assert.equal(b.currentCall.latest, changed);
      assert.equal(b.intake.call, changed);
    });
  });
}

await forEachDialect(suite);
