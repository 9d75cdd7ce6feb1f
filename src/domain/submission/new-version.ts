import { AppError } from '../shared/errors.js';
import { decisionBehind } from './decision.js';
import { type Actor, availableTransitions, type Transition, transition } from './lifecycle.js';
import type { Status } from './status.js';

/**
 * What a new version of the manuscript does to the status, as the ONE table says: the
 * `submit_revision` transition out of the current status when the table has one (revisions
 * requested → in review), taken by whoever sent the version. Null when it has none: before review
 * a new version replaces the draft being judged, in review it waits for the editors, and the
 * status stays where it is. After a decision (decisionBehind) the text is closed: the version is
 * refused (SUBMISSION_DECIDED), whichever way it came.
 */
export function statusAfterNewVersion(current: Status, actor: Actor): Transition | null {
  const decision = decisionBehind(current);
  if (decision) throw new AppError('SUBMISSION_DECIDED', { status: current, decision });
  if (!availableTransitions(current).some((t) => t.action === 'submit_revision')) return null;
  const moved = transition(current, 'submit_revision', actor);
  if (!moved.ok) throw moved.error;
  return moved.transition;
}
