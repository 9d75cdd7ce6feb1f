/**
 * "Now" comes through a port: deadlines, leases and backoff are then testable with a fixed time,
 * and nothing in the application reads the system clock behind the tests' back.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to (tests, replays). */
export function manualClock(
  start: Date | string,
): Clock & { advance(ms: number): void; set(at: Date): void } {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
    set: (at) => {
      current = at.getTime();
    },
  };
}
