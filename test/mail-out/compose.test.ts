import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import PostalMime from 'postal-mime';
import { composeMessage } from '../../src/adapters/mail-out/compose.js';
import { safeMessageId, safeReferences } from '../../src/adapters/mail-out/header-safety.js';
import type { OutgoingMail } from '../../src/ports/mailer.js';
import { header, rawHeaders } from './smtp-sink.js';

const FROM = { address: 'redaction@sociographe.example', name: 'Sociographe' };
const DATE = new Date('2022-08-25T12:05:00Z');

function mail(over: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    to: { address: 'camille@example.org', name: 'Camille Durand' },
    subject: 'Accusé de réception\u00a0: votre proposition',
    text: 'Bonjour,\n\nNous avons bien reçu votre message.\n',
    html: '<p>Bonjour,</p>',
    inReplyTo: '<orig-1@example.org>',
    references: ['<thread-0@example.org>'],
    ...over,
  };
}

describe('composeMessage', () => {
  it('marks the message as an automatic reply in the thread, with our own Message-ID', async () => {
    const { raw, messageId, envelope } = await composeMessage(mail(), { from: FROM, date: DATE });
    assert.deepEqual(header(raw, 'Auto-Submitted'), ['auto-replied']);
    assert.deepEqual(header(raw, 'X-Appel-Receipt'), ['1']);
    assert.deepEqual(header(raw, 'In-Reply-To'), ['<orig-1@example.org>']);
    assert.deepEqual(header(raw, 'References'), ['<thread-0@example.org> <orig-1@example.org>']);
    assert.match(messageId, /^<[0-9a-f-]+@sociographe\.example>$/);
    assert.deepEqual(header(raw, 'Message-ID'), [messageId]);
    assert.deepEqual(envelope, { from: FROM.address, to: ['camille@example.org'] });
    assert.match(raw.toString(), /\r\n/);
    assert.doesNotMatch(raw.toString(), /[^\r]\n/, 'every line ends with CRLF');
  });

  it('builds text and HTML alternatives that a mail parser reads back', async () => {
    const { raw } = await composeMessage(mail(), { from: FROM, date: DATE });
    const parsed = await PostalMime.parse(raw);
    assert.equal(parsed.subject, 'Accusé de réception\u00a0: votre proposition');
    // The line break before a MIME boundary belongs to the boundary; parsers differ on keeping it.
    assert.equal(parsed.text?.trimEnd(), 'Bonjour,\n\nNous avons bien reçu votre message.');
    assert.equal(parsed.html?.trimEnd(), '<p>Bonjour,</p>');
    assert.equal(parsed.from?.address, FROM.address);
    assert.equal(parsed.to?.[0]?.address, 'camille@example.org');
    assert.equal(parsed.to?.[0]?.name, 'Camille Durand');
  });

  it('keeps a given Message-ID (stable across retries)', async () => {
    const { messageId, raw } = await composeMessage(
      mail({ messageId: '<appel.7.abc@sociographe.example>' }),
      {
        from: FROM,
      },
    );
    assert.equal(messageId, '<appel.7.abc@sociographe.example>');
    assert.deepEqual(header(raw, 'Message-ID'), [messageId]);
  });

  it('lets no header be injected through a name, a subject or a thread id', async () => {
    const { raw, envelope } = await composeMessage(
      mail({
        to: { address: 'camille@example.org', name: 'Camille\r\nBcc: x@y' },
        subject: 'Hello\r\nBcc: x@y\nX-Evil: 1\rCc: z@y',
        inReplyTo: '<a@b>\r\nBcc: x@y',
        references: ['<ok@example.org>', '<bad\r\nBcc: x@y@example.org>', 'Bcc: x@y'],
        replyTo: { address: 'coord@sociographe.example', name: 'Coord\u0000\u2028Bcc: x@y' },
      }),
      { from: FROM, date: DATE },
    );
    const names = rawHeaders(raw).map(([n]) => n.toLowerCase());
    assert.ok(!names.includes('bcc') && !names.includes('cc') && !names.includes('x-evil'), names.join(','));
    assert.deepEqual(envelope.to, ['camille@example.org']);
    assert.deepEqual(header(raw, 'References'), ['<ok@example.org>']);
    assert.deepEqual(header(raw, 'In-Reply-To'), []);
    const parsed = await PostalMime.parse(raw);
    assert.equal(parsed.to?.[0]?.name, 'Camille Bcc: x@y');
    assert.equal(parsed.subject, 'Hello Bcc: x@y X-Evil: 1 Cc: z@y');
  });

  it('refuses an address that is not a plain addr-spec, naming only the field', async () => {
    for (const address of [
      '"a@evil.example x"@journal.example',
      'camille@example.org\r\nBcc: x@y',
      'camille@example.org, x@y',
      'Camille <camille@example.org>',
      'no-at-sign',
      '',
    ]) {
      await assert.rejects(composeMessage(mail({ to: { address } }), { from: FROM }), (e: Error) => {
        assert.match(e.message, /^MAIL_ADDRESS_INVALID: .*\(to\)/);
        assert.ok(!e.message.includes('evil') && !e.message.includes('camille'), 'the address is not echoed');
        return true;
      });
    }
  });

  it('accepts addresses with accents and sub-domains', async () => {
    const { envelope } = await composeMessage(mail({ to: { address: 'hélène.dupré@mél.univ-example.fr' } }), {
      from: FROM,
    });
    assert.deepEqual(envelope.to, ['hélène.dupré@mél.univ-example.fr']);
  });
});

describe('thread ids', () => {
  it('are kept only when they are Message-IDs', () => {
    assert.equal(safeMessageId('abc@example.org'), '<abc@example.org>');
    assert.equal(safeMessageId(' <abc@example.org> '), '<abc@example.org>');
    assert.equal(safeMessageId('<a b@example.org>'), null);
    assert.equal(safeMessageId('<abc\u0000@example.org>'), null);
    assert.equal(safeMessageId('<abc>'), null);
  });

  it('keep the first and the most recent when a thread is long', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `<m${i}@example.org>`);
    const kept = safeReferences(ids);
    assert.equal(kept.length, 20);
    assert.equal(kept[0], '<m0@example.org>');
    assert.equal(kept.at(-1), '<m29@example.org>');
  });
});
