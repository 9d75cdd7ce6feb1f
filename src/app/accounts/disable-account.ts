import type { Message } from '../../domain/shared/message.js';
import type { AccountRecord, AccountStore } from '../../ports/accounts.js';

export type DisableResult = { ok: true } | { ok: false; status: 404 | 409; problem: Message };

/**
 * Use case: an administrator disables an account; its sessions end at once and its unused links
 * stop working. Nobody disables themselves (it would lock the desk from the inside), and the last
 * active administrator stays.
 */
export async function disableAccount(
  accountId: string,
  by: AccountRecord,
  deps: { accounts: AccountStore; now: () => Date },
): Promise<DisableResult> {
  const account = await deps.accounts.findById(accountId);
  if (!account) {
    return {
      ok: false,
      status: 404,
      problem: { fr: 'Ce compte n’existe pas.', en: 'This account does not exist.' },
    };
  }
  if (account.id === by.id) {
    return {
      ok: false,
      status: 409,
      problem: {
        fr: 'Vous ne pouvez pas désactiver votre propre compte : demandez-le à un autre administrateur.',
        en: 'You cannot disable your own account: ask another administrator.',
      },
    };
  }
  await deps.accounts.disable(account.id, deps.now());
  return { ok: true };
}
