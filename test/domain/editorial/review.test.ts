import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  awaitsOpinion,
  canAskForReview,
  canCancelReview,
  canGiveOpinion,
  checkOpinion,
  checkReviewRequest,
  MAX_COMMENT_CHARS,
  opinionsForAuthors,
  reviewClosed,
} from '../../../src/domain/editorial/review.js';
import { STATUSES } from '../../../src/domain/submission/status.js';

describe('blind review rules', () => {
  it('ask for a review only while the submission is in review', () => {
    assert.deepEqual(
      STATUSES.filter((s) => canAskForReview(s)),
      ['in_review'],
    );
  });

  it('keep a request open while it stands, the text is in review and no newer version came', () => {
    const inReview = { status: 'in_review' as const, latestVersion: 1 };
    const invited = { state: 'invited' as const, versionNumber: 1 };
    const given = { state: 'submitted' as const, versionNumber: 1 };
    assert.equal(reviewClosed(invited, inReview), null);
    assert.equal(canGiveOpinion(given, inReview), true, 'an opinion may be corrected');
    assert.equal(reviewClosed(given, { status: 'accepted', latestVersion: 1 }), 'decided');
    assert.equal(reviewClosed(given, { status: 'withdrawn', latestVersion: 1 }), 'withdrawn');
    assert.equal(reviewClosed(given, { status: 'in_review', latestVersion: 2 }), 'new-version');
    assert.equal(reviewClosed({ state: 'cancelled', versionNumber: 1 }, inReview), 'cancelled');
    assert.equal(reviewClosed({ state: 'declined', versionNumber: 1 }, inReview), 'declined');
    assert.equal(awaitsOpinion(invited, inReview), true);
    assert.equal(awaitsOpinion(given, inReview), false, 'after an opinion, nothing to decline or remind');
    assert.equal(awaitsOpinion(invited, { status: 'in_review', latestVersion: 2 }), false);
    assert.equal(canCancelReview('submitted'), true);
    assert.equal(canCancelReview('declined'), false);
  });

  it('clean a request and say what is wrong, field by field', () => {
    const ok = checkReviewRequest(
      {
        readerName: '  Paul   Lecteur ',
        readerEmail: ' Paul@Exemple.FR ',
        dueOn: '2022-10-01',
        note: ' Merci ',
      },
      '2022-09-05',
    );
    assert.deepEqual(ok, {
      ok: true,
      value: {
        readerName: 'Paul Lecteur',
        readerEmail: 'paul@exemple.fr',
        dueOn: '2022-10-01',
        note: 'Merci',
      },
    });
    const none = checkReviewRequest(
      { readerName: 'P', readerEmail: 'p@e.fr', dueOn: '', note: '' },
      '2022-09-05',
    );
    assert.ok(none.ok);
    assert.equal(none.value.dueOn, null);
    assert.equal(none.value.note, null);
    const bad = checkReviewRequest(
      { readerName: '', readerEmail: 'pas une adresse', dueOn: '2022-02-30', note: 'x'.repeat(2001) },
      '2022-09-05',
    );
    assert.ok(!bad.ok);
    assert.deepEqual([...bad.problems.keys()], ['readerName', 'readerEmail', 'dueOn', 'note']);
    const past = checkReviewRequest(
      { readerName: 'P', readerEmail: 'p@e.fr', dueOn: '2022-09-05', note: '' },
      '2022-09-05',
    );
    assert.ok(!past.ok, 'today is not a day to come');
  });

  it('require a recommendation and words for the author; keep line breaks, drop control characters', () => {
    const ok = checkOpinion({
      recommendation: 'decline',
      forAuthors: ' Ligne 1\r\nLigne\u0007 2 ',
      forCommittee: '  ',
    });
    assert.deepEqual(ok, {
      ok: true,
      value: { recommendation: 'decline', forAuthors: 'Ligne 1\nLigne 2', forCommittee: null },
    });
    const bad = checkOpinion({
      recommendation: 'peut-être',
      forAuthors: '',
      forCommittee: 'x'.repeat(MAX_COMMENT_CHARS + 1),
    });
    assert.ok(!bad.ok);
    assert.deepEqual([...bad.problems.keys()], ['recommendation', 'forAuthors', 'forCommittee']);
    assert.match(bad.problems.get('forCommittee')?.fr ?? '', /12[\u202f\u00a0 ]000 caractères/);
  });

  it('quote in a decision only the opinions given on the version decided on', () => {
    const reviews = [
      { state: 'submitted' as const, versionNumber: 1, forAuthors: 'Sur la première version.' },
      { state: 'submitted' as const, versionNumber: 2, forAuthors: 'Mieux.' },
      { state: 'cancelled' as const, versionNumber: 2, forAuthors: 'Annulée.' },
      { state: 'invited' as const, versionNumber: 2, forAuthors: null },
    ];
    assert.deepEqual(opinionsForAuthors(reviews, 2), ['Mieux.']);
  });
});
