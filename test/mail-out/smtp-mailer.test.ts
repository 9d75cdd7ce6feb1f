import assert from 'node:assert/strict';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import PostalMime from 'postal-mime';
import { describeSmtpFailure, SmtpMailer } from '../../src/adapters/mail-out/smtp-mailer.js';
import type { OutgoingMail } from '../../src/ports/mailer.js';
import { header, rawHeaders, type SmtpSink, startSmtpSink } from './smtp-sink.js';

const FROM = { address: 'redaction@sociographe.example', name: 'Sociographe' };

function mailer(port: number): SmtpMailer {
  return new SmtpMailer({
    host: '127.0.0.1',
    port,
    from: FROM,
    timeouts: { connectionMs: 5_000, greetingMs: 5_000, socketMs: 5_000 },
  });
}

const receipt: OutgoingMail = {
  to: { address: 'camille@example.org', name: 'Camille\r\nBcc: x@y' },
  subject: 'Accusé de réception\r\nBcc: x@y',
  text: 'Bonjour,\n\nNous avons bien reçu votre message.\n',
  html: '<p>Bonjour,</p>',
  inReplyTo: '<orig-1@example.org>',
  references: ['<thread-0@example.org>', '<orig-1@example.org>'],
};

describe('SmtpMailer against a real SMTP server', () => {
  let sink: SmtpSink;
  before(async () => {
    sink = await startSmtpSink();
  });
  after(() => sink.close());

  it('delivers one message to the one recipient, with the thread and auto-reply headers', async () => {
    const m = mailer(sink.port);
    const sent = await m.send(receipt);
    await m.close();
    assert.match(sent.response, /^250/);
    assert.deepEqual(sent.accepted, ['camille@example.org']);
    assert.equal(sink.received.length, 1);
    const got = sink.received[0]!;
    assert.equal(got.mailFrom, FROM.address);
    assert.deepEqual(got.rcptTo, ['camille@example.org']);
    assert.deepEqual(header(got.raw, 'Auto-Submitted'), ['auto-replied']);
    assert.deepEqual(header(got.raw, 'In-Reply-To'), ['<orig-1@example.org>']);
    assert.deepEqual(header(got.raw, 'References'), ['<thread-0@example.org> <orig-1@example.org>']);
    assert.deepEqual(header(got.raw, 'X-Appel-Receipt'), ['1']);
    assert.deepEqual(header(got.raw, 'Message-ID'), [sent.messageId]);
    const names = rawHeaders(got.raw).map(([n]) => n.toLowerCase());
    assert.ok(!names.includes('bcc'), `no Bcc header: ${names.join(', ')}`);
    const parsed = await PostalMime.parse(got.raw);
    assert.equal(parsed.subject, 'Accusé de réception Bcc: x@y');
    assert.equal(parsed.to?.[0]?.name, 'Camille Bcc: x@y');
  });

  it('reports a refusal as MAIL_SEND_FAILED with the server’s code and no address', async () => {
    const failing = await startSmtpSink({ failFirst: 1 });
    const m = mailer(failing.port);
    try {
      await assert.rejects(m.send(receipt), (e: Error & { params?: Record<string, unknown> }) => {
        assert.match(e.message, /^MAIL_SEND_FAILED: .*451/);
        assert.equal(e.params?.responseCode, 451);
        assert.doesNotMatch(e.message, /camille|example\.org/);
        return true;
      });
      assert.equal(failing.received.length, 0);
    } finally {
      await m.close();
      await failing.close();
    }
  });

  it('gives up within its timeouts when a server accepts the connection but never greets', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket)); // accepts, then says nothing
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const m = new SmtpMailer({
      host: '127.0.0.1',
      port,
      from: FROM,
      timeouts: { connectionMs: 500, greetingMs: 500, socketMs: 500 },
    });
    const started = Date.now();
    try {
      await assert.rejects(m.send(receipt), /MAIL_SEND_FAILED/);
      assert.ok(Date.now() - started < 5_000);
    } finally {
      await m.close();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

describe('describeSmtpFailure', () => {
  it('keeps the server’s words without the addresses they quote', () => {
    const d = describeSmtpFailure({
      code: 'EENVELOPE',
      responseCode: 550,
      response: '550 5.1.1 <jean.dupont@example.org>: Recipient address rejected',
    });
    assert.equal(d.responseCode, 550);
    assert.equal(d.detail, '550 5.1.1 <[address]>: Recipient address rejected (EENVELOPE)');
  });
});
