import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LetterInput } from '../../../src/domain/letters/model.js';
import { renderLetter } from '../../../src/domain/letters/render-letter.js';
import { CALL } from './fixtures.js';
import { compareWithGolden } from './golden-file.js';

/**
 * The letter for a new file sent after the decision on a proposal: one letter in French, then in
 * English. Compared byte for byte with its golden copies; to accept a change:
 * UPDATE_GOLDEN=1 npm test -- decision-final, then read the diff.
 */

type DecisionFinalInput = Extract<LetterInput, { kind: 'decision-final' }>;

const letter = (extra: Partial<DecisionFinalInput> = {}): LetterInput => ({
  kind: 'decision-final',
  call: CALL,
  greetingName: 'Dominique Martin',
  receivedAt: '2022-11-14T09:20:00Z',
  title: 'Accompagner à distance : l’écran entre nous',
  decision: 'decline',
  files: [{ name: 'article-v3.docx', bytes: 51_203 }],
  coordinators: [
    { name: 'Alexis Mombelet', email: 'amombelet@irtsidf9293.eu' },
    { name: 'Jean-Marc Glénat', email: 'Jean-marc.glenat@ifme.fr' },
  ],
  ...extra,
});

const compare = (file: string, actual: string) => compareWithGolden(file, actual, 'decision-final');

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('the « decision final » letter', () => {
  it('matches its golden files', () => {
    const rendered = renderLetter(letter());
    compare('decision-final.txt', `Subject: ${rendered.subject}\n\n${rendered.text}`);
    compare('decision-final.html', rendered.html);
  });

  it('says it in French first, then in English: the decision on « title » is final, nothing added, whom to write to', () => {
    const { subject, text } = renderLetter(letter());
    const t = plain(text);
    assert.match(
      plain(subject),
      /^Votre proposition pour Sociographe n° 81 : la décision est définitive \/ Your proposal for Sociographe no\. 81: the decision is final$/,
    );
    const french = t.indexOf('Bonjour Dominique Martin,');
    const english = t.indexOf('Hello Dominique Martin,');
    assert.ok(french >= 0 && english > french, 'French, then English');
    assert.match(t, /votre proposition « Accompagner à distance : l’écran entre nous »\./);
    assert.match(t, /your proposal “Accompagner à distance : l’écran entre nous”\./);
    assert.match(
      t,
      /La décision sur cette proposition est définitive : le comité de rédaction ne l’a pas retenue\./,
    );
    assert.match(t, /The decision on this proposal is final: the editorial committee did not select it\./);
    assert.match(t, /Nous n’avons donc rien ajouté à votre proposition/);
    assert.match(t, /So we have added nothing to your proposal/);
    assert.match(t, /- article-v3\.docx \(50 Ko\)/);
    assert.match(
      t,
      /écrivez aux coordinateurs du dossier :\n\n- Alexis Mombelet \(amombelet@irtsidf9293\.eu\)\n- Jean-Marc Glénat/,
    );
    assert.match(t, /write to the issue coordinators:\n\n- Alexis Mombelet/);
    assert.match(
      t,
      /\n-- \nCe message a été envoyé automatiquement\.[^\n]*\nThis message was sent automatically\./,
    );
  });

  it('names the decision: accepted, declined or withdrawn', () => {
    const said = (decision: DecisionFinalInput['decision']) => plain(renderLetter(letter({ decision })).text);
    assert.match(
      said('accept'),
      /le comité de rédaction l’a acceptée, avec le texte que vous nous aviez envoyé/,
    );
    assert.match(said('accept'), /the editorial committee accepted it, with the text you had sent us before/);
    assert.match(said('withdraw'), /définitive : vous l’avez retirée\./);
    assert.match(said('withdraw'), /final: you withdrew it\./);
  });

  it('French typography in the French half, and the author’s values cleaned', () => {
    const { subject, text, html } = renderLetter(
      letter({
        title: 'Titre <b>gras</b>\r\nBcc: x@evil.example',
        greetingName: 'Eve\r\nBcc: y@evil.example',
      }),
    );
    const french = text.slice(0, text.indexOf('English version'));
    for (const part of [subject.split(' / ')[0] ?? '', french]) {
      assert.doesNotMatch(part, / [:;!?](\s|$)/, 'an ordinary space before : ; ! ?');
      assert.doesNotMatch(part, /« | »/, 'an ordinary space inside « »');
      assert.doesNotMatch(part, /'/, 'a straight apostrophe');
    }
    assert.doesNotMatch(text, /\nBcc:/);
    assert.doesNotMatch(html, /<b>gras/);
  });

  it('without coordinators, says to reply to the letter', () => {
    const t = plain(renderLetter(letter({ coordinators: [] })).text);
    assert.match(t, /répondez à ce message : une personne de la rédaction le lira\./);
    assert.doesNotMatch(t, /coordinateurs du dossier :/);
  });

  it('rejects a letter without its decision, naming the field', () => {
    const { decision: _d, ...rest } = letter() as DecisionFinalInput;
    assert.throws(() => renderLetter(rest as LetterInput), /decision/);
  });
});
