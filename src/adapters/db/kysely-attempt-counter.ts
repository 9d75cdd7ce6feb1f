import type { AttemptCounter, AttemptLimit, AttemptVerdict } from '../../ports/attempt-counter.js';
import { toIso } from './codec.js';
import type { Executor } from './transaction.js';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Expired rows deleted per attempt: enough to keep the table small, never one long statement. */
const FORGET_PER_ATTEMPT = 100;

interface Slot {
  slot: number;
  expires_at: string;
}

/**
 * The AttemptCounter port over Kysely, the same code on SQLite and PostgreSQL, shared by every
 * process over the database. A key has at most `max` rows (slots 0 … max − 1). An attempt takes
 * a slot in ONE statement — an insert into a free slot (ON CONFLICT DO NOTHING), or an update of
 * an expired row that still holds the expiry read — so of two processes racing for the last slot
 * one wins and the other reads again and is refused: no lock, no transaction, no overshoot. A
 * refused attempt records nothing, as before: someone who keeps trying does not push the end of
 * their wait further.
 */
export class KyselyAttemptCounter implements AttemptCounter {
  constructor(private readonly db: Executor) {}

  async take(keyHash: string, limit: AttemptLimit, now: Date): Promise<AttemptVerdict> {
    if (!SHA256_HEX.test(keyHash)) throw new RangeError('An attempt is counted under a SHA-256 (hex)');
    if (!Number.isInteger(limit.max) || limit.max < 1 || !(limit.windowMs > 0))
      throw new RangeError('An attempt limit needs max ≥ 1 and a window');
    const at = toIso(now);
    const expiresAt = toIso(new Date(now.getTime() + limit.windowMs));
    await this.forgetBatch(at);
    // A round is lost only when another process took a slot of this key (or deleted the expired
    // row we meant to reuse) between our read and our write; after max + 1 such rounds there is
    // no room left anyway.
    for (let round = 0; round <= limit.max + 1; round += 1) {
      const slots = await this.db
        .selectFrom('sign_in_attempts')
        .select(['slot', 'expires_at'])
        .where('key_hash', '=', keyHash)
        .orderBy('expires_at')
        .execute();
      const live = slots.filter((s) => s.expires_at > at);
      const first = live[0];
      if (first && live.length >= limit.max) return refused(first.expires_at, now);
      if (await this.claim(keyHash, slots, limit.max, { at, expiresAt })) return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: 1 };
  }

  /** Takes a free slot, else the expired slot that ends first; false when another process won. */
  private async claim(
    keyHash: string,
    slots: Slot[],
    max: number,
    times: { at: string; expiresAt: string },
  ): Promise<boolean> {
    const used = new Set(slots.map((s) => s.slot));
    let free = 0;
    while (used.has(free)) free += 1;
    if (free < max) {
      const result = await this.db
        .insertInto('sign_in_attempts')
        .values({ key_hash: keyHash, slot: free, at: times.at, expires_at: times.expiresAt })
        .onConflict((oc) => oc.columns(['key_hash', 'slot']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    }
    // Every slot below max has a row and fewer than max are live: one of them has expired.
    const expired = slots.find((s) => s.slot < max && s.expires_at <= times.at);
    if (!expired) return false;
    const result = await this.db
      .updateTable('sign_in_attempts')
      .set({ at: times.at, expires_at: times.expiresAt })
      .where('key_hash', '=', keyHash)
      .where('slot', '=', expired.slot)
      .where('expires_at', '=', expired.expires_at)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async forgetExpired(now: Date, dryRun = false): Promise<number> {
    // Expired as take() sees it: a row is live only while its expiry is after now.
    const at = toIso(now);
    if (dryRun) {
      const row = await this.db
        .selectFrom('sign_in_attempts')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('expires_at', '<=', at)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    }
    const result = await this.db
      .deleteFrom('sign_in_attempts')
      .where('expires_at', '<=', at)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Deletes a bounded batch of expired rows (of any key): the table holds the live window only. */
  private async forgetBatch(now: string): Promise<void> {
    await this.db
      .deleteFrom('sign_in_attempts')
      .where(({ eb, refTuple, selectFrom }) =>
        eb(
          refTuple('key_hash', 'slot'),
          'in',
          selectFrom('sign_in_attempts')
            .select(['key_hash', 'slot'])
            .where('expires_at', '<=', now)
            .orderBy('expires_at')
            .limit(FORGET_PER_ATTEMPT)
            .$asTuple('key_hash', 'slot'),
        ),
      )
      .execute();
  }
}

/** Refused until the oldest live attempt leaves the window: at least one second (Retry-After). */
function refused(firstExpiry: string, now: Date): AttemptVerdict {
  const ms = Date.parse(firstExpiry) - now.getTime();
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)) };
}
