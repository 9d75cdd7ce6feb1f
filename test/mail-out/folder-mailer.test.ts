import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import PostalMime from 'postal-mime';
import { emlFileName, FolderMailer } from '../../src/adapters/mail-out/folder-mailer.js';
import { header } from './smtp-sink.js';

const FROM = { address: 'redaction@sociographe.example', name: 'Sociographe' };
const root = mkdtempSync(join(tmpdir(), 'appel-outbox-'));
after(() => rmSync(root, { recursive: true, force: true }));

describe('FolderMailer', () => {
  it('writes a parseable .eml named after the Message-ID, and nothing else', async () => {
    const dir = join(root, 'outbox-1');
    const m = new FolderMailer(dir, { from: FROM });
    const sent = await m.send({
      to: { address: 'camille@example.org', name: 'Camille Durand' },
      subject: 'Accusé de réception',
      text: 'Bonjour,\n',
      html: '<p>Bonjour,</p>',
      inReplyTo: '<orig@example.org>',
      messageId: '<appel.1.abcdef@sociographe.example>',
    });
    assert.deepEqual(readdirSync(dir), ['appel.1.abcdef_at_sociographe.example.eml']);
    const raw = readFileSync(join(dir, 'appel.1.abcdef_at_sociographe.example.eml'));
    const parsed = await PostalMime.parse(raw);
    assert.equal(parsed.messageId, sent.messageId);
    assert.equal(parsed.subject, 'Accusé de réception');
    assert.equal(parsed.inReplyTo, '<orig@example.org>');
    assert.equal(parsed.text?.trimEnd(), 'Bonjour,');
    assert.deepEqual(header(raw, 'Auto-Submitted'), ['auto-replied']);
    if (process.platform !== 'win32') assert.equal(statSync(join(dir, readdirSync(dir)[0]!)).mode & 0o077, 0);
  });

  it('keeps one file when the same message is written again (a retry after a crash)', async () => {
    const dir = join(root, 'outbox-2');
    const m = new FolderMailer(dir, { from: FROM });
    const mail = {
      to: { address: 'camille@example.org' },
      subject: 'Reçu',
      text: 'Bonjour,\n',
      messageId: '<appel.2.abc@sociographe.example>',
    };
    await m.send(mail);
    await m.send(mail);
    assert.deepEqual(readdirSync(dir), ['appel.2.abc_at_sociographe.example.eml']);
  });

  it('fails with a coded error when the folder cannot be written', async () => {
    const blocker = join(root, 'not-a-folder');
    writeFileSync(blocker, 'x');
    const m = new FolderMailer(join(blocker, 'outbox'), { from: FROM });
    await assert.rejects(
      m.send({ to: { address: 'camille@example.org' }, subject: 'x', text: 'x' }),
      /DATA_DIR_UNUSABLE/,
    );
  });

  it('names files with safe characters only', () => {
    assert.equal(emlFileName('<../../etc/passwd@x>'), '_.._etc_passwd_at_x.eml');
    assert.match(emlFileName('<a/b\\c\u0000d@évil>'), /^[A-Za-z0-9._-]+\.eml$/);
    assert.equal(emlFileName('<>'), 'message.eml');
  });
});
