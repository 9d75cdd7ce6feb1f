import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LetterInput } from '../../../src/domain/letters/model.js';
import { renderLetter } from '../../../src/domain/letters/render-letter.js';
import { CALL } from './fixtures.js';
import { compareWithGolden } from './golden-file.js';

/**
 * The letter for a message over the mailbox's size cap: one letter in French, then in English
 * (the message was never read, so its language is unknown). Compared byte for byte with its golden
 * copies; to accept a change: UPDATE_GOLDEN=1 npm test -- too-large, then read the diff.
 */

const MiB = 1024 * 1024;

const letter = (extra: Partial<Extract<LetterInput, { kind: 'too-large' }>> = {}): LetterInput => ({
  kind: 'too-large',
  call: CALL,
  greetingName: 'Dominique Martin',
  receivedAt: '2022-08-25T12:03:00Z',
  size: 32_715_000,
  maxBytes: 25 * MiB,
  formUrl: 'https://appel.sociographe.example/deposer',
  ...extra,
});

const compare = (file: string, actual: string) => compareWithGolden(file, actual, 'too-large');

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('the « message too large » letter', () => {
  it('matches its golden files', () => {
    const rendered = renderLetter(letter());
    compare('too-large.txt', `Subject: ${rendered.subject}\n\n${rendered.text}`);
    compare('too-large.html', rendered.html);
  });

  it('says it in French first, then in English, with the limit in MB and the three ways to send', () => {
    const { subject, text } = renderLetter(letter());
    const t = plain(text);
    assert.match(plain(subject), /^Votre message pour Sociographe n° 81 est trop lourd \/ Your message/);
    const french = t.indexOf('Bonjour Dominique Martin,');
    const english = t.indexOf('Hello Dominique Martin,');
    assert.ok(french >= 0 && english > french, 'French, then English');
    assert.match(
      t,
      /il pèse 31,2 Mo, et notre boîte aux lettres ne reçoit pas les messages de plus de 25 Mo/,
    );
    assert.match(t, /it weighs 31.2 MB, and our mailbox does not take messages over 25 MB/);
    assert.match(t, /votre proposition n’est pas encore déposée/);
    assert.match(t, /Envoyez le fichier Word de votre texte seul/);
    assert.match(t, /retirez-en les images/);
    assert.match(t, /formulaire en ligne : https:\/\/appel\.sociographe\.example\/deposer\n/);
    assert.match(t, /online form: https:\/\/appel\.sociographe\.example\/deposer\n/);
    // The notice that a person reads replies stays last, after the signature separator.
    assert.match(
      t,
      /\n-- \nCe message a été envoyé automatiquement\.[^\n]*\nThis message was sent automatically\./,
    );
  });

  it('names no form when the desk’s public address is not known', () => {
    const { text, html } = renderLetter(letter({ formUrl: undefined }));
    assert.doesNotMatch(text, /formulaire|online form/);
    assert.doesNotMatch(html, /<a /);
  });

  it('says when the deadline has passed, and who decides', () => {
    const t = plain(renderLetter(letter({ receivedAt: '2022-09-02T07:41:00Z' })).text);
    assert.match(
      t,
      /La date limite de dépôt était le jeudi 1er septembre 2022\. Un manuscrit envoyé maintenant/,
    );
    assert.match(t, /The submission deadline was Thursday 1 September 2022\. A manuscript sent now/);
  });

  it('greets without a name when the sender gave none, and cleans a name that carries line breaks', () => {
    assert.match(
      renderLetter(letter({ greetingName: undefined })).text,
      /^\(English version below\.\)\n\nBonjour,\n/,
    );
    const t = renderLetter(letter({ greetingName: 'Eve\r\nBcc: x@evil.example' })).text;
    assert.doesNotMatch(t, /\nBcc:/);
  });
});
