import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decisionBehind } from '../../../src/domain/submission/decision.js';
import { availableTransitions, isFinal } from '../../../src/domain/submission/lifecycle.js';
import { statusAfterNewVersion } from '../../../src/domain/submission/new-version.js';
import { STATUSES } from '../../../src/domain/submission/status.js';

describe('the decision behind a status (read from the lifecycle table)', () => {
  it('names the decision for every status from it on, and none before', () => {
    assert.deepEqual(Object.fromEntries(STATUSES.map((s) => [s, decisionBehind(s)])), {
      received: null,
      incomplete: null,
      complete: null,
      in_review: null,
      revisions_requested: null,
      accepted: 'accept',
      declined: 'decline',
      contract_sent: 'accept',
      contract_signed: 'accept',
      in_issue: 'accept',
      published: 'accept',
      withdrawn: 'withdraw',
      late: null,
    });
  });

  it('every final status is behind a decision', () => {
    for (const s of STATUSES.filter(isFinal)) assert.notEqual(decisionBehind(s), null, s);
  });

  it('no status that takes a revised version is behind one', () => {
    for (const s of STATUSES) {
      const revisable = availableTransitions(s).some((t) => t.action === 'submit_revision');
      if (revisable) assert.equal(decisionBehind(s), null, s);
      if (decisionBehind(s) !== null) {
        assert.throws(() => statusAfterNewVersion(s, 'author'), /SUBMISSION_DECIDED/, s);
      }
    }
  });
});
