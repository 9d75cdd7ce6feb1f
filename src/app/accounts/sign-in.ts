import { cleanTotpCode, normaliseEmail, PASSWORD_MAX } from '../../domain/accounts/credentials.js';
import type { AccountRecord, PasswordHasher } from '../../ports/accounts.js';
import type { AccountDeps } from './deps.js';
import { totpStep } from './secrets.js';

export type SignInResult = { ok: true; account: AccountRecord } | { ok: false };

/** A hash of nothing in particular, verified when the address is unknown so that timing tells nothing. */
const dummyHashes = new WeakMap<PasswordHasher, Promise<string>>();

function dummyHash(hasher: PasswordHasher): Promise<string> {
  let hash = dummyHashes.get(hasher);
  if (!hash) {
    hash = hasher.hash('appel: no such account, same work');
    dummyHashes.set(hasher, hash);
  }
  return hash;
}

/**
 * Use case: signing in with an address, a password and the authenticator's current code. Every
 * refusal is the same refusal (unknown address, pending or disabled account, wrong password, wrong
 * or already used code) and costs the same password check: nothing tells whether an address has an
 * account. A code is accepted once: its time step is recorded, and a replay is refused.
 */
export async function signIn(
  form: { email: string; password: string; code: string },
  deps: AccountDeps,
): Promise<SignInResult> {
  const password = form.password.slice(0, PASSWORD_MAX * 4);
  const account = await deps.accounts.findByEmail(normaliseEmail(form.email));
  if (!account?.passwordHash || !account.totpSecret || account.disabledAt !== null) {
    await deps.hasher.verify(await dummyHash(deps.hasher), password);
    return { ok: false };
  }
  const usable = { ...account, totpSecret: account.totpSecret };
  if (!(await deps.hasher.verify(account.passwordHash, password))) return { ok: false };
  const code = cleanTotpCode(form.code);
  const step = code === null ? null : totpStep(usable.totpSecret, code, deps.now());
  if (step === null || !(await deps.accounts.useTotpStep(usable.id, step))) return { ok: false };
  return { ok: true, account: usable };
}
