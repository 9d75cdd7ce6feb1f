import { effectiveDeadline } from '../call/deadline.js';
import type { Call } from '../call/schema.js';
import type { CallFacts } from './model.js';

/**
 * The part of a call a letter quotes, taken from the call as it stands: the deadline is the one in
 * force with every extension, since a letter tells the author what they can still do.
 */
export function callFacts(call: Call): CallFacts {
  const deadline = effectiveDeadline(call.deadline);
  const facts: CallFacts = {
    journal: call.journal,
    issue: call.issue,
    theme: call.theme,
    deadline: { date: deadline.date, timeZone: deadline.timeZone },
    minSignes: call.manuscript.minSignes,
    maxSignes: call.manuscript.maxSignes,
    formats: [...call.manuscript.formats],
    contactDetails: { ...call.contactDetails },
  };
  if (call.channels.email) facts.submissionAddress = call.channels.email;
  return facts;
}
