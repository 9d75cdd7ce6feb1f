import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError, isAppError } from '../../../src/domain/shared/errors.js';
import { decisionBehind } from '../../../src/domain/submission/decision.js';
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

  it('changes nothing from every undecided status the table gives no `submit_revision` from', () => {
    const revisable = new Set(TRANSITIONS.filter((t) => t.action === 'submit_revision').map((t) => t.from));
    const open = STATUSES.filter((s) => !revisable.has(s) && decisionBehind(s) === null);
    assert.deepEqual(open, ['received', 'incomplete', 'complete', 'in_review', 'late']);
    for (const status of open) assert.equal(statusAfterNewVersion(status, 'author'), null, status);
  });

  it('refuses a new version after a decision, with its code, whoever sends it', () => {
    const decided = STATUSES.filter((s) => decisionBehind(s) !== null);
    assert.ok(decided.includes('declined') && decided.includes('withdrawn') && decided.includes('published'));
    for (const status of decided) {
      for (const actor of ['author', 'coordinator'] as const) {
        assert.throws(
          () => statusAfterNewVersion(status, actor),
          (e: unknown) =>
            isAppError(e) &&
            e.code === 'SUBMISSION_DECIDED' &&
            e.params.status === status &&
            e.params.decision === decisionBehind(status),
          status,
        );
      }
    }
  });

  it('says so in plain words, French then English', () => {
    const error = new AppError('SUBMISSION_DECIDED', { status: 'declined', decision: 'decline' });
    assert.equal(
      error.text.fr,
      'La décision sur cette proposition est définitive\u00a0: le fichier n’a pas été ajouté.',
    );
    assert.equal(error.text.en, 'The decision on this submission is final: the file was not added.');
    assert.match(error.fix.fr, /écrivez aux coordinateurs du dossier/);
  });

  it('refuses an actor the table does not name for it, with the table’s code', () => {
    assert.throws(
      () => statusAfterNewVersion('revisions_requested', 'reviewer'),
      (e: unknown) => (e as { code?: string }).code === 'ACTION_NOT_ALLOWED',
    );
  });
});
