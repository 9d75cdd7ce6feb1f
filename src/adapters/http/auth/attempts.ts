/**
 * Counts attempts per key over a sliding window (sign-in per address and per account). In memory:
 * right for the embedded default (one process); several processes each keep their own count, so
 * the effective limit is the per-process limit times the number of processes.
 */
export class Attempts {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Records an attempt; false when the key already used its attempts in the window. */
  take(key: string, now: number): boolean {
    const since = now - this.windowMs;
    const recent = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (recent.length >= this.max) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.forgetOld(since);
    return true;
  }

  /** Seconds until the key may try again (for Retry-After). */
  retryAfter(key: string, now: number): number {
    const oldest = (this.hits.get(key) ?? [])[0];
    return oldest === undefined ? 0 : Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
  }

  private forgetOld(since: number): void {
    for (const [key, times] of this.hits) if (!times.some((t) => t > since)) this.hits.delete(key);
  }
}
