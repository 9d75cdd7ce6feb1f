import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import type { ImapFlow } from 'imapflow';
import { IMPORTED_KEYWORD } from '../../src/adapters/mail-in/imap-source.js';
import { cli } from '../helpers/cli.js';
import { dovecotAvailable, type ImapServer, imapClient, startImapServer } from '../helpers/imap-server.js';
import { docxAttachment, mailFrom, manuscriptDocx, PEOPLE } from './support/fixtures.js';

/**
 * `appel mail watch --once` end to end: the command line's main(), APPEL_IMAP_URL pointing at a
 * private Dovecot started for this test, the embedded default storage in a temp data folder.
 * Without Dovecot the test fails under CI (.ci/run installs it) and is skipped, loudly, elsewhere.
 */
const available = dovecotAvailable('appel mail watch');

describe('appel mail watch --once (Dovecot)', { skip: !available && 'Dovecot is not installed' }, () => {
  let server: ImapServer;
  let client: ImapFlow;
  let dataDir: string;
  const saved = { imap: process.env.APPEL_IMAP_URL, database: process.env.DATABASE_URL };
  const arrived = new Date('2022-08-20T08:30:00Z');

  before(async () => {
    server = await startImapServer();
    dataDir = await mkdtemp(join(tmpdir(), 'appel-watch-'));
    client = imapClient(server);
    await client.connect();
    const clean = await mailFrom({
      from: PEOPLE.claire,
      messageId: '<watch.1@exemple.fr>',
      attachments: [docxAttachment('fontaine.docx', await manuscriptDocx(40))],
    });
    const auto = await mailFrom({
      from: PEOPLE.marc,
      messageId: '<watch.auto@exemple.fr>',
      subject: 'Réponse automatique : absent',
      text: 'Je suis absent du bureau.\n',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    await client.append('INBOX', clean, [], arrived);
    await client.append('INBOX', auto, [], arrived);
    // The same message delivered twice (a forward rule, a resent export): another UID, same bytes.
    await client.append('INBOX', clean, [], arrived);

    const user = encodeURIComponent(server.user);
    const password = encodeURIComponent(server.password);
    process.env.APPEL_IMAP_URL = `imap://${user}:${password}@127.0.0.1:${server.port}/INBOX?tls=none`;
    // The embedded default: SQLite in the data folder, whatever the environment says.
    delete process.env.DATABASE_URL;
  });

  after(async () => {
    for (const [key, value] of [
      ['APPEL_IMAP_URL', saved.imap],
      ['DATABASE_URL', saved.database],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await client?.logout().catch(() => {});
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function mailbox() {
    await client.noop();
    const lock = await client.getMailboxLock('INBOX');
    try {
      const out: { uid: number; flags: Set<string> }[] = [];
      for await (const m of client.fetch('1:*', { uid: true, flags: true })) {
        out.push({ uid: m.uid, flags: m.flags ?? new Set() });
      }
      return out;
    } finally {
      lock.release();
    }
  }

  function tables() {
    const db = new Database(join(dataDir, 'appel.sqlite'), { readonly: true });
    try {
      return {
        submissions: db.prepare('select status, late from submissions').all() as {
          status: string;
          late: number;
        }[],
        ledger: db
          .prepare(
            'select source_kind, mailbox, uid, outcome, replied, received_at from messages order by uid',
          )
          .all() as {
          source_kind: string;
          mailbox: string;
          uid: number;
          outcome: string;
          replied: number;
          received_at: string;
        }[],
        outbox: (db.prepare('select count(*) as n from outbox').get() as { n: number }).n,
      };
    } finally {
      db.close();
    }
  }

  it('imports what is new, flags every message it processed, expunges nothing', async () => {
    const run = await cli(['mail', 'watch', '--once', '--data', dataDir]);
    assert.equal(run.code, 0, run.err);
    assert.match(
      run.out,
      /Messages read: 3 — new submissions: 1, new versions: 0, already received: 1, ignored: 1, errors: 0\./,
    );
    assert.doesNotMatch(`${run.out}\n${run.err}`, new RegExp(server.password));

    const t = tables();
    assert.deepEqual(t.submissions, [{ status: 'complete', late: 0 }]);
    assert.deepEqual(
      t.ledger.map((e) => [e.source_kind, e.mailbox, e.uid, e.outcome, e.replied]),
      [
        ['imap', 'INBOX', 1, 'submission', 1],
        ['imap', 'INBOX', 2, 'automatic', 0],
      ],
    );
    // Judged on the IMAP internal date (the time it reached the mailbox).
    assert.equal(t.ledger[0]?.received_at, arrived.toISOString());
    assert.equal(t.outbox, 1);

    const messages = await mailbox();
    assert.deepEqual(
      messages.map((m) => m.uid),
      [1, 2, 3],
    );
    for (const m of messages) {
      assert.ok(m.flags.has(IMPORTED_KEYWORD), `UID ${m.uid} lacks ${IMPORTED_KEYWORD}`);
      assert.ok(m.flags.has('\\Seen'));
      assert.ok(!m.flags.has('\\Deleted'));
    }
    const status = await client.status('INBOX', { messages: true });
    assert.ok(status);
    assert.equal(status.messages, 3);
  });

  it('a second watch --once imports nothing new', async () => {
    const before = tables();
    const run = await cli(['mail', 'watch', '--once', '--data', dataDir]);
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /Messages read: 0 — new submissions: 0, new versions: 0/);
    assert.deepEqual(tables(), before);
    assert.equal((await mailbox()).length, 3);
  });
});
