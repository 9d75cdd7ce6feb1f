import { looksLikeEmail, normaliseEmail } from '../../domain/accounts/credentials.js';
import type { AccountRecord, AccountStore } from '../../ports/accounts.js';
import { BOOTSTRAP_TTL_MS } from './links.js';
import { newSecretToken, newTotpSecret } from './secrets.js';

export type BootstrapResult =
  | { ok: true; account: AccountRecord; token: string; expiresAt: Date }
  | { ok: false; reason: 'administrator-exists' | 'email-taken' | 'email-invalid' };

/**
 * Use case: the first administrator. While no administrator can sign in, it creates one (or takes
 * the one created earlier whose link was never used) and gives a one-time link, valid 30 minutes,
 * to choose a password and set up the authenticator. Once an administrator exists it refuses:
 * everyone else comes in by invitation.
 */
export async function bootstrapAdministrator(
  input: { email: string; displayName: string },
  deps: { accounts: AccountStore; now: () => Date },
): Promise<BootstrapResult> {
  if ((await deps.accounts.countActive('administrator')) > 0)
    return { ok: false, reason: 'administrator-exists' };
  const email = normaliseEmail(input.email);
  if (!looksLikeEmail(email)) return { ok: false, reason: 'email-invalid' };
  const now = deps.now();
  const secret = newTotpSecret();
  let account = await deps.accounts.findByEmail(email);
  if (account && account.role !== 'administrator') return { ok: false, reason: 'email-taken' };
  if (account) await deps.accounts.resetCredentials(account.id, secret, now);
  else {
    account = await deps.accounts.createAccount({
      email,
      displayName: input.displayName.trim() || email,
      role: 'administrator',
      totpSecret: secret,
      at: now,
    });
    if (!account) return bootstrapAdministrator(input, deps);
  }
  const token = newSecretToken();
  const expiresAt = new Date(now.getTime() + BOOTSTRAP_TTL_MS);
  await deps.accounts.issueToken({
    tokenHash: token.hash,
    accountId: account.id,
    kind: 'bootstrap',
    createdBy: null,
    at: now,
    expiresAt,
  });
  return { ok: true, account, token: token.value, expiresAt };
}
