import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  canMakeAnonymous,
  checkReviewFile,
  MAX_REVIEW_FILES,
  readerIdentity,
  reviewFileProblemMessage,
  reviewsSharedWithDecision,
  sharedFileName,
  tellsAboutFile,
} from '../../../src/domain/editorial/review-files.js';

describe('a reader’s annotated files', () => {
  it('takes Word, LibreOffice and PDF files that open, up to the cap', () => {
    assert.equal(checkReviewFile({ kind: 'docx', readable: true }, 0), null);
    assert.equal(checkReviewFile({ kind: 'odt', readable: true }, 0), null);
    assert.equal(checkReviewFile({ kind: 'pdf', readable: true }, MAX_REVIEW_FILES - 1), null);
    assert.equal(checkReviewFile({ kind: 'image', readable: true }, 0), 'format');
    assert.equal(checkReviewFile({ kind: 'doc', readable: true }, 0), 'format');
    assert.equal(checkReviewFile({ kind: 'docx', readable: false }, 0), 'damaged');
    assert.equal(checkReviewFile({ kind: 'docx', readable: true }, MAX_REVIEW_FILES), 'too-many');
  });

  it('says in both languages how to fix each refusal', () => {
    for (const problem of ['format', 'damaged', 'too-many'] as const) {
      const message = reviewFileProblemMessage(problem);
      assert.ok(message.fr.length > 20 && message.en.length > 20, problem);
    }
    assert.match(reviewFileProblemMessage('format').fr, /Enregistrer sous/);
  });

  it('makes copies without the reader’s name of Word and LibreOffice files only', () => {
    assert.equal(canMakeAnonymous('docx'), true);
    assert.equal(canMakeAnonymous('odt'), true);
    assert.equal(canMakeAnonymous('pdf'), false);
  });

  it('passes on with a decision the files of the opinions given on the version decided on', () => {
    const reviews = [
      { id: 'a', state: 'submitted', versionNumber: 2 },
      { id: 'b', state: 'submitted', versionNumber: 1 },
      { id: 'c', state: 'invited', versionNumber: 2 },
      { id: 'd', state: 'cancelled', versionNumber: 2 },
      { id: 'e', state: 'submitted', versionNumber: 2 },
    ];
    assert.deepEqual(reviewsSharedWithDecision(reviews, 2), ['a', 'e']);
  });

  it('looks for the reader by the name they were asked under, and their address', () => {
    assert.deepEqual(readerIdentity(' Jean  de La Fontaine ', 'jean@exemple.fr'), {
      givenName: 'Jean de La',
      surname: 'Fontaine',
      email: 'jean@exemple.fr',
    });
    assert.deepEqual(readerIdentity('Rita', 'r@exemple.fr'), {
      givenName: '',
      surname: 'Rita',
      email: 'r@exemple.fr',
    });
  });

  it('names a download after the review’s number, never after the reader', () => {
    assert.equal(sharedFileName('3f9a1c2e', 0, 0, 'docx'), 'relecture-1-3f9a1c2e.docx');
    assert.equal(sharedFileName('3f9a1c2e', 1, 1, 'odt'), 'relecture-2-2-3f9a1c2e.odt');
  });
});

describe('a reader’s file sent after the opinion', () => {
  const answeredAt = '2022-09-05T10:00:00.000Z';
  const at = (iso: string) => Date.parse(iso);

  it('is told to who asked from an hour after the opinion, never before it or without one', () => {
    const review = { state: 'submitted', answeredAt };
    assert.equal(tellsAboutFile(review, at('2022-09-05T10:59:59.999Z')), false, 'the same answer');
    assert.equal(tellsAboutFile(review, at('2022-09-05T11:00:00.000Z')), true);
    assert.equal(tellsAboutFile({ state: 'invited', answeredAt: null }, at('2022-09-06T10:00:00Z')), false);
    assert.equal(tellsAboutFile({ state: 'declined', answeredAt }, at('2022-09-06T10:00:00Z')), false);
  });
});
