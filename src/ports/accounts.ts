import type { Role } from '../domain/accounts/roles.js';
import type { OutboxMessage } from './outbox.js';

/**
 * Accounts of the desk (coordinators, committee, administrators), their one-time links and their
 * sessions. Secrets are never stored as given: a link or a session cookie is kept as the SHA-256
 * of its random value, a password as its argon2id hash. Instants go in as Date and come back as
 * ISO 8601 strings in UTC, as the other stores do.
 */
export interface AccountRecord {
  id: string;
  /** Normalised (lower case, trimmed). */
  email: string;
  displayName: string;
  role: Role;
  /** Null until the person has chosen a password through their one-time link. */
  passwordHash: string | null;
  /** Base32; generated with the account, revealed by the one-time link, confirmed with a code. */
  totpSecret: string | null;
  /** The last time step whose code was accepted: a code is never accepted twice. */
  totpLastStep: number | null;
  createdAt: string;
  activatedAt: string | null;
  disabledAt: string | null;
}

export type AccountTokenKind = 'invitation' | 'bootstrap';

export interface AccountTokenRecord {
  tokenHash: string;
  accountId: string;
  kind: AccountTokenKind;
  createdBy: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface SessionRecord {
  idHash: string;
  accountId: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

export interface NewAccount {
  email: string;
  displayName: string;
  role: Role;
  totpSecret: string;
  at: Date;
}

export interface NewAccountToken {
  tokenHash: string;
  accountId: string;
  kind: AccountTokenKind;
  createdBy: string | null;
  at: Date;
  expiresAt: Date;
  /** Queued in the same transaction (the invitation letter). */
  outbox?: OutboxMessage[];
}

export interface Activation {
  tokenHash: string;
  passwordHash: string;
  /** The time step of the code that confirmed the authenticator. */
  totpStep: number;
  at: Date;
}

export interface AccountStore {
  /** Null when an account with this address exists already. */
  createAccount(input: NewAccount): Promise<AccountRecord | null>;
  findById(id: string): Promise<AccountRecord | null>;
  findByEmail(email: string): Promise<AccountRecord | null>;
  /** Oldest first. */
  list(): Promise<AccountRecord[]>;
  /** Accounts that can sign in: activated and not disabled. */
  countActive(role?: Role): Promise<number>;
  /**
   * Sends someone back to the one-time link: a new authenticator secret, no password, earlier
   * unused links revoked. Used for a new invitation of a pending or disabled account.
   */
  resetCredentials(accountId: string, totpSecret: string, at: Date): Promise<void>;
  /** Stores a one-time link; the account's earlier unused links are revoked in the same transaction. */
  issueToken(input: NewAccountToken): Promise<void>;
  findToken(tokenHash: string): Promise<AccountTokenRecord | null>;
  /**
   * Uses the link and sets the password, in one transaction; false when the link was used, has
   * expired or was revoked meanwhile (two tabs submitting at once: only one wins).
   */
  activate(input: Activation): Promise<AccountRecord | null>;
  /** Records an accepted code's step; false when this step (or a later one) was already used. */
  useTotpStep(accountId: string, step: number): Promise<boolean>;
  /** Disables the account and ends its sessions. */
  disable(accountId: string, at: Date): Promise<boolean>;
  createSession(session: { idHash: string; accountId: string; at: Date; expiresAt: Date }): Promise<void>;
  /** The live session and its account; null when unknown, expired, idle too long or disabled. */
  findSession(
    idHash: string,
    at: Date,
    idleMs: number,
  ): Promise<{ session: SessionRecord; account: AccountRecord } | null>;
  touchSession(idHash: string, at: Date): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  /** Removes sessions past their expiry; returns how many. */
  purgeSessions(at: Date): Promise<number>;
}

/** Password hashing (argon2id in production): slow on purpose, behind a port like every crypto. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a wrong password or a malformed hash; never throws for bad input. */
  verify(hash: string, password: string): Promise<boolean>;
}
