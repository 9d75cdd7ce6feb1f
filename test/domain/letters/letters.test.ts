import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSubmission } from '../../../src/domain/call/check-submission.js';
import { SOCIOGRAPHE_81 } from '../../../src/domain/call/sociographe-81.js';
import { callFacts } from '../../../src/domain/letters/call-facts.js';
import { cleanText, escapeHtml } from '../../../src/domain/letters/escape.js';
import type { LetterInput } from '../../../src/domain/letters/model.js';
import { renderLetter } from '../../../src/domain/letters/render-letter.js';
import { fileSize } from '../../../src/domain/letters/words.js';
import { missingFieldsFor } from '../../../src/domain/submission/requirements.js';
import { CALL, goldenCases } from './fixtures.js';

describe('French typography in every French letter', () => {
  for (const { name, letter } of goldenCases('fr')) {
    it(name, () => {
      const { subject, text } = renderLetter(letter);
      for (const part of [subject, text]) {
        assert.doesNotMatch(part, / [:;!?](\s|$)/, 'an ordinary space before : ; ! ?');
        assert.doesNotMatch(part, /« | »/, 'an ordinary space inside « »');
        assert.doesNotMatch(part, /'/, 'a straight apostrophe');
        assert.doesNotMatch(part, /\bvotre? (tu|toi)\b|\btu as\b/i);
      }
      assert.match(text, /\u00a0:/);
    });
  }
});

describe('values written by authors', () => {
  const hostile = 'Jean <script>alert(1)</script>\r\nBcc: x@y';
  const letter: LetterInput = {
    kind: 'receipt',
    lang: 'fr',
    call: CALL,
    receivedAt: '2022-08-25T12:03:00Z',
    greetingName: hostile,
    files: [{ name: 'cv\u202eexe.docx', bytes: 10 }],
    manuscripts: [{ fileName: 'a"><img src=x onerror=alert(1)>.docx', verdict: 'pass', signes: 6000 }],
    followUrl: 'https://appel.example/suivi/abc',
  };

  it('are escaped in HTML', () => {
    const { html } = renderLetter(letter);
    assert.doesNotMatch(html, /<script|<img/);
    assert.match(html, /Jean &lt;script&gt;alert\(1\)&lt;\/script&gt; Bcc: x@y/);
    assert.match(html, /a&quot;&gt;&lt;img src=x onerror=alert\(1\)&gt;\.docx/);
  });

  it('stay on one line and lose bidirectional overrides', () => {
    const { text } = renderLetter(letter);
    assert.match(text, /^Bonjour Jean <script>alert\(1\)<\/script> Bcc: x@y,$/m);
    assert.doesNotMatch(text, /^Bcc:/m);
    assert.match(text, /- cvexe\.docx \(10\u00a0octets\)/);
    assert.doesNotMatch(text, /\u202e/);
  });

  it('only web links become links', () => {
    const { html } = renderLetter({ ...letter, followUrl: 'javascript:alert(1)' });
    assert.doesNotMatch(html, /javascript:/);
    const ok = renderLetter(letter).html;
    assert.match(ok, /<a href="https:\/\/appel\.example\/suivi\/abc">/);
  });

  it('cleanText bounds the length and keeps no-break spaces', () => {
    assert.equal(cleanText('a\u00a0b'), 'a\u00a0b');
    assert.equal([...cleanText('x'.repeat(500), 20)].length, 20);
    assert.equal(cleanText('\u0000\u0007 a \u2028 b \u0085'), 'a b');
    assert.equal(escapeHtml(`<a href='x'>&"`), '&lt;a href=&#39;x&#39;&gt;&amp;&quot;');
  });
});

describe('letter content', () => {
  it('asks for missing details without repeating the matching findings', () => {
    const [, toComplete] = goldenCases('fr');
    const { text } = renderLetter(toComplete!.letter);
    assert.match(text, /un numéro de téléphone où vous joindre/);
    assert.doesNotMatch(text, /Aucun numéro de téléphone n’est indiqué/);
    assert.doesNotMatch(text, /non vérifié/, 'a « not checked » finding is not for authors');
  });

  it('lists errors before warnings before information', () => {
    const [, toComplete] = goldenCases('en');
    const { text } = renderLetter(toComplete!.letter);
    assert.ok(text.indexOf('To fix:') < text.indexOf('To check:'));
  });

  it('does not offer a new version after the deadline', () => {
    const [clean] = goldenCases('fr');
    const letter = clean!.letter as Extract<LetterInput, { kind: 'receipt' }>;
    const { text } = renderLetter({ ...letter, receivedAt: '2022-09-02T08:00:00Z' });
    assert.doesNotMatch(text, /nouvelle version jusqu’au/);
    assert.match(text, /La date limite de l’appel était le jeudi 1er septembre 2022\./);
  });

  it('says the count is an estimate for .doc files', () => {
    const [clean] = goldenCases('en');
    const letter = clean!.letter as Extract<LetterInput, { kind: 'receipt' }>;
    const { text } = renderLetter({
      ...letter,
      manuscripts: [{ fileName: 'old.doc', verdict: 'pass', signes: 12000, approximate: true }],
    });
    assert.match(text, /Length: about 12,000 characters/);
  });

  it('rejects a malformed letter, naming the field', () => {
    assert.throws(
      () => renderLetter({ kind: 'receipt', call: CALL, receivedAt: 'yesterday' } as LetterInput),
      /receivedAt/,
    );
  });

  it('sizes files the way file managers do', () => {
    assert.equal(fileSize(512, 'fr'), '512\u00a0octets');
    assert.equal(fileSize(48_213, 'en'), '47\u00a0KB');
    assert.equal(fileSize(1_288_490, 'fr'), '1,2\u00a0Mo');
  });
});

describe('letters from the domain’s own values', () => {
  it('renders a receipt from the no. 81 call and checkSubmission', () => {
    const call = callFacts(SOCIOGRAPHE_81);
    assert.deepEqual(call.deadline, { date: '2022-09-01', timeZone: 'Europe/Paris' });
    const checked = checkSubmission(SOCIOGRAPHE_81, {
      authors: [{ givenName: 'Camille', surname: 'Durand', email: 'c@example.org', isContact: true }],
      receivedAt: new Date('2022-08-25T12:03:00Z'),
    });
    const missing = missingFieldsFor(
      'complete',
      { manuscript: true, contactPerson: true, contactEmail: 'c@example.org' },
      SOCIOGRAPHE_81,
    );
    for (const lang of ['fr', 'en'] as const) {
      const { subject, text, html } = renderLetter({
        kind: 'receipt',
        lang,
        call,
        receivedAt: '2022-08-25T12:03:00Z',
        manuscripts: [],
        submissionFindings: checked.findings,
        missing,
      });
      assert.ok(subject.length > 0 && html.startsWith('<!DOCTYPE html>'));
      assert.match(text, lang === 'fr' ? /un numéro de téléphone/ : /a phone number/);
    }
  });
});
