import type { AccountRecord, AccountStore, SessionRecord } from '../../ports/accounts.js';
import { hashToken, newSecretToken } from './secrets.js';

/** A session lasts a working day at most, and ends after two hours without a request. */
export const SESSION_TTL_MS = 12 * 3_600_000;
export const SESSION_IDLE_MS = 2 * 3_600_000;
/** Last-seen is written at most once a minute: reading a page should not always mean a write. */
const TOUCH_EVERY_MS = 60_000;

type Deps = { accounts: AccountStore; now: () => Date };

/** Opens a session after a successful sign-in: the cookie gets the value, the table its hash. */
export async function openSession(
  account: AccountRecord,
  deps: Deps,
): Promise<{ value: string; expiresAt: Date }> {
  const now = deps.now();
  const token = newSecretToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await deps.accounts.purgeSessions(now);
  await deps.accounts.createSession({ idHash: token.hash, accountId: account.id, at: now, expiresAt });
  return { value: token.value, expiresAt };
}

/** The signed-in account behind a cookie value, or null. */
export async function readSession(
  value: string,
  deps: Deps,
): Promise<{ session: SessionRecord; account: AccountRecord } | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(value)) return null;
  const now = deps.now();
  const found = await deps.accounts.findSession(hashToken(value), now, SESSION_IDLE_MS);
  if (found && now.getTime() - Date.parse(found.session.lastSeenAt) > TOUCH_EVERY_MS) {
    await deps.accounts.touchSession(found.session.idHash, now);
  }
  return found;
}

export async function closeSession(value: string, deps: Pick<Deps, 'accounts'>): Promise<void> {
  if (/^[A-Za-z0-9_-]{43}$/.test(value)) await deps.accounts.deleteSession(hashToken(value));
}
