import { createHmac } from 'node:crypto';
import type { AttemptCounter, AttemptLimit, AttemptVerdict } from '../../../ports/attempt-counter.js';

/**
 * The key used when no server secret is configured (APPEL_COOKIE_SECRET): the same in every
 * process, so that instances still share their counts. Without a secret the stored hash of an
 * address can be found again by trying addresses; the rows live one window only.
 */
const UNKEYED = 'appel: sign-in attempts without a configured secret';

/** Sign-in attempts by client and by account; requests for a lost private link, by client and by address. */
export type AttemptKind = 'address' | 'account' | 'link-request-address' | 'link-request-email';

/**
 * Sign-in attempts of one kind (per client address, per account address) over a sliding window,
 * counted in the database so that every instance of the desk shares one count. What is limited
 * is never stored: only an HMAC-SHA-256 of it, keyed with the server's secret and the kind.
 * (The per-minute limit of every route, @fastify/rate-limit's, stays per process: it guards the
 * process, not the accounts.)
 */
export class Attempts {
  private readonly limit: AttemptLimit;
  private readonly secret: string;

  constructor(
    private readonly counter: AttemptCounter,
    private readonly kind: AttemptKind,
    options: AttemptLimit & { secret?: string | undefined },
  ) {
    this.limit = { max: options.max, windowMs: options.windowMs };
    this.secret = options.secret || UNKEYED;
  }

  /** Records an attempt for `value`, or refuses it (nothing recorded) with the wait in seconds. */
  take(value: string, now: Date): Promise<AttemptVerdict> {
    return this.counter.take(attemptKey(this.secret, this.kind, value), this.limit, now);
  }
}

/** The stored key: HMAC-SHA-256 (hex) of the kind and the value, keyed with the secret. */
export function attemptKey(secret: string, kind: string, value: string): string {
  return createHmac('sha256', secret).update(`sign-in ${kind}\0${value}`, 'utf8').digest('hex');
}
