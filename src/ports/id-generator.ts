import { randomUUID } from 'node:crypto';

/**
 * Identifiers of calls, submissions, authors and versions. Random (not sequential) because a
 * submission's identifier appears in links sent to its author: it must not be guessable.
 */
export interface IdGenerator {
  newId(): string;
}

export const randomIds: IdGenerator = { newId: () => randomUUID() };

/** Predictable identifiers for tests: prefix-1, prefix-2, … */
export function sequentialIds(prefix = 'id'): IdGenerator {
  let n = 0;
  return { newId: () => `${prefix}-${++n}` };
}
