import type { Call } from '../call/schema.js';
import { type Action, transition } from './lifecycle.js';
import { type FieldName, missingFieldsFor, type StatusFacts } from './requirements.js';
import type { Status } from './status.js';

export interface IntakeDecision {
  status: Status;
  late: boolean;
  /** What the submission lacks to be complete, asked of the author in the receipt. */
  missing: FieldName[];
}

/**
 * Where a new submission starts. Every submission is recorded as `received`; the system then
 * moves it, through the one transition table, to `late` (the coordinators decide), `incomplete`
 * (the receipt asks for what is missing) or `complete`.
 */
export function decideIntake(call: Call, facts: StatusFacts, late: boolean): IntakeDecision {
  const missing = missingFieldsFor('complete', facts, {
    contactDetails: call.contactDetails,
    consents: call.consents,
    contract: call.contract,
  });
  const action: Action = late ? 'mark_late' : missing.length > 0 ? 'mark_incomplete' : 'mark_complete';
  const moved = transition('received', action, 'system');
  if (!moved.ok) throw moved.error;
  return { status: moved.status, late, missing };
}
