import type { Selectable } from 'kysely';
import type { Role } from '../../../domain/accounts/roles.js';
import { isRole } from '../../../domain/accounts/roles.js';
import type {
  AccountRecord,
  AccountStore,
  AccountTokenKind,
  AccountTokenRecord,
  Activation,
  NewAccount,
  NewAccountToken,
  SessionRecord,
} from '../../../ports/accounts.js';
import type { IdGenerator } from '../../../ports/id-generator.js';
import { toIso } from '../codec.js';
import type { AccountSessionsTable, AccountsTable, AccountTokensTable } from '../schema.js';
import { type Executor, withTransaction } from '../transaction.js';
import { enqueue } from './outbox.js';

const SHA256_HEX = /^[0-9a-f]{64}$/;

function checkHash(hash: string): void {
  if (!SHA256_HEX.test(hash)) throw new RangeError('Links and sessions are stored by their SHA-256 (hex)');
}

/** The AccountStore port over Kysely; the same code on SQLite and PostgreSQL. */
export class KyselyAccountStore implements AccountStore {
  constructor(
    private readonly db: Executor,
    private readonly ids: IdGenerator,
  ) {}

  async createAccount(input: NewAccount): Promise<AccountRecord | null> {
    const at = toIso(input.at);
    const row = await this.db
      .insertInto('accounts')
      .values({
        id: this.ids.newId(),
        email: input.email,
        display_name: input.displayName,
        role: input.role,
        password_hash: null,
        totp_secret: input.totpSecret,
        totp_last_step: null,
        created_at: at,
        activated_at: null,
        disabled_at: null,
        updated_at: at,
      })
      .onConflict((oc) => oc.column('email').doNothing())
      .returningAll()
      .executeTakeFirst();
    return row ? toAccount(row) : null;
  }

  async findById(id: string): Promise<AccountRecord | null> {
    const row = await this.db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toAccount(row) : null;
  }

  async findByEmail(email: string): Promise<AccountRecord | null> {
    const row = await this.db
      .selectFrom('accounts')
      .selectAll()
      .where('email', '=', email)
      .executeTakeFirst();
    return row ? toAccount(row) : null;
  }

  async list(): Promise<AccountRecord[]> {
    const rows = await this.db
      .selectFrom('accounts')
      .selectAll()
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toAccount);
  }

  async countActive(role?: Role): Promise<number> {
    let q = this.db
      .selectFrom('accounts')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('activated_at', 'is not', null)
      .where('disabled_at', 'is', null);
    if (role) q = q.where('role', '=', role);
    const row = await q.executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async resetCredentials(accountId: string, totpSecret: string, at: Date): Promise<void> {
    await this.db
      .updateTable('accounts')
      .set({
        password_hash: null,
        totp_secret: totpSecret,
        totp_last_step: null,
        activated_at: null,
        updated_at: toIso(at),
      })
      .where('id', '=', accountId)
      .execute();
  }

  async issueToken(input: NewAccountToken): Promise<void> {
    checkHash(input.tokenHash);
    const at = toIso(input.at);
    await withTransaction(this.db, async (trx) => {
      // Earlier unused links of this account stop working: only the newest one may be used.
      await trx
        .updateTable('account_tokens')
        .set({ expires_at: at })
        .where('account_id', '=', input.accountId)
        .where('used_at', 'is', null)
        .where('expires_at', '>', at)
        .execute();
      await trx
        .insertInto('account_tokens')
        .values({
          token_hash: input.tokenHash,
          account_id: input.accountId,
          kind: input.kind,
          created_by: input.createdBy,
          created_at: at,
          expires_at: toIso(input.expiresAt),
          used_at: null,
        })
        .execute();
      for (const message of input.outbox ?? []) await enqueue(trx, message, at);
    });
  }

  async findToken(tokenHash: string): Promise<AccountTokenRecord | null> {
    if (!SHA256_HEX.test(tokenHash)) return null;
    const row = await this.db
      .selectFrom('account_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row ? toToken(row) : null;
  }

  async activate(input: Activation): Promise<AccountRecord | null> {
    checkHash(input.tokenHash);
    const at = toIso(input.at);
    return withTransaction(this.db, async (trx) => {
      // The guarded update is the check: a used, expired or revoked link changes no row.
      const used = await trx
        .updateTable('account_tokens')
        .set({ used_at: at })
        .where('token_hash', '=', input.tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', at)
        .returning(['account_id'])
        .executeTakeFirst();
      if (!used) return null;
      const row = await trx
        .updateTable('accounts')
        .set({
          password_hash: input.passwordHash,
          totp_last_step: input.totpStep,
          activated_at: at,
          disabled_at: null,
          updated_at: at,
        })
        .where('id', '=', used.account_id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toAccount(row);
    });
  }

  async useTotpStep(accountId: string, step: number): Promise<boolean> {
    const result = await this.db
      .updateTable('accounts')
      .set({ totp_last_step: step })
      .where('id', '=', accountId)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async disable(accountId: string, at: Date): Promise<boolean> {
    const iso = toIso(at);
    return withTransaction(this.db, async (trx) => {
      const result = await trx
        .updateTable('accounts')
        .set({ disabled_at: iso, updated_at: iso })
        .where('id', '=', accountId)
        .where('disabled_at', 'is', null)
        .executeTakeFirst();
      await trx.deleteFrom('account_sessions').where('account_id', '=', accountId).execute();
      await trx
        .updateTable('account_tokens')
        .set({ expires_at: iso })
        .where('account_id', '=', accountId)
        .where('used_at', 'is', null)
        .where('expires_at', '>', iso)
        .execute();
      return Number(result.numUpdatedRows) === 1;
    });
  }

  async createSession(session: { idHash: string; accountId: string; at: Date; expiresAt: Date }) {
    checkHash(session.idHash);
    const at = toIso(session.at);
    await this.db
      .insertInto('account_sessions')
      .values({
        id_hash: session.idHash,
        account_id: session.accountId,
        created_at: at,
        expires_at: toIso(session.expiresAt),
        last_seen_at: at,
      })
      .execute();
  }

  async findSession(
    idHash: string,
    at: Date,
    idleMs: number,
  ): Promise<{ session: SessionRecord; account: AccountRecord } | null> {
    if (!SHA256_HEX.test(idHash)) return null;
    const now = toIso(at);
    const row = await this.db
      .selectFrom('account_sessions')
      .selectAll()
      .where('id_hash', '=', idHash)
      .where('expires_at', '>', now)
      .where('last_seen_at', '>', toIso(new Date(at.getTime() - idleMs)))
      .executeTakeFirst();
    if (!row) return null;
    const account = await this.findById(row.account_id);
    if (!account || account.disabledAt !== null || account.passwordHash === null) return null;
    return { session: toSession(row), account };
  }

  async touchSession(idHash: string, at: Date): Promise<void> {
    await this.db
      .updateTable('account_sessions')
      .set({ last_seen_at: toIso(at) })
      .where('id_hash', '=', idHash)
      .execute();
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.deleteFrom('account_sessions').where('id_hash', '=', idHash).execute();
  }

  async purgeSessions(at: Date): Promise<number> {
    const result = await this.db
      .deleteFrom('account_sessions')
      .where('expires_at', '<=', toIso(at))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

function toAccount(row: Selectable<AccountsTable>): AccountRecord {
  if (!isRole(row.role)) throw new RangeError(`Unknown role in the accounts table: ${row.role}`);
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    passwordHash: row.password_hash,
    totpSecret: row.totp_secret,
    totpLastStep: row.totp_last_step === null ? null : Number(row.totp_last_step),
    createdAt: row.created_at,
    activatedAt: row.activated_at,
    disabledAt: row.disabled_at,
  };
}

function toToken(row: Selectable<AccountTokensTable>): AccountTokenRecord {
  return {
    tokenHash: row.token_hash,
    accountId: row.account_id,
    kind: row.kind as AccountTokenKind,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
  };
}

function toSession(row: Selectable<AccountSessionsTable>): SessionRecord {
  return {
    idHash: row.id_hash,
    accountId: row.account_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastSeenAt: row.last_seen_at,
  };
}
