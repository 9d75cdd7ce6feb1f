import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningDesk } from '../helpers/http-server.js';
import {
  activate,
  type Staff,
  signIn,
  staffMember,
  startTestDesk,
  type TestClock,
  Visitor,
} from './desk-helpers.js';

/**
 * « Réinitialiser l’accès »: a forgotten password or a lost phone. The administrator's one click
 * ends the person's sessions and old credentials and sends a new invitation; the person starts
 * again from the new link, with a new authenticator secret.
 */
describe('resetting someone’s access', () => {
  let desk: RunningDesk;
  let clock: TestClock;
  let admin: Staff;
  before(async () => {
    ({ desk, clock } = await startTestDesk());
    admin = await staffMember(desk, clock, 'administrator', 'ada@exemple.fr');
  });
  after(() => desk.close());

  async function invitationTo(email: string): Promise<string> {
    const jobs = await desk.context.outbox.claimDue({ worker: 'test', limit: 100 });
    const job = jobs.find((j) => (j.payload as { to?: { address?: string } }).to?.address === email);
    assert.ok(job, `an invitation to ${email} is queued`);
    return new URL((job.payload as { letter: { url: string } }).letter.url).pathname;
  }

  it('ends the sessions and the old credentials, and the new link gives a new start', async () => {
    const coordinator = await staffMember(desk, clock, 'coordinator', 'coco@exemple.fr', admin.account);
    assert.equal((await coordinator.visitor.get('/bureau')).status, 200);

    const { html, csrf } = await admin.visitor.page('/bureau/comptes');
    assert.match(html, new RegExp(`action="/bureau/comptes/${coordinator.account.id}/reinitialisation"`));
    assert.doesNotMatch(html, new RegExp(`action="/bureau/comptes/${admin.account.id}/reinitialisation"`));
    const asked = await admin.visitor.post(`/bureau/comptes/${coordinator.account.id}/reinitialisation`, {
      _csrf: csrf,
    });
    assert.equal(asked.status, 200, 'asked once more first');
    const question = await asked.text();
    assert.match(question, /Réinitialiser l’accès de Personne coordinator[\s\u202f]\?/);
    assert.match(question, /une nouvelle invitation part vers coco@exemple\.fr/);
    assert.equal((await coordinator.visitor.get('/bureau')).status, 200, 'nothing done before the answer');
    const reset = await admin.visitor.post(`/bureau/comptes/${coordinator.account.id}/reinitialisation`, {
      _csrf: csrf,
      confirmer: 'oui',
    });
    assert.equal(reset.status, 303);
    assert.equal(reset.headers.get('location'), '/bureau/comptes?reinitialise=1');
    assert.match(
      await (await admin.visitor.get('/bureau/comptes?reinitialise=1')).text(),
      /Accès réinitialisé/,
    );

    const ended = await coordinator.visitor.get('/bureau');
    assert.equal(ended.status, 302, 'the old session has ended');
    assert.match(ended.headers.get('location') ?? '', /^\/connexion/);
    const old = await signIn(new Visitor(desk.url), 'coco@exemple.fr', coordinator.secret, clock);
    assert.equal(old.status, 401, 'the old password and app no longer sign in');

    const fresh = new Visitor(desk.url);
    const secret = await activate(fresh, await invitationTo('coco@exemple.fr'), clock);
    assert.notEqual(secret, coordinator.secret, 'a new authenticator secret');
    assert.equal((await fresh.get('/bureau')).status, 200);
    const again = await signIn(new Visitor(desk.url), 'coco@exemple.fr', secret, clock);
    assert.equal(again.status, 303);
    const account = await desk.context.accounts.findByEmail('coco@exemple.fr');
    assert.equal(account?.role, 'coordinator', 'the role is kept');
    assert.equal(account?.disabledAt, null);
  });

  it('asks once more before disabling an account, then ends its sessions', async () => {
    const member = await staffMember(desk, clock, 'committee', 'membre@exemple.fr', admin.account);
    const { csrf } = await admin.visitor.page('/bureau/comptes');
    const asked = await admin.visitor.post(`/bureau/comptes/${member.account.id}/desactivation`, {
      _csrf: csrf,
    });
    assert.equal(asked.status, 200);
    assert.match(await asked.text(), /Désactiver le compte de Personne committee[\s\u202f]\?/);
    assert.equal((await member.visitor.get('/bureau')).status, 200, 'still signed in before the answer');
    const done = await admin.visitor.post(`/bureau/comptes/${member.account.id}/desactivation`, {
      _csrf: csrf,
      confirmer: 'oui',
    });
    assert.equal(done.status, 303);
    assert.equal((await member.visitor.get('/bureau')).status, 302, 'signed out');
    assert.ok((await desk.context.accounts.findByEmail('membre@exemple.fr'))?.disabledAt);
  });

  it('nobody resets their own access, only administrators reset anyone’s, and an unknown account is a 404', async () => {
    const { csrf } = await admin.visitor.page('/bureau/comptes');
    const self = await admin.visitor.post(`/bureau/comptes/${admin.account.id}/reinitialisation`, {
      _csrf: csrf,
    });
    assert.equal(self.status, 409);
    assert.match(await self.text(), /votre propre accès/);
    assert.equal((await admin.visitor.get('/bureau')).status, 200, 'still signed in');

    const unknown = await admin.visitor.post('/bureau/comptes/nulle-part/reinitialisation', { _csrf: csrf });
    assert.equal(unknown.status, 404);

    const coordinator = await staffMember(desk, clock, 'coordinator', 'autre@exemple.fr', admin.account);
    const { csrf: theirs } = await coordinator.visitor.page('/bureau');
    const refused = await coordinator.visitor.post(`/bureau/comptes/${admin.account.id}/reinitialisation`, {
      _csrf: theirs,
    });
    assert.equal(refused.status, 403);
    assert.equal((await admin.visitor.get('/bureau')).status, 200);
  });
});
