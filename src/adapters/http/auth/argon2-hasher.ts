import { argon2id, type HashOptions, hash, verify } from 'argon2';
import type { PasswordHasher } from '../../../ports/accounts.js';

/**
 * argon2id with OWASP's baseline (19 MiB, 2 passes, 1 lane): about 30 ms a hash on a laptop,
 * thousands of times that for whoever steals the table.
 */
export const OWASP_ARGON2ID: HashOptions = {
  type: argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

export function argon2Hasher(options: HashOptions = {}): PasswordHasher {
  const settings = { ...OWASP_ARGON2ID, ...options, raw: false as const };
  return {
    hash: (password) => hash(password, settings),
    verify: async (stored, password) => {
      try {
        return await verify(stored, password);
      } catch {
        return false;
      }
    },
  };
}
