import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  footer,
  footerIn,
  heading,
  inLanguage,
  type LetterDocument,
  paragraph,
} from '../../../src/domain/letters/document.js';
import { renderHtml } from '../../../src/domain/letters/render-html.js';
import { renderText } from '../../../src/domain/letters/render-text.js';

/**
 * A two-language letter (French, then English) is one HTML document with lang="fr": the English
 * blocks must say lang="en", or a screen reader reads them with a French voice.
 */

const doc = (blocks: LetterDocument['blocks']): LetterDocument => ({ lang: 'fr', subject: 'Objet', blocks });

const french = [paragraph('Bonjour,'), paragraph('Votre message est trop lourd.')];
const english = [heading('English version'), paragraph('Hello,'), paragraph('Your message is too large.')];

describe('blocks in another language than the letter’s', () => {
  const html = renderHtml(
    doc([
      ...inLanguage('en', [paragraph('(English version below.)')]),
      ...french,
      ...inLanguage('en', english),
      footer('Message automatique.'),
    ]),
  );
  const body = html.slice(html.indexOf('<body'));

  it('wraps each run of them in one element with their lang', () => {
    assert.match(html, /<html lang="fr">/);
    assert.equal(body.match(/<div lang="en">/g)?.length, 2, 'one wrapper a run, not one a block');
    assert.match(body, /<div lang="en">\n<p>\(English version below\.\)<\/p>\n<\/div>\n<p>Bonjour,<\/p>/);
    assert.match(
      body,
      /<div lang="en">\n<h2 [^>]*>English version<\/h2>\n<p>Hello,<\/p>\n<p>Your message is too large\.<\/p>\n<\/div>\n<hr>/,
    );
  });

  it('leaves the French blocks and the footer in the letter’s language', () => {
    const outside = body.replace(/<div lang="en">[\s\S]*?<\/div>\n/g, '');
    assert.match(outside, /Bonjour,[\s\S]*trop lourd[\s\S]*Message automatique\./);
    assert.doesNotMatch(outside, /English|Hello/);
  });

  it('does not wrap blocks marked with the letter’s own language', () => {
    assert.doesNotMatch(renderHtml(doc(inLanguage('fr', french))), /<div lang=/);
  });

  it('changes nothing in the text version', () => {
    const marked = doc([...french, ...inLanguage('en', english)]);
    assert.equal(renderText(marked), renderText(doc([...french, ...english])));
  });
});

describe('a footer said in two languages', () => {
  const notice = footerIn([
    { lang: 'fr', text: 'Message automatique.' },
    { lang: 'en', text: 'Automatic message.' },
  ]);

  it('gives its English sentence its own element with lang="en", the French one none', () => {
    const body = renderHtml(doc([...french, notice])).split('<body')[1] ?? '';
    assert.match(
      body,
      /<hr>\n<p style="[^"]*">Message automatique\.<br>\n<span lang="en">Automatic message\.<\/span><\/p>/,
    );
    assert.equal(body.match(/lang="en"/g)?.length, 1);
  });

  it('marks nothing already in the language around it', () => {
    const html = renderHtml({ lang: 'en', subject: 'Subject', blocks: [notice] });
    assert.match(html, /<span lang="fr">Message automatique\.<\/span><br>\nAutomatic message\.<\/p>/);
    assert.doesNotMatch(html, /<span lang="en">/);
  });

  it('changes nothing in the text version', () => {
    assert.equal(
      renderText(doc([...french, notice])),
      renderText(doc([...french, footer('Message automatique.', 'Automatic message.')])),
    );
  });
});
