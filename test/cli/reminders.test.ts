import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { writeCallFile } from '../../src/adapters/call-file/write-call.js';
import { submitManuscript } from '../../src/app/submit-manuscript.js';
import type { CliIo } from '../../src/cli/io.js';
import { startReminding } from '../../src/cli/reminders.js';
import { SOCIOGRAPHE_81 } from '../../src/domain/call/sociographe-81.js';
import { localDateOf } from '../../src/domain/call/time-zone.js';
import { COMPLETION_REMINDER_EVENT } from '../../src/domain/submission/completion-reminder.js';
import { type AppContext, openContext } from '../../src/main/context.js';
import { cli } from '../helpers/cli.js';
import { makeDocx, p } from '../helpers/docx-fixtures.js';

const DAY = 24 * 60 * 60 * 1000;

/**
 * The reminders beside `appel serve` and `appel worker`, on the system clock: a call whose
 * deadline is five days away and a submission three days old without its phone and address.
 */
describe('completion reminders in a long-running process', () => {
  let dir: string;
  let context: AppContext;
  let submissionId: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'appel-reminders-'));
    const callFile = join(dir, 'appel.yaml');
    const date = localDateOf(Date.now() + 5 * DAY, SOCIOGRAPHE_81.deadline.timeZone);
    await writeCallFile(callFile, { ...SOCIOGRAPHE_81, deadline: { ...SOCIOGRAPHE_81.deadline, date } });
    context = await openContext({ data: dir, callFile, env: { APPEL_DATA: dir } });
    submissionId = await incomplete('rappel-1');
  });

  /** A submission three days old, without the contact's phone and address. */
  async function incomplete(key: string): Promise<string> {
    const text = 'Le travail social et ses outils numériques. '.repeat(300);
    const { record } = await submitManuscript(
      {
        callId: context.callId,
        call: context.call,
        channel: 'web',
        idempotencyKey: key,
        receivedAt: new Date(Date.now() - 3 * DAY),
        title: `Le guichet numérique (${key})`,
        authors: [{ givenName: 'Louis', surname: 'Garnier', email: 'louis@exemple.fr', isContact: true }],
        consents: { onlinePublication: true, freeOfCharge: true },
        files: [{ name: 'garnier.docx', bytes: await makeDocx({ body: p(text) }) }],
        reply: null,
        lang: 'fr',
      },
      context.intake,
    );
    assert.equal(record.status, 'incomplete');
    return record.id;
  }
  after(async () => {
    await context.close();
    await rm(dir, { recursive: true, force: true });
  });

  const io = (out: string[], err: string[]): CliIo => ({
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    setExitCode: () => {},
  });

  const reminders = async () =>
    (await context.submissions.listEvents(submissionId)).filter(
      (e) => e.action === COMPLETION_REMINDER_EVENT,
    );

  it('do not run without APPEL_PUBLIC_URL: the letter would carry a link to this machine', async () => {
    assert.equal(startReminding(io([], []), context, undefined), null);
    assert.equal(startReminding(io([], []), context, '  '), null);
    assert.deepEqual(await reminders(), []);
  });

  it('queue the reminder at start and say how many, once', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const schedule = startReminding(io(out, err), context, 'https://appel.exemple.fr/');
    assert.ok(schedule);
    for (let i = 0; i < 200 && out.length === 0 && err.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await schedule.stop();
    assert.deepEqual(err, []);
    assert.deepEqual(out, [
      'Rappels aux propositions incomplètes : 1\nReminders to incomplete submissions: 1',
    ]);
    assert.equal((await reminders()).length, 1);
    const again = startReminding(io(out, err), context, 'https://appel.exemple.fr');
    await again?.stop();
    assert.equal(out.length, 1, 'nothing more to say');
    assert.equal((await reminders()).length, 1);
  });

  it('appel remind: once, from the command line, and says what to set without APPEL_PUBLIC_URL', async () => {
    const before = process.env.APPEL_PUBLIC_URL;
    try {
      delete process.env.APPEL_PUBLIC_URL;
      const refused = await cli(['remind', '--data', dir]);
      assert.equal(refused.code, 2);
      assert.match(refused.err, /APPEL_PUBLIC_URL est vide/);
      assert.match(refused.err, /APPEL_PUBLIC_URL=https:\/\/appel\.ma-revue\.fr npx appel remind/);
      await incomplete('rappel-2');
      process.env.APPEL_PUBLIC_URL = 'https://appel.exemple.fr';
      const sent = await cli(['remind', '--data', dir]);
      assert.equal(sent.code, 0, sent.err);
      assert.match(
        sent.out,
        /Rappels aux propositions incomplètes : 1\nReminders to incomplete submissions: 1/,
      );
      assert.match((await cli(['remind', '--data', dir])).out, /incomplètes : 0/, 'once');
    } finally {
      if (before === undefined) delete process.env.APPEL_PUBLIC_URL;
      else process.env.APPEL_PUBLIC_URL = before;
    }
  });
});
