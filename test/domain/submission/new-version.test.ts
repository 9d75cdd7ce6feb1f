import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TRANSITIONS } from '../../../src/domain/submission/lifecycle.js';
import { statusAfterNewVersion } from '../../../src/domain/submission/new-version.js';
import { STATUSES } from '../../../src/domain/submission/status.js';

describe('a new version and the lifecycle table', () => {
  it('moves « modifications demandées » back to « en évaluation », by the author', () => {
    const move = statusAfterNewVersion('revisions_requested', 'author');
    assert.deepEqual(move && { from: move.from, action: move.action, to: move.to }, {
      from: 'revisions_requested',
      action: 'submit_revision',
      to: 'in_review',
    });
  });

  it('changes nothing from every status the table gives no `submit_revision` from', () => {
    const revisable = new Set(TRANSITIONS.filter((t) => t.action === 'submit_revision').map((t) => t.from));
    for (const status of STATUSES.filter((s) => !revisable.has(s))) {
      assert.equal(statusAfterNewVersion(status, 'author'), null, status);
    }
  });

  it('refuses an actor the table does not name for it, with the table’s code', () => {
    assert.throws(
      () => statusAfterNewVersion('revisions_requested', 'reviewer'),
      (e: unknown) => (e as { code?: string }).code === 'ACTION_NOT_ALLOWED',
    );
  });
});
