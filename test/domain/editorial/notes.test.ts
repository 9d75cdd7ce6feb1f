import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  cleanNote,
  MAX_EDITORIAL_NOTE_CHARS,
  mayRemoveNote,
  noteProblemMessage,
} from '../../../src/domain/editorial/notes.js';

describe('editorial notes: what is kept, what is refused, who takes one back', () => {
  it('keeps the words with plain line breaks, trimmed, in composed form', () => {
    assert.deepEqual(cleanNote('  Bon texte.\r\nÀ relire\rvite.  \n'), {
      ok: true,
      body: 'Bon texte.\nÀ relire\nvite.',
    });
    assert.deepEqual(cleanNote('A\u0300 revoir'), { ok: true, body: 'À revoir' });
  });

  it('refuses an empty note and one over the cap, counting after the trim', () => {
    assert.deepEqual(cleanNote(' \n\t '), { ok: false, problem: 'empty', length: 0 });
    assert.deepEqual(cleanNote(` ${'x'.repeat(MAX_EDITORIAL_NOTE_CHARS + 1)} `), {
      ok: false,
      problem: 'too-long',
      length: MAX_EDITORIAL_NOTE_CHARS + 1,
    });
    assert.equal(cleanNote(`  ${'x'.repeat(MAX_EDITORIAL_NOTE_CHARS)}  `).ok, true);
  });

  it('says in both languages what is wrong and how to fix it', () => {
    const empty = noteProblemMessage('empty');
    assert.match(empty.fr, /vide\u00a0: écrivez-la/);
    assert.match(empty.en, /empty: write it/);
    const long = noteProblemMessage('too-long', 6001);
    assert.match(long.fr, /6\u202f001 caractères\u202f; elle peut en faire 5\u202f000\. Raccourcissez-la/);
    assert.match(long.en, /6,001 characters long; it may be 5,000\. Shorten it/);
  });

  it('lets only its writer take a standing note back', () => {
    const note = { accountId: 'claire', removedAt: null };
    assert.equal(mayRemoveNote(note, 'claire'), true);
    assert.equal(mayRemoveNote(note, 'marc'), false);
    assert.equal(mayRemoveNote({ ...note, removedAt: '2026-03-01T09:00:00.000Z' }, 'claire'), false);
  });
});
