import { cleanTotpCode, passwordProblem } from '../../domain/accounts/credentials.js';
import type { Message } from '../../domain/shared/message.js';
import type { AccountRecord, AccountTokenRecord } from '../../ports/accounts.js';
import type { AccountDeps } from './deps.js';
import { hashToken, looksLikeToken, totpStep, totpUri } from './secrets.js';

export interface PendingActivation {
  account: AccountRecord;
  link: AccountTokenRecord;
  /** The authenticator secret to enter in the app (base32). */
  secret: string;
  /** The same as an otpauth:// address. */
  uri: string;
}

/**
 * What a one-time link opens, or null for a link that is unknown, used, expired or revoked (one
 * answer for all: the page must not tell a guesser which links once existed).
 */
export async function pendingActivation(
  token: string,
  deps: Pick<AccountDeps, 'accounts' | 'now'>,
  issuer: string,
): Promise<PendingActivation | null> {
  if (!looksLikeToken(token)) return null;
  const link = await deps.accounts.findToken(hashToken(token));
  if (!link || link.usedAt !== null || Date.parse(link.expiresAt) <= deps.now().getTime()) return null;
  const account = await deps.accounts.findById(link.accountId);
  if (!account?.totpSecret) return null;
  return {
    account,
    link,
    secret: account.totpSecret,
    uri: totpUri(account.totpSecret, issuer, account.email),
  };
}

export interface ActivationForm {
  password: string;
  passwordAgain: string;
  code: string;
}

export type ActivationResult =
  | { ok: true; account: AccountRecord }
  | { ok: false; reason: 'link-invalid' }
  | { ok: false; reason: 'form'; password?: Message; code?: Message };

/**
 * Use case: the person behind a one-time link chooses a password and proves, with a first code,
 * that their authenticator app holds the secret. Both are saved and the link used in one
 * transaction; until then, nothing about the account changes.
 */
export async function activateAccount(
  token: string,
  form: ActivationForm,
  deps: AccountDeps,
  issuer: string,
): Promise<ActivationResult> {
  const pending = await pendingActivation(token, deps, issuer);
  if (!pending) return { ok: false, reason: 'link-invalid' };
  const now = deps.now();
  const problems: { password?: Message; code?: Message } = {};
  const weak = passwordProblem(form.password, pending.account.email);
  if (weak) problems.password = weak;
  else if (form.password !== form.passwordAgain)
    problems.password = {
      fr: 'Les deux mots de passe ne sont pas identiques : tapez-les de nouveau.',
      en: 'The two passwords differ: type them again.',
    };
  const code = cleanTotpCode(form.code);
  const step = code === null ? null : totpStep(pending.secret, code, now);
  if (step === null)
    problems.code = {
      fr: 'Ce code n’est pas le bon. Vérifiez que l’application affiche le compte de ce bureau, puis tapez le code actuel (6 chiffres).',
      en: 'This code is not the right one. Check that the app shows this desk’s account, then type the current code (6 digits).',
    };
  if (problems.password || problems.code || step === null) return { ok: false, reason: 'form', ...problems };
  const passwordHash = await deps.hasher.hash(form.password);
  const account = await deps.accounts.activate({
    tokenHash: pending.link.tokenHash,
    passwordHash,
    totpStep: step,
    at: now,
  });
  return account ? { ok: true, account } : { ok: false, reason: 'link-invalid' };
}
