/**
 * Attempts counted over a sliding window (sign-in per client address and per account), shared by
 * every process that uses the same store: with several instances of the desk behind a proxy, the
 * limit is the limit, not the limit times the number of instances.
 */
export interface AttemptLimit {
  /** Attempts allowed in any window. */
  max: number;
  windowMs: number;
}

export type AttemptVerdict =
  | { allowed: true }
  /** Refused, and nothing recorded: the key may try again in `retryAfterSeconds` (at least 1). */
  | { allowed: false; retryAfterSeconds: number };

export interface AttemptCounter {
  /**
   * Records an attempt for `keyHash` at `now`, unless the key already made `limit.max` attempts
   * in the window ending at `now`. The key is a hash (SHA-256 hex, 64 characters), never the
   * address it stands for: a store refuses anything else.
   */
  take(keyHash: string, limit: AttemptLimit, now: Date): Promise<AttemptVerdict>;

  /**
   * Deletes every attempt out of its window at `now` (of any key), and says how many went; a dry
   * run only counts them. For the sweep: an attempt deletes a bounded batch only, so rows left
   * when nobody signs in any more would stay.
   */
  forgetExpired(now: Date, dryRun?: boolean): Promise<number>;
}
