import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KyselyAccountStore } from '../../../src/adapters/db/repositories/accounts.js';
import { randomIds } from '../../../src/ports/id-generator.js';
import type { MakeDatabase, TestDatabase } from './databases.js';
import { sha256, storesFor } from './fixtures.js';

const AT = new Date('2026-03-01T09:00:00.000Z');
const later = (ms: number) => new Date(AT.getTime() + ms);
const HOUR = 3_600_000;

/** The desk's accounts, one-time links and sessions. */
export function accountSuite(makeDb: MakeDatabase): void {
  describe('accounts', () => {
    let t: TestDatabase;
    let s: Awaited<ReturnType<typeof storesFor>>;
    let accounts: KyselyAccountStore;
    before(async () => {
      t = await makeDb();
      s = await storesFor(t.handle);
      accounts = new KyselyAccountStore(t.handle.db, randomIds);
    });
    after(() => t.drop());

    const newAccount = (email: string) =>
      accounts.createAccount({
        email,
        displayName: 'Claire Petit',
        role: 'committee',
        totpSecret: 'ABCD',
        at: AT,
      });

    it('create an account once per address, pending until its link is used', async () => {
      const created = await newAccount('claire@exemple.fr');
      assert.ok(created);
      assert.equal(created.passwordHash, null);
      assert.equal(created.activatedAt, null);
      assert.equal(await newAccount('claire@exemple.fr'), null, 'one account per address');
      assert.deepEqual(await accounts.findByEmail('claire@exemple.fr'), created);
      assert.equal(await accounts.countActive(), 0);
    });

    it('use a one-time link once, before it expires; a newer link revokes the older one', async () => {
      const account = await newAccount('jean@exemple.fr');
      assert.ok(account);
      const first = sha256('lien 1');
      const second = sha256('lien 2');
      await accounts.issueToken({
        tokenHash: first,
        accountId: account.id,
        kind: 'invitation',
        createdBy: null,
        at: AT,
        expiresAt: later(24 * HOUR),
        outbox: [{ kind: 'letter', payload: { to: 'x' }, dedupeKey: `invitation:${first}` }],
      });
      await accounts.issueToken({
        tokenHash: second,
        accountId: account.id,
        kind: 'invitation',
        createdBy: null,
        at: later(1000),
        expiresAt: later(24 * HOUR),
      });
      const pending = await s.outbox.claimDue({ worker: 'test', limit: 10 });
      assert.equal(
        pending.filter((j) => j.dedupeKey === `invitation:${first}`).length,
        1,
        'letter queued with the link',
      );
      const activation = { passwordHash: '$argon2id$x', totpStep: 100, at: later(2000) };
      assert.equal(
        await accounts.activate({ ...activation, tokenHash: first }),
        null,
        'revoked by the newer link',
      );
      assert.equal(
        await accounts.activate({ ...activation, tokenHash: second, at: later(25 * HOUR) }),
        null,
        'expired',
      );
      const activated = await accounts.activate({ ...activation, tokenHash: second });
      assert.equal(activated?.passwordHash, '$argon2id$x');
      assert.equal(activated?.totpLastStep, 100);
      assert.equal(await accounts.activate({ ...activation, tokenHash: second }), null, 'used once');
      assert.equal((await accounts.findToken(second))?.usedAt, later(2000).toISOString());
      assert.equal(await accounts.findToken('pas-un-hash'), null);
      assert.equal(await accounts.countActive('committee'), 1);
      assert.equal(await accounts.countActive('administrator'), 0);
    });

    it('accept a code’s time step once, and never an earlier one', async () => {
      const account = await accounts.findByEmail('jean@exemple.fr');
      assert.ok(account);
      assert.equal(await accounts.useTotpStep(account.id, 100), false, 'the step of the activation code');
      assert.equal(await accounts.useTotpStep(account.id, 101), true);
      assert.equal(await accounts.useTotpStep(account.id, 101), false);
      assert.equal(await accounts.useTotpStep(account.id, 99), false);
    });

    it('find a live session, not an expired or idle one, and none once the account is disabled', async () => {
      const account = await accounts.findByEmail('jean@exemple.fr');
      assert.ok(account);
      const id = sha256('session 1');
      await accounts.createSession({
        idHash: id,
        accountId: account.id,
        at: AT,
        expiresAt: later(12 * HOUR),
      });
      assert.equal((await accounts.findSession(id, later(HOUR), 2 * HOUR))?.account.id, account.id);
      assert.equal(await accounts.findSession(id, later(3 * HOUR), 2 * HOUR), null, 'idle too long');
      await accounts.touchSession(id, later(2 * HOUR));
      assert.ok(await accounts.findSession(id, later(3 * HOUR), 2 * HOUR), 'seen again');
      assert.equal(await accounts.findSession(id, later(13 * HOUR), 24 * HOUR), null, 'expired');
      assert.equal(await accounts.purgeSessions(later(13 * HOUR)), 1);

      const other = sha256('session 2');
      await accounts.createSession({
        idHash: other,
        accountId: account.id,
        at: AT,
        expiresAt: later(12 * HOUR),
      });
      assert.equal(await accounts.disable(account.id, later(HOUR)), true);
      assert.equal(await accounts.disable(account.id, later(HOUR)), false, 'already disabled');
      assert.equal(await accounts.findSession(other, later(HOUR), 2 * HOUR), null);
      assert.equal(await accounts.countActive(), 0);
    });

    it('send a pending or disabled account back to its link with a new secret', async () => {
      const account = await accounts.findByEmail('jean@exemple.fr');
      assert.ok(account);
      await accounts.resetCredentials(account.id, 'EFGH', later(HOUR));
      const reset = await accounts.findById(account.id);
      assert.equal(reset?.passwordHash, null);
      assert.equal(reset?.totpSecret, 'EFGH');
      assert.equal(reset?.totpLastStep, null);
      const link = sha256('lien 3');
      await accounts.issueToken({
        tokenHash: link,
        accountId: account.id,
        kind: 'invitation',
        createdBy: null,
        at: later(HOUR),
        expiresAt: later(2 * HOUR),
      });
      const back = await accounts.activate({
        tokenHash: link,
        passwordHash: 'h',
        totpStep: 5,
        at: later(HOUR),
      });
      assert.equal(back?.disabledAt, null, 'enabled again by its new link');
      assert.deepEqual((await accounts.list()).map((a) => a.email).sort(), [
        'claire@exemple.fr',
        'jean@exemple.fr',
      ]);
    });
  });
}
