import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explainStoredFigure } from '../../../src/domain/manuscript/explain-stored.js';
import { manuscriptOf } from '../../helpers/manuscript-fixture.js';

const stored = (charactersWithSpaces: number, application: string) => ({
  charactersWithSpaces,
  characters: null,
  words: null,
  paragraphs: null,
  pages: null,
  application,
  appVersion: null,
});

test('no stored figure: nothing to explain', () => {
  assert.deepEqual(explainStoredFigure(manuscriptOf(100)), []);
});

test('the same figure: said so', () => {
  const m = manuscriptOf(12_000);
  m.facts.stored = stored(12_000, 'Microsoft Office Word');
  assert.equal(explainStoredFigure(m)[0]?.code, 'STORED_FIGURE_MATCHES');
});

test('a Word figure that differs is explained by paragraph marks and field codes, in plain words', () => {
  const m = manuscriptOf(12_000);
  m.counts.leftOut.paragraphMarks = 212;
  m.counts.leftOut.fieldCodeChars = 1840;
  m.facts.stored = stored(14_051, 'Microsoft Office Word');
  const [f] = explainStoredFigure(m);
  assert.equal(f?.code, 'STORED_FIGURE_DIFFERS');
  assert.equal(f?.severity, 'info');
  assert.match(f?.message.fr ?? '', /212 marques de paragraphe/);
  assert.match(f?.message.en ?? '', /1,840 characters of field codes/);
});

test('another producer: its figure may be stale, and we say who wrote it', () => {
  const m = manuscriptOf(12_000);
  m.facts.stored = stored(30, 'python-docx');
  assert.match(explainStoredFigure(m)[0]?.message.fr ?? '', /python-docx/);
});
