import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMessage } from '../../src/adapters/mail-in/parse-message.js';
import { sha256Hex } from '../../src/adapters/mail-in/raw-message.js';
import { composeEml, rawMail, sampleDocx } from '../helpers/mail-fixtures.js';

describe('parsing a message', () => {
  it('gives the sender, recipients, subject, identifiers and the manuscript recognised by content', async () => {
    const docx = await sampleDocx();
    const bytes = await composeEml({
      inReplyTo: '<receipt-1@journal.example>',
      references: ['<m0@example.fr>', '<receipt-1@journal.example>'],
      attachments: [
        { filename: 'article.docx', content: docx },
        // A Word file named and declared as a PDF is still a Word file.
        { filename: 'scan.pdf', content: docx, contentType: 'application/pdf' },
      ],
    });
    const m = await parseMessage({ bytes, sha256: sha256Hex(bytes) });
    assert.deepEqual(m.from, { address: 'marie.dupont@example.fr', name: 'Marie Dupont' });
    assert.deepEqual(m.to, [{ address: 'appel@journal.example', name: 'Sociographe' }]);
    assert.equal(m.subject, 'Proposition d’article pour le n° 81');
    assert.equal(m.messageId, '<m1@example.fr>');
    assert.equal(m.inReplyTo, '<receipt-1@journal.example>');
    assert.deepEqual(m.references, ['<m0@example.fr>', '<receipt-1@journal.example>']);
    assert.equal(m.dateHeader?.toISOString(), '2025-03-01T10:00:00.000Z');
    assert.equal(m.textFrom, 'plain');
    assert.match(m.text, /Veuillez trouver ci-joint/);
    assert.equal(m.language, 'fr');
    assert.deepEqual(
      m.attachments.map((a) => [a.filename, a.kind, a.contentType]),
      [
        ['article.docx', 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
        ['scan.pdf', 'docx', 'application/pdf'],
      ],
    );
    assert.equal(m.attachments[0]?.sha256, sha256Hex(docx));
    assert.deepEqual(m.attachments[0]?.bytes, docx);
    assert.deepEqual(m.problems, []);
    assert.equal(m.sha256, sha256Hex(bytes));
  });

  it('takes the reception time from the topmost Received header, not from the Date header', async () => {
    const bytes = rawMail([
      'Delivered-To: appel81@journal.example',
      'Return-Path: <a@example.fr>',
      'Received: from mx.journal.example by imap.journal.example; Sat, 1 Mar 2025 23:59:58 +0100 (CET)',
      'Received: from sender.example by mx.sender.example; Fri, 28 Feb 2025 08:00:00 +0100',
      'From: a@example.fr',
      'Date: Fri, 28 Feb 2025 08:00:00 +0100',
    ]);
    const m = await parseMessage({
      bytes,
      receivedAt: new Date('2025-03-02T00:00:00Z'),
      receivedAtSource: 'imap-internal-date',
    });
    assert.equal(m.receivedAt?.toISOString(), '2025-03-01T22:59:58.000Z');
    assert.equal(m.receivedAtSource, 'received-header');
    assert.equal(m.dateHeader?.toISOString(), '2025-02-28T07:00:00.000Z');
    assert.equal(m.deliveredTo, 'appel81@journal.example');
    assert.equal(m.returnPath, 'a@example.fr');
  });

  it('falls back on the IMAP internal date (or file time), then on the Date header, and says so', async () => {
    const bytes = rawMail(['From: a@example.fr', 'Date: Fri, 28 Feb 2025 08:00:00 +0000']);
    const internal = new Date('2025-03-01T12:00:00Z');
    const withInternal = await parseMessage({
      bytes,
      receivedAt: internal,
      receivedAtSource: 'imap-internal-date',
    });
    assert.equal(withInternal.receivedAtSource, 'imap-internal-date');
    assert.equal(withInternal.receivedAt?.getTime(), internal.getTime());
    const bare = await parseMessage({ bytes });
    assert.equal(bare.receivedAtSource, 'date-header');
    const none = await parseMessage({ bytes: rawMail(['From: a@example.fr']) });
    assert.equal(none.receivedAt, undefined);
    assert.equal(none.receivedAtSource, undefined);
  });

  it('reads the headers that mark automatic mail, and our server’s DMARC verdict only', async () => {
    const bytes = rawMail([
      'Authentication-Results: mx.journal.example; spf=fail; dmarc=fail (p=reject) header.from=example.fr',
      'Authentication-Results: mx.journal.example.evil; dmarc=pass',
      'Return-Path: <>',
      'From: MAILER-DAEMON@mx.example.fr',
      'Auto-Submitted: auto-replied',
      'Precedence: bulk',
      'List-Id: <liste.example.fr>',
      'List-Unsubscribe: <mailto:x@example.fr>',
      'X-Autoreply: yes',
      'X-Auto-Response-Suppress: All',
      'X-Appel-Receipt: receipt',
      'Content-Type: text/plain; charset=utf-8',
    ]);
    const m = await parseMessage({ bytes });
    assert.equal(m.dmarc, 'fail');
    assert.equal((await parseMessage({ bytes }, { authservId: 'mx.journal.example.evil' })).dmarc, 'pass');
    assert.deepEqual(m.automation, {
      listHeaders: ['list-id', 'list-unsubscribe'],
      returnPathEmpty: true,
      autoSubmitted: 'auto-replied',
      precedence: 'bulk',
      xAutoreply: 'yes',
      xAutoResponseSuppress: 'All',
      appelReceipt: 'receipt',
      returnPath: '<>',
      contentType: 'text/plain',
    });
    assert.equal(m.returnPath, undefined);
  });

  it('reads the text of an HTML-only message, without scripts, styles or tags', async () => {
    const html =
      '<html><head><style>p{color:red}</style><title>t</title></head><body><p>Bonjour,</p><p>Tél&nbsp;: 06&#160;12 34 56 78<br>12 rue des Lilas<br>75011 Paris</p><script>alert(1)</script><!-- caché --></body></html>';
    const bytes = rawMail(['From: a@example.fr', 'Content-Type: text/html; charset=utf-8'], html);
    const m = await parseMessage({ bytes });
    assert.equal(m.textFrom, 'html');
    assert.equal(m.text, 'Bonjour,\n\nTél\u00a0: 06\u00a012 34 56 78\n12 rue des Lilas\n75011 Paris');
  });

  it('survives unclosed comments and scripts repeated many times in HTML', async () => {
    const html = `<p>Bonjour</p>${'<!--<script>'.repeat(20_000)}`;
    const m = await parseMessage({ bytes: rawMail(['From: a@example.fr', 'Content-Type: text/html'], html) });
    assert.equal(m.text, 'Bonjour');
  });

  it('guesses English for a message written in English', async () => {
    const m = await parseMessage({
      bytes: await composeEml({
        subject: 'Paper submission',
        text: 'Dear editors,\nPlease find attached my paper for the call. Thank you and kind regards.',
      }),
    });
    assert.equal(m.language, 'en');
  });
});
