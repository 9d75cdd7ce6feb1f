import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAddrSpec } from '../../src/adapters/mail-in/parse-addresses.js';
import { parseMessage } from '../../src/adapters/mail-in/parse-message.js';
import { sanitiseFilename } from '../../src/adapters/mail-in/sanitise-filename.js';
import { deepMail, hugeHeaderMail, manyPartsMail, rawMail, rfc2231Mail } from '../helpers/mail-fixtures.js';

/**
 * Mail written to break a reader: each case must end in a bounded, coded problem or an escaped
 * value, with the sender still known where the headers allow, and no crash.
 */
const codes = (m: { problems: { code: string }[] }) => m.problems.map((p) => p.code);

describe('hostile mail', () => {
  it('1,500 MIME parts: the first 200 are read, the count is reported', async () => {
    const m = await parseMessage({ bytes: manyPartsMail(1500) });
    assert.deepEqual(m.problems, [{ code: 'MAIL_TOO_MANY_PARTS', params: { count: 1502, max: 200 } }]);
    assert.equal(m.attachments.length, 198);
    assert.equal(m.attachments[0]?.filename, 'f0.bin');
    assert.equal(m.from?.address, 'marie.dupont@example.fr');
    assert.match(m.text, /voici mes fichiers/);
  });

  it('100 levels of nested multiparts: refused past the depth cap, headers kept', async () => {
    const m = await parseMessage({ bytes: deepMail(100) });
    assert.deepEqual(codes(m), ['MAIL_TOO_DEEP']);
    assert.equal(m.from?.address, 'marie.dupont@example.fr');
    assert.equal(m.subject, 'Test');
    assert.deepEqual(m.attachments, []);
    // Within the cap, the same construction reads through.
    const shallow = await parseMessage({ bytes: deepMail(10) });
    assert.deepEqual(codes(shallow), []);
    assert.match(shallow.text, /Au fond/);
  });

  it('a 1 MB header: a coded problem, the sender and identifiers still read', async () => {
    const m = await parseMessage({ bytes: hugeHeaderMail(1024 * 1024) });
    assert.deepEqual(codes(m), ['MAIL_HEADER_TOO_LARGE']);
    assert.equal(m.from?.address, 'marie.dupont@example.fr');
    assert.equal(m.messageId, '<huge@example.fr>');
  });

  it('a message over the size cap is not parsed, but its sender is known', async () => {
    const bytes = rawMail(['From: a@example.fr', 'Subject: gros'], 'x'.repeat(5000));
    const m = await parseMessage({ bytes }, { maxMessageBytes: 1000 });
    assert.deepEqual(m.problems, [{ code: 'MAIL_TOO_LARGE', params: { size: bytes.length, max: 1000 } }]);
    assert.equal(m.from?.address, 'a@example.fr');
    assert.equal(m.text, '');
  });

  it('unknown and bogus charsets do not crash; text comes out as a string', async () => {
    for (const charset of ['x-unknown', 'utf-7', 'iso-2022-jp', '"><script>', 'utf-8\u0000']) {
      const bytes = Buffer.concat([
        Buffer.from(
          `From: a@example.fr\r\nSubject: =?${charset.replace(/"/g, '')}?q?caf=E9?=\r\nContent-Type: text/plain; charset="${charset}"\r\n\r\n`,
        ),
        Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0d, 0x0a]),
      ]);
      const m = await parseMessage({ bytes });
      assert.equal(typeof m.text, 'string', charset);
      assert.match(m.text, /^caf/, charset);
      assert.equal(m.from?.address, 'a@example.fr');
    }
  });

  it('RFC 2231 file names with ../, NUL or right-to-left override are made safe, the original shown escaped', async () => {
    const cases: [string, string, string][] = [
      ['../../etc/passwd', 'passwd', '../../etc/passwd'],
      ['..\\..\\boot.ini', 'boot.ini', '..\\..\\boot.ini'],
      ['article\u0000.exe.docx', 'article.exe.docx', 'article\\u{0}.exe.docx'],
      ['rapport\u202Excod.docx', 'rapportxcod.docx', 'rapport\\u{202E}xcod.docx'],
      ['\u2066isolé\u2069.docx', 'isolé.docx', '\\u{2066}isolé\\u{2069}.docx'],
      ['..', 'piece-jointe-1', '..'],
    ];
    for (const [name, safe, shown] of cases) {
      const m = await parseMessage({ bytes: rfc2231Mail(name) });
      const [a] = m.attachments;
      assert.equal(a?.filename, safe, name);
      assert.equal(a?.originalFilename, shown, name);
      assert.deepEqual(a?.bytes, Buffer.from('contenu'));
    }
  });

  it('file names: Windows device names, reserved characters and long names', () => {
    assert.equal(sanitiseFilename('CON.docx', 'x'), '_CON.docx');
    assert.equal(sanitiseFilename('a<b>:c|d?.docx', 'x'), 'a_b__c_d_.docx');
    assert.equal(sanitiseFilename('.htaccess', 'x'), 'htaccess');
    const long = sanitiseFilename(`${'é'.repeat(400)}.docx`, 'x', 150);
    assert.equal([...long].length, 150);
    assert.ok(long.endsWith('.docx'));
  });

  it('"a@evil.example x"@journal.example is refused, never read as another address', async () => {
    const m = await parseMessage({
      bytes: rawMail([
        'From: "a@evil.example x"@journal.example',
        'Reply-To: Bob <"a@evil.example x"@journal.example>',
        'To: a@evil.example x@journal.example',
        'Cc: Marie <marie@example.fr>',
      ]),
    });
    assert.equal(m.from, undefined);
    assert.deepEqual(m.replyTo, []);
    assert.deepEqual(m.to, []);
    assert.deepEqual(m.cc, [{ address: 'marie@example.fr', name: 'Marie' }]);
    assert.deepEqual(
      m.rejectedAddresses.map((r) => r.field),
      ['from', 'reply-to', 'to'],
    );
    const everyAddress = [m.from, m.sender, ...m.replyTo, ...m.to, ...m.cc].map((a) => a?.address);
    assert.ok(!everyAddress.some((a) => a?.includes('evil')));
  });

  it('CRLF and control characters in display names and subjects are removed or escaped', async () => {
    const m = await parseMessage({
      bytes: rawMail([
        'From: =?utf-8?q?Marie_=0D=0ABcc=3A_victim=40example=2Ecom?= <marie@example.fr>',
        'Reply-To: =?utf-8?q?Jean_=0D=0ADupont?= <jean@example.fr>',
        'Subject: =?utf-8?q?Proposition=0D=0ABcc=3A_x=40y=2Ez_=E2=80=AEfdp?=',
      ]),
    });
    // A name made to carry another address is refused with its mailbox.
    assert.equal(m.from, undefined);
    assert.equal(m.rejectedAddresses[0]?.field, 'from');
    assert.ok(!/[\r\n]/.test(m.rejectedAddresses[0]?.shown ?? ''));
    assert.deepEqual(m.replyTo, [{ address: 'jean@example.fr', name: 'Jean Dupont' }]);
    assert.equal(m.subject, 'Proposition Bcc: x@y.z fdp');
  });

  it('addr-spec validation: plain addresses only', () => {
    for (const ok of [
      'marie.dupont@example.fr',
      'a+b@sub.example.org',
      'élise@exemple.fr',
      "o'neil@example.ie",
    ]) {
      assert.ok(isAddrSpec(ok), ok);
    }
    for (const bad of [
      '"a@evil.example x"@journal.example',
      'a@evil.example x@journal.example',
      'a@b@c.example',
      'a..b@example.fr',
      '.a@example.fr',
      'a@example',
      'a@-example.fr',
      'a@example.fr\r\nBcc: x@y.z',
      'a@[127.0.0.1]',
      'a@127.0.0.1',
      '@example.fr',
      'a@',
      '',
    ]) {
      assert.ok(!isAddrSpec(bad), JSON.stringify(bad));
    }
  });
});
