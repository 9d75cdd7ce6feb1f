import type { Call } from '../../domain/call/schema.js';
import type { Lang, Message } from '../../domain/shared/message.js';
import type { AccountRecord, AccountStore } from '../../ports/accounts.js';
import { disableAccount } from './disable-account.js';
import { inviteAccount } from './invite-account.js';

export type ResetAccessResult =
  | { ok: true; account: AccountRecord; expiresAt: Date }
  | { ok: false; status: 400 | 404 | 409; problem: Message };

/**
 * Use case: someone forgot their password or lost the phone with their authenticator app. An
 * administrator gives them a new start: the account is disabled (its sessions end, its unused
 * links stop working, the old password and app no longer sign in), then invited again — a new
 * one-time link by e-mail, a new authenticator secret; the account is active again once the
 * person has used the link. Nobody resets their own access (ask another administrator).
 */
export async function resetAccess(
  accountId: string,
  by: AccountRecord,
  input: { baseUrl: string; lang: Lang },
  deps: { accounts: AccountStore; now: () => Date; call: Call },
): Promise<ResetAccessResult> {
  const account = await deps.accounts.findById(accountId);
  if (account?.id === by.id) {
    return {
      ok: false,
      status: 409,
      problem: {
        fr: 'Vous ne pouvez pas réinitialiser votre propre accès : demandez-le à un autre administrateur.',
        en: 'You cannot reset your own access: ask another administrator.',
      },
    };
  }
  const disabled = await disableAccount(accountId, by, deps);
  if (!disabled.ok) return disabled;
  if (!account) throw new Error('disableAccount found an account findById did not');
  const invited = await inviteAccount(
    { email: account.email, displayName: account.displayName, role: account.role, invitedBy: by, ...input },
    deps,
  );
  return invited.ok ? invited : { ok: false, status: 400, problem: invited.problem };
}
