import type { AccountStore, PasswordHasher } from '../../ports/accounts.js';

/** What the account use cases need: the store, the password hasher, and the time. */
export interface AccountDeps {
  accounts: AccountStore;
  hasher: PasswordHasher;
  now: () => Date;
}
