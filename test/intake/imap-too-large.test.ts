import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import type { ImapFlow } from 'imapflow';
import { IMPORTED_KEYWORD, ImapSource } from '../../src/adapters/mail-in/imap-source.js';
import { importMailbox } from '../../src/app/import-mailbox.js';
import { cli } from '../helpers/cli.js';
import { dovecotAvailable, type ImapServer, imapClient, startImapServer } from '../helpers/imap-server.js';
import { docxAttachment, mailFrom, manuscriptDocx, PEOPLE } from './support/fixtures.js';
import {
  type DialectName,
  forEachDialect,
  openWorld,
  plain,
  readLetters,
  type World,
} from './support/world.js';

/**
 * A message over the size cap, against a private Dovecot: recorded once, answered once (French,
 * then English), flagged so that the next poll does not fetch it again, and never read beyond its
 * header. The IMAP traffic goes through a counting relay: what the server sent is measured, so a
 * body fetched by mistake (27 MB here) cannot go unnoticed. Without Dovecot the tests fail under CI
 * and are skipped, loudly, elsewhere.
 */
const available = dovecotAvailable('over-size IMAP messages');

const MiB = 1024 * 1024;
const PUBLIC = 'https://appel.sociographe.example';
const arrived = new Date('2022-08-20T08:30:00Z');

/** A relay in front of Dovecot that counts the bytes the server sends. */
async function countingRelay(target: { host: string; port: number }) {
  let received = 0;
  const server: Server = createServer((client) => {
    const upstream = createConnection(target);
    upstream.on('data', (chunk: Buffer) => {
      received += chunk.length;
    });
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    /** Bytes the server sent since the last call. */
    take() {
      const n = received;
      received = 0;
      return n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function flagsByUid(client: ImapFlow): Promise<Map<number, Set<string>>> {
  await client.noop();
  const lock = await client.getMailboxLock('INBOX');
  try {
    const out = new Map<number, Set<string>>();
    for await (const m of client.fetch('1:*', { uid: true, flags: true }))
      out.set(m.uid, m.flags ?? new Set());
    return out;
  } finally {
    lock.release();
  }
}

/** A message of about `mib` MiB: a manuscript and the photos that make it too heavy. */
async function heavyMail(mib: number, headers: Record<string, string> = {}) {
  return mailFrom({
    from: PEOPLE.nadia,
    subject: 'Ma proposition, avec les photos',
    messageId: '<nadia.lourd@exemple.fr>',
    headers,
    attachments: [
      docxAttachment('benali.docx', await manuscriptDocx(51)),
      // base64 makes it a third larger on the wire, as a mail program would.
      {
        filename: 'photos.jpg',
        content: Buffer.alloc(Math.round(mib * MiB * 0.75), 0x5a),
        contentType: 'image/jpeg',
      },
    ],
  });
}

describe('appel mail watch and an over-size message (Dovecot)', {
  skip: !available && 'Dovecot is not installed',
}, () => {
  let server: ImapServer;
  let relay: Awaited<ReturnType<typeof countingRelay>>;
  let client: ImapFlow;
  let dataDir: string;
  let heavySize = 0;
  const saved = {
    imap: process.env.APPEL_IMAP_URL,
    database: process.env.DATABASE_URL,
    smtp: process.env.APPEL_SMTP_URL,
    publicUrl: process.env.APPEL_PUBLIC_URL,
  };

  before(async () => {
    server = await startImapServer();
    relay = await countingRelay(server);
    dataDir = await mkdtemp(join(tmpdir(), 'appel-too-large-'));
    client = imapClient(server);
    await client.connect();
    // Over the default cap (25 MiB): 27 MiB.
    const heavy = await heavyMail(27);
    assert.ok(heavy.length > 25 * MiB);
    const fine = await mailFrom({
      from: PEOPLE.claire,
      messageId: '<claire.leger@exemple.fr>',
      attachments: [docxAttachment('fontaine.docx', await manuscriptDocx(52))],
    });
    await client.append('INBOX', heavy, [], arrived);
    await client.append('INBOX', fine, [], arrived);
    // The size as the server counts it (its own line ends), which is what the ledger keeps.
    const lock = await client.getMailboxLock('INBOX');
    try {
      const stored = await client.fetchOne('1', { uid: true, size: true }, { uid: true });
      heavySize = stored ? (stored.size ?? 0) : 0;
    } finally {
      lock.release();
    }

    const user = encodeURIComponent(server.user);
    const password = encodeURIComponent(server.password);
    process.env.APPEL_IMAP_URL = `imap://${user}:${password}@127.0.0.1:${relay.port}/INBOX?tls=none`;
    process.env.APPEL_PUBLIC_URL = PUBLIC;
    // The embedded default: SQLite in the data folder, letters written to DATA/outbox.
    delete process.env.DATABASE_URL;
    delete process.env.APPEL_SMTP_URL;
    relay.take();
  });

  after(async () => {
    for (const [key, value] of [
      ['APPEL_IMAP_URL', saved.imap],
      ['DATABASE_URL', saved.database],
      ['APPEL_SMTP_URL', saved.smtp],
      ['APPEL_PUBLIC_URL', saved.publicUrl],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await client?.logout().catch(() => {});
    await relay?.close();
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  function tables() {
    const db = new Database(join(dataDir, 'appel.sqlite'), { readonly: true });
    try {
      return {
        submissions: (db.prepare('select count(*) as n from submissions').get() as { n: number }).n,
        ledger: db
          .prepare('select uid, outcome, replied, detail, received_at from messages order by uid')
          .all() as { uid: number; outcome: string; replied: number; detail: string; received_at: string }[],
        outbox: (db.prepare('select count(*) as n from outbox').get() as { n: number }).n,
      };
    } finally {
      db.close();
    }
  }

  it('records it once, queues one letter, flags it, and never fetches its body', async () => {
    const run = await cli(['mail', 'watch', '--once', '--data', dataDir]);
    const sent = relay.take();
    assert.equal(run.code, 0, run.err);
    assert.match(
      run.out,
      /Messages read: 2 — new submissions: 1, new versions: 0, already received: 0, ignored: 0, errors: 0\.\nToo large, not read: 1 /,
    );
    assert.equal(run.err, '', 'nothing left to name on stderr');
    assert.ok(sent < MiB, `the server sent ${sent} bytes: the ${heavySize}-byte message was fetched`);

    const t = tables();
    assert.equal(t.submissions, 1, 'the light message only');
    assert.deepEqual(
      t.ledger.map((e) => [e.uid, e.outcome, e.replied]),
      [
        [1, 'too-large', 1],
        [2, 'submission', 1],
      ],
    );
    assert.deepEqual(JSON.parse(t.ledger[0]?.detail ?? '{}'), { size: heavySize, max: 25 * MiB });
    assert.equal(t.ledger[0]?.received_at, arrived.toISOString());
    assert.equal(t.outbox, 2);

    const flags = await flagsByUid(client);
    for (const uid of [1, 2]) assert.ok(flags.get(uid)?.has(IMPORTED_KEYWORD), `UID ${uid} is flagged`);
  });

  it('a second poll fetches nothing and answers nothing', async () => {
    const before = tables();
    const run = await cli(['mail', 'watch', '--once', '--data', dataDir]);
    const sent = relay.take();
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /Messages read: 0 — /);
    assert.ok(sent < 64 * 1024, `the server sent ${sent} bytes`);
    assert.deepEqual(tables(), before);
  });

  it('the worker sends one letter: French first, then English, the limit in MB and how to send again', async () => {
    for (let i = 0; i < 2; i++) {
      const run = await cli(['worker', '--once', '--data', dataDir]);
      assert.equal(run.code, 0, run.err);
    }
    const letters = (await readLetters(join(dataDir, 'outbox'))).filter((l) => l.to === PEOPLE.nadia.address);
    assert.equal(letters.length, 1);
    const [letter] = letters;
    assert.ok(letter);
    assert.equal(
      letter.subject,
      'Votre message pour Sociographe n° 81 est trop lourd / Your message for Sociographe no. 81 is too large',
    );
    assert.equal(letter.autoSubmitted, 'auto-replied');
    assert.equal(letter.inReplyTo, '<nadia.lourd@exemple.fr>');
    const text = plain(letter.text);
    const french = text.indexOf('Bonjour Nadia Benali,');
    const english = text.indexOf('Hello Nadia Benali,');
    assert.ok(french >= 0 && english > french, text);
    assert.match(
      text,
      /il pèse 27[,\d]* Mo, et notre boîte aux lettres ne reçoit pas les messages de plus de 25 Mo/,
    );
    assert.match(text, /our mailbox does not take messages over 25 MB/);
    assert.match(text, /Envoyez le fichier Word de votre texte seul/);
    assert.match(text, /retirez-en les images/);
    assert.match(text, new RegExp(`formulaire en ligne : ${PUBLIC}/deposer\\n`));
  });
});

function crashSuite(dialect: DialectName): void {
  describe(`an over-size message, crash-safe (Dovecot, ${dialect})`, {
    skip: !available && 'Dovecot is not installed',
  }, () => {
    let server: ImapServer;
    let client: ImapFlow;
    let world: World;
    const limits = { maxMessageBytes: 64 * 1024 };

    before(async () => {
      server = await startImapServer();
      client = imapClient(server);
      await client.connect();
      world = await openWorld(dialect);
      await client.append('INBOX', await heavyMail(0.2), [], arrived);
      // A robot's over-size message: recorded, never answered (RFC 3834).
      await client.append('INBOX', await heavyMail(0.2, { 'Auto-Submitted': 'auto-generated' }), [], arrived);
    });

    after(async () => {
      await client?.logout().catch(() => {});
      await server?.stop();
      await world?.close();
    });

    const settings = () =>
      ({
        host: server.host,
        port: server.port,
        user: server.user,
        password: server.password,
        security: 'none',
        limits,
      }) as const;

    async function poll(flag: boolean) {
      const source = await ImapSource.connect(settings());
      try {
        return await importMailbox(source.fetchNew('INBOX'), world.deps, {
          ...(flag ? { afterCommit: (raw) => source.markProcessed(raw.source) } : {}),
          onError: (code) => world.errors.push(code),
        });
      } finally {
        await source.close();
      }
    }

    // PostgreSQL gives bigint columns back as strings: compared as numbers.
    const ledger = async () =>
      (
        await world.handle.db
          .selectFrom('messages')
          .select(['uid', 'outcome', 'replied'])
          .orderBy('uid')
          .execute()
      ).map((e) => ({ uid: Number(e.uid), outcome: e.outcome, replied: Number(e.replied) }));

    it('dies after the commit, before the flag: the next poll finds it known, and one letter goes', async () => {
      // The process "dies" after each commit: nothing is flagged.
      const first = await poll(false);
      assert.deepEqual([first.messages, first.tooLarge, first.ignored, first.errors], [2, 2, 0, 0]);
      assert.deepEqual(await ledger(), [
        { uid: 1, outcome: 'too-large', replied: 1 },
        { uid: 2, outcome: 'too-large', replied: 0 },
      ]);
      assert.equal(await world.count('outbox'), 1);
      assert.equal((await flagsByUid(client)).get(1)?.has(IMPORTED_KEYWORD), false);

      // Started again: both are fetched (their headers) once more, known, and flagged this time.
      const second = await poll(true);
      assert.deepEqual([second.messages, second.duplicates, second.errors], [2, 2, 0]);
      assert.equal((await ledger()).length, 2);
      assert.equal(await world.count('outbox'), 1);
      const flags = await flagsByUid(client);
      for (const uid of [1, 2]) assert.ok(flags.get(uid)?.has(IMPORTED_KEYWORD));

      const third = await poll(true);
      assert.equal(third.messages, 0, 'never fetched again');

      // The letter was queued with the record: the worker sends it, once, however often it runs.
      await world.drain();
      await world.drain();
      const letters = await world.letters();
      assert.equal(letters.length, 1);
      assert.equal(letters[0]?.to, PEOPLE.nadia.address);
      assert.match(
        letters[0]?.text ?? '',
        /notre boîte aux lettres ne reçoit pas les messages de plus de 64 Ko/,
      );
      // No public address in this world: the letter names no form.
      assert.doesNotMatch(letters[0]?.text ?? '', /formulaire en ligne/);
      assert.equal(await world.count('submissions'), 0);
      assert.deepEqual(world.errors, []);
    });
  });
}

await forEachDialect(crashSuite);
