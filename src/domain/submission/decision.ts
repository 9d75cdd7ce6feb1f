import { type Action, TRANSITIONS } from './lifecycle.js';
import type { Status } from './status.js';

/**
 * The decision a submission is past, read from the ONE table: the editors accepted or declined it,
 * or its author withdrew it. Every status a decision leads to, and every status the table reaches
 * from there without another decision (accepted → contract → issue → published), is closed to new
 * versions of the text: statusAfterNewVersion refuses one (SUBMISSION_DECIDED), on the status read
 * in the transaction that would record it, whether it came by e-mail or by the private link.
 */
export const DECISIONS = ['withdraw', 'decline', 'accept'] as const satisfies readonly Action[];
export type Decision = (typeof DECISIONS)[number];

const isDecision = (action: Action) => (DECISIONS as readonly Action[]).includes(action);

function reachedBy(decision: Decision): Set<Status> {
  const reached = new Set(TRANSITIONS.filter((t) => t.action === decision).map((t) => t.to));
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of TRANSITIONS) {
      if (reached.has(t.from) && !isDecision(t.action) && !reached.has(t.to)) {
        reached.add(t.to);
        grew = true;
      }
    }
  }
  return reached;
}

const CLOSED_BY = new Map<Decision, Set<Status>>(DECISIONS.map((d) => [d, reachedBy(d)]));

/** The decision behind this status, or null while the text may still change. */
export function decisionBehind(status: Status): Decision | null {
  for (const [decision, statuses] of CLOSED_BY) if (statuses.has(status)) return decision;
  return null;
}
