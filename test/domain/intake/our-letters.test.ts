import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ourLetterReferences, reviewOfLetter } from '../../../src/domain/intake/our-letters.js';

describe('replies to our own letters', () => {
  const ours = '<appel.42.0123456789abcdef@journal.example>';

  it('finds the outbox jobs a reply names, In-Reply-To first, then References newest first', () => {
    const older = '<appel.7.fedcba9876543210@journal.example>';
    assert.deepEqual(ourLetterReferences(ours, [older, '<m1@exemple.fr>', ours]), [
      { jobId: 42, messageId: ours },
      { jobId: 7, messageId: older },
    ]);
  });

  it('ignores Message-IDs that are not shaped like ours', () => {
    assert.deepEqual(
      ourLetterReferences('<appel.42.xyz@journal.example>', [
        '<appel.42.0123456789ABCDEF@journal.example>',
        'appel.42.0123456789abcdef@journal.example',
        '<m1@exemple.fr>',
      ]),
      [],
    );
    assert.deepEqual(ourLetterReferences(undefined, []), []);
  });

  it('looks at ten references at most', () => {
    const many = Array.from({ length: 30 }, (_, i) => `<appel.${i}.0123456789abcdef@j.example>`);
    assert.equal(ourLetterReferences(undefined, many).length, 10);
  });

  it('knows a review request and a reminder by their dedupe keys, and nothing else', () => {
    assert.deepEqual(reviewOfLetter('review-request:r-1'), { reviewId: 'r-1' });
    assert.deepEqual(reviewOfLetter('review-reminder:r-1:abc123'), { reviewId: 'r-1' });
    assert.deepEqual(reviewOfLetter('review-reminder:abc123'), { tokenHash: 'abc123' });
    assert.equal(reviewOfLetter('receipt:xyz'), null);
    assert.equal(reviewOfLetter(null), null);
  });
});
