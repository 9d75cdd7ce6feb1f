import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { writeCallFile } from '../../src/adapters/call-file/write-call.js';
import { extendDeadline } from '../../src/app/desk-extend-deadline.js';
import type { Call } from '../../src/domain/call/schema.js';
import { SOCIOGRAPHE_81 } from '../../src/domain/call/sociographe-81.js';
import { isAppError } from '../../src/domain/shared/errors.js';
import { type AppContext, openContext } from '../../src/main/context.js';
import { contextDatabase } from '../db/support/databases.js';
import { cli } from '../helpers/cli.js';
import { docxAttachment, mailFrom, manuscriptDocx, PEOPLE } from '../intake/support/fixtures.js';
import { type DialectName, forEachDialect } from '../intake/support/world.js';

/**
 * A journal runs `appel serve --call notre-appel.yaml`, then `appel worker` or `appel mail import`
 * without --call: those must run its call as stored, not save the built-in no. 81 beside it.
 */

/** Another journal's call: another id, and a deadline after no. 81's (1 September 2022). */
function customCall(id = 'revue-exemple-12', issue = 12): Call {
  return {
    ...SOCIOGRAPHE_81,
    id,
    journal: 'Revue Exemple',
    issue,
    theme: 'Le travail social demain',
    deadline: { ...SOCIOGRAPHE_81.deadline, date: '2022-12-31' },
  };
}

async function writeCall(dir: string, call: Call): Promise<string> {
  const path = join(dir, `${call.id}.yaml`);
  await writeCallFile(path, call);
  return path;
}

interface Folder {
  dir: string;
  open(callFile?: string): Promise<AppContext>;
  close(): Promise<void>;
}

async function openFolder(dialect: DialectName): Promise<Folder> {
  const dir = await mkdtemp(join(tmpdir(), 'appel-sans-call-'));
  const { env, drop } = await contextDatabase(dialect);
  const opened: AppContext[] = [];
  return {
    dir,
    open: async (callFile) => {
      const context = await openContext({ data: join(dir, 'data'), env, ...(callFile ? { callFile } : {}) });
      opened.push(context);
      return context;
    },
    close: async () => {
      for (const context of opened) await context.close();
      await drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function suite(dialect: DialectName) {
  describe(`a command started without --call (${dialect})`, () => {
    let folder: Folder;
    beforeEach(async () => {
      folder = await openFolder(dialect);
    });
    afterEach(() => folder.close());

    it('runs the one stored call, extensions and all, and saves no other', async () => {
      const served = await folder.open(await writeCall(folder.dir, customCall()));
      const extended = await extendDeadline(
        { date: '2023-01-31' },
        { calls: served.calls, currentCall: served.currentCall, now: () => new Date('2022-12-20T08:00:00Z') },
      );
      assert.ok(extended.ok);
      const worker = await folder.open();
      assert.equal(worker.callId, served.callId);
      assert.equal(worker.call.id, 'revue-exemple-12');
      assert.equal(worker.call.theme, 'Le travail social demain');
      assert.deepEqual(worker.call.deadline.extensions, [{ date: '2023-01-31', decidedOn: '2022-12-20' }]);
      assert.equal(worker.from.name, 'Revue Exemple');
      assert.deepEqual(
        (await worker.calls.listCalls()).map((c) => c.slug),
        ['revue-exemple-12'],
      );
    });

    it('saves the embedded no. 81 call into a fresh folder', async () => {
      const context = await folder.open();
      assert.equal(context.call.id, SOCIOGRAPHE_81.id);
      const stored = await context.calls.listCalls();
      assert.deepEqual(
        stored.map((c) => c.id),
        [context.callId],
      );
      const again = await folder.open();
      assert.equal(again.callId, context.callId);
      assert.equal((await again.calls.listCalls()).length, 1);
    });

    it('refuses with CALL_AMBIGUOUS when the folder holds several calls, and saves nothing', async () => {
      const first = await folder.open(await writeCall(folder.dir, customCall()));
      await folder.open(await writeCall(folder.dir, customCall('revue-exemple-13', 13)));
      await assert.rejects(
        folder.open(),
        (e) =>
          isAppError(e) &&
          e.code === 'CALL_AMBIGUOUS' &&
          /plusieurs appels \(revue-exemple-1[23], revue-exemple-1[23]\)/.test(e.text.fr) &&
          /--call FICHIER/.test(e.text.fr) &&
          /--call FILE/.test(e.text.en),
      );
      assert.equal((await first.calls.listCalls()).length, 2);
    });

    it('still saves and runs the call file given with --call', async () => {
      await folder.open(await writeCall(folder.dir, customCall()));
      const context = await folder.open(await writeCall(folder.dir, customCall('revue-exemple-13', 13)));
      assert.equal(context.call.id, 'revue-exemple-13');
      assert.equal((await context.calls.listCalls()).length, 2);
    });
  });
}

await forEachDialect(suite);

describe('appel mail import without --call (command line)', () => {
  let dir = '';
  let saved: string | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'appel-sans-call-cli-'));
    saved = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
  });
  afterEach(async () => {
    if (saved !== undefined) process.env.DATABASE_URL = saved;
    await rm(dir, { recursive: true, force: true });
  });

  async function message(): Promise<string> {
    // Received in October 2022: late for no. 81, on time for the custom call (31 December).
    const october = new Date('2022-10-03T09:00:00Z');
    const path = join(dir, 'octobre.eml');
    await writeFile(
      path,
      await mailFrom({
        from: PEOPLE.louis,
        date: october,
        received: october,
        messageId: '<sans.call@exemple.fr>',
        attachments: [docxAttachment('manuscrit.docx', await manuscriptDocx(11))],
      }),
    );
    return path;
  }

  it('judges the mail against the call the folder holds', async () => {
    const data = join(dir, 'data');
    const opened = await openContext({ data, env: {}, callFile: await writeCall(dir, customCall()) });
    await opened.close();
    const r = await cli(['mail', 'import', await message(), '--data', data, '--json']);
    assert.equal(r.code, 0, r.err);
    assert.equal(JSON.parse(r.out).submissions, 1);
    const context = await openContext({ data, env: {} });
    try {
      assert.equal(context.call.id, 'revue-exemple-12');
      assert.equal((await context.calls.listCalls()).length, 1);
      const [record] = await context.submissions.listByCall(context.callId);
      assert.equal(record?.late, false);
    } finally {
      await context.close();
    }
  });

  it('prints CALL_AMBIGUOUS as a usage error (exit 2) when the folder holds several calls', async () => {
    const data = join(dir, 'data');
    for (const call of [customCall(), customCall('revue-exemple-13', 13)]) {
      await (await openContext({ data, env: {}, callFile: await writeCall(dir, call) })).close();
    }
    const r = await cli(['mail', 'import', await message(), '--data', data]);
    assert.equal(r.code, 2);
    assert.match(r.err, /plusieurs appels/);
    assert.match(r.err, /several calls/);
  });

  it('appel worker takes --call, as the refusal says, when the folder holds several calls', async () => {
    const data = join(dir, 'data');
    const files: string[] = [];
    for (const call of [customCall(), customCall('revue-exemple-13', 13)]) {
      files.push(await writeCall(dir, call));
      await (await openContext({ data, env: {}, callFile: files[files.length - 1] })).close();
    }
    assert.equal((await cli(['worker', '--once', '--data', data])).code, 2);
    const r = await cli(['worker', '--once', '--data', data, '--call', files[0] as string]);
    assert.equal(r.code, 0, r.err);
  });
});
