import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ImapFlow } from 'imapflow';
import { IMPORTED_KEYWORD, type ImapSettings, ImapSource } from '../../src/adapters/mail-in/imap-source.js';
import { parseMessage } from '../../src/adapters/mail-in/parse-message.js';
import {
  type RawMessage,
  type SourceItem,
  sha256Hex,
  type TooLargeItem,
} from '../../src/adapters/mail-in/raw-message.js';
import { isAppError } from '../../src/domain/shared/errors.js';
import { dovecotAvailable, type ImapServer, startImapServer } from '../helpers/imap-server.js';
import { composeEml, rawMail, sampleDocx } from '../helpers/mail-fixtures.js';

/**
 * The IMAP source against a real Dovecot started for these tests. Without Dovecot the tests fail
 * under CI (which must install it) and are skipped, loudly, on a developer's machine.
 */
const available = dovecotAvailable('IMAP source');

async function collect(items: AsyncIterable<Item>): Promise<Item[]> {
  const out: Item[] = [];
  for await (const item of items) out.push(item);
  return out;
}
/** IMAP stores CRLF line ends: a bare LF sent in an APPEND comes back as CRLF. */
const crlf = (b: Buffer) => Buffer.from(b.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');
type Item = SourceItem | TooLargeItem;
const messages = (items: Item[]): RawMessage[] =>
  items.flatMap((i) => (i.type === 'message' ? [i.message] : []));

describe('IMAP source (Dovecot)', { skip: !available && 'Dovecot is not installed' }, () => {
  let server: ImapServer;
  let client: ImapFlow;
  let settings: ImapSettings;
  const raws: Buffer[] = [];
  const dates = [
    new Date('2025-03-01T22:59:00Z'),
    new Date('2025-03-01T23:30:00Z'),
    new Date('2025-03-02T08:00:00Z'),
  ];

  before(async () => {
    server = await startImapServer();
    settings = {
      host: server.host,
      port: server.port,
      user: server.user,
      password: server.password,
      security: 'none',
    };
    client = new ImapFlow({
      ...settings,
      secure: false,
      doSTARTTLS: false,
      auth: { user: server.user, pass: server.password },
      logger: false,
    });
    await client.connect();
    raws.push(
      await composeEml({ attachments: [{ filename: 'article.docx', content: await sampleDocx() }] }),
      rawMail(['From: jean@example.fr', 'Subject: deux', 'Message-ID: <m2@example.fr>'], 'Deuxième.'),
      rawMail(['From: lea@example.fr', 'Subject: trois', 'Message-ID: <m3@example.fr>'], 'Troisième.'),
    );
    // The second one was already opened by a coordinator in their mail program.
    await client.append('INBOX', raws[0] as Buffer, [], dates[0]);
    await client.append('INBOX', raws[1] as Buffer, ['\\Seen'], dates[1]);
    await client.append('INBOX', raws[2] as Buffer, [], dates[2]);
  });

  after(async () => {
    await client?.logout().catch(() => {});
    await server?.stop();
  });

  async function count(mailbox: string): Promise<number | undefined> {
    // The test's own session sees another session's changes to its selected mailbox after a NOOP.
    await client.noop();
    const status = await client.status(mailbox, { messages: true });
    return status ? status.messages : undefined;
  }

  async function flagsOf(uid: number): Promise<Set<string>> {
    const lock = await client.getMailboxLock('INBOX');
    try {
      const m = await client.fetchOne(String(uid), { uid: true, flags: true }, { uid: true });
      return m ? (m.flags ?? new Set()) : new Set();
    } finally {
      lock.release();
    }
  }

  it('fetches every message not yet imported, with UID, UIDVALIDITY, internal date and exact bytes', async () => {
    const source = await ImapSource.connect(settings);
    try {
      const got = messages(await collect(source.fetchNew('INBOX')));
      assert.equal(got.length, 3);
      const status = await client.status('INBOX', { uidValidity: true });
      assert.ok(status);
      got.forEach((m, i) => {
        assert.equal(m.source.kind, 'imap');
        assert.equal(m.source.mailbox, 'INBOX');
        assert.equal(m.source.uidValidity, Number(status.uidValidity));
        assert.equal(m.source.uid, i + 1);
        assert.deepEqual(m.bytes, crlf(raws[i] as Buffer));
        assert.equal(m.sha256, sha256Hex(m.bytes));
        assert.equal(m.receivedAt?.toISOString(), dates[i]?.toISOString());
        assert.equal(m.receivedAtSource, 'imap-internal-date');
        assert.doesNotMatch(m.source.location, new RegExp(server.password));
      });
      // Reading set nothing: the first message is still unread.
      assert.ok(!(await flagsOf(1)).has('\\Seen'));
      const parsed = await parseMessage(got[0] as RawMessage);
      assert.equal(parsed.receivedAtSource, 'imap-internal-date');
      assert.equal(parsed.attachments[0]?.kind, 'docx');
    } finally {
      await source.close();
    }
  });

  it('marks processed messages; they are not fetched again, and nothing is expunged', async () => {
    const source = await ImapSource.connect(settings);
    try {
      const [first, second] = messages(await collect(source.fetchNew('INBOX')));
      assert.ok(first && second);
      await source.markProcessed(first.source);
      await source.markProcessed(second.source);
      const flags = await flagsOf(1);
      assert.ok(flags.has('\\Seen') && flags.has(IMPORTED_KEYWORD));
      const again = messages(await collect(source.fetchNew('INBOX')));
      assert.deepEqual(
        again.map((m) => m.source.uid),
        [3],
      );
      assert.equal(await count('INBOX'), 3);
      assert.ok(!(await flagsOf(1)).has('\\Deleted'));
    } finally {
      await source.close();
    }
  });

  it('refuses to mark a message when the mailbox was renumbered (UIDVALIDITY changed)', async () => {
    const source = await ImapSource.connect(settings);
    try {
      const [third] = messages(await collect(source.fetchNew('INBOX')));
      assert.ok(third);
      await assert.rejects(
        source.markProcessed({ ...third.source, uidValidity: (third.source.uidValidity ?? 0) + 1 }),
        (e) => isAppError(e) && e.code === 'IMAP_UIDVALIDITY_CHANGED',
      );
      assert.ok(!(await flagsOf(3)).has(IMPORTED_KEYWORD));
    } finally {
      await source.close();
    }
  });

  it('hands over a message over the size cap with its UID and its header alone, never its body', async () => {
    const source = await ImapSource.connect({ ...settings, limits: { maxMessageBytes: 50 } });
    try {
      const items = await collect(source.fetchNew('INBOX'));
      assert.equal(items.length, 1);
      const [item] = items;
      assert.ok(item?.type === 'too-large', JSON.stringify(item?.type));
      assert.equal(item.message.source.uid, 3);
      assert.equal(item.size, (raws[2] as Buffer).length);
      assert.equal(item.max, 50);
      assert.deepEqual(item.message.receivedAt, dates[2]);
      const header = item.message.bytes.toString('latin1');
      assert.equal(header, 'From: lea@example.fr\r\nSubject: trois\r\nMessage-ID: <m3@example.fr>\r\n\r\n');
      assert.doesNotMatch(header, /Troisième/);
      assert.equal(item.message.sha256, sha256Hex(item.message.bytes));
    } finally {
      await source.close();
    }
  });

  it('can move a processed message to a folder (created when missing), with MOVE only', async () => {
    const source = await ImapSource.connect({ ...settings, moveTo: 'Importés' });
    try {
      const [third] = messages(await collect(source.fetchNew('INBOX')));
      assert.ok(third);
      await source.markProcessed(third.source);
      assert.equal(await count('INBOX'), 2);
      assert.equal(await count('Importés'), 1);
      assert.deepEqual(await collect(source.fetchNew('INBOX')), []);
      assert.deepEqual(await collect(source.fetchNew('Importés')), []);
    } finally {
      await source.close();
    }
  });

  it('no session expunged anything, by Dovecot’s own count', async () => {
    // Each finished session logs "deleted=… expunged=…"; the move above must not count as one.
    let log = '';
    for (let i = 0; i < 20 && !/Logged out/.test(log); i++) {
      await new Promise((r) => setTimeout(r, 100));
      log = await server.log();
    }
    const counts = [...log.matchAll(/expunged=(\d+)/g)].map((m) => Number(m[1]));
    assert.ok(counts.length >= 4, log);
    assert.deepEqual(
      counts.filter((n) => n > 0),
      [],
    );
  });

  it('says so, with a code, when the login fails or a plain-text login would leave the machine', async () => {
    await assert.rejects(
      ImapSource.connect({ ...settings, password: 'faux' }),
      (e) => isAppError(e) && e.code === 'IMAP_CONNECTION_FAILED' && !e.message.includes('faux'),
    );
    await assert.rejects(
      ImapSource.connect({ ...settings, host: 'imap.example.org' }),
      (e) => isAppError(e) && e.code === 'IMAP_CONNECTION_FAILED',
    );
  });
});
