import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { bootstrapAdministrator } from '../../src/app/accounts/bootstrap-administrator.js';
import { inviteAccount } from '../../src/app/accounts/invite-account.js';
import { activationPath } from '../../src/app/accounts/links.js';
import type { RunningDesk } from '../helpers/http-server.js';
import {
  PASSWORD,
  secretIn,
  signIn,
  staffMember,
  startTestDesk,
  type TestClock,
  totpCode,
  Visitor,
} from './desk-helpers.js';

describe('the desk: one-time links, sign-in with password and code, sessions', () => {
  let desk: RunningDesk;
  let clock: TestClock;
  before(async () => {
    ({ desk, clock } = await startTestDesk({ signInPerAddress: 1000, signInPerAccount: 4 }));
  });
  after(() => desk.close());

  it('the first administrator’s link shows the secret in groups of four and the otpauth address, never cached', async () => {
    const boot = await bootstrapAdministrator(
      { email: 'Ada@Exemple.fr', displayName: 'Ada Lovelace' },
      { accounts: desk.context.accounts, now: clock.now },
    );
    assert.ok(boot.ok);
    assert.equal(boot.account.email, 'ada@exemple.fr');
    const visitor = new Visitor(desk.url);
    const { response, html, csrf } = await visitor.page(activationPath(boot.token));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.match(html, /<p class="secret">([A-Z2-7]{4} ){7}[A-Z2-7]{4}<\/p>/);
    assert.match(
      html,
      /otpauth:\/\/totp\/Sociographe%20\(appel\):ada%40exemple\.fr\?issuer=Sociographe%20\(appel\)&amp;secret=/,
    );
    const secret = secretIn(html);

    const wrong = await visitor.post(activationPath(boot.token), {
      _csrf: csrf,
      password: PASSWORD,
      passwordAgain: PASSWORD,
      code: '000000',
    });
    assert.equal(wrong.status, 400);
    assert.match(await wrong.text(), /Ce code n’est pas le bon/);
    const short = await visitor.post(activationPath(boot.token), {
      _csrf: csrf,
      password: 'court',
      passwordAgain: 'court',
      code: totpCode(secret, clock.now()),
    });
    assert.equal(short.status, 400);
    assert.match(await short.text(), /au moins 12 caractères/);

    const done = await visitor.post(activationPath(boot.token), {
      _csrf: csrf,
      password: PASSWORD,
      passwordAgain: PASSWORD,
      code: totpCode(secret, clock.now()),
    });
    assert.equal(done.status, 303);
    assert.equal(done.headers.get('location'), '/bureau');
    const cookie = visitor.lastSetCookies.find((c) => c.startsWith('appel_bureau='));
    assert.ok(cookie, 'a session cookie is set');
    assert.match(cookie, /; HttpOnly/);
    assert.match(cookie, /; SameSite=Strict/);
    assert.match(cookie, /; Path=\//);
    assert.doesNotMatch(cookie, /; Secure/, 'plain http on 127.0.0.1: a Secure cookie would never come back');

    const again = await new Visitor(desk.url).get(activationPath(boot.token));
    assert.equal(again.status, 404, 'a one-time link works once');
    assert.match(await again.text(), /Ce lien n’est plus valable/);
    clock.advance(30_000);
  });

  it('signs in with address, password and the current code; refuses a replayed code and a wrong one alike', async () => {
    const account = await desk.context.accounts.findByEmail('ada@exemple.fr');
    assert.ok(account?.totpSecret);
    const visitor = new Visitor(desk.url);
    const ok = await signIn(visitor, 'ADA@exemple.fr ', account.totpSecret, clock);
    assert.equal(ok.status, 303);
    assert.equal(ok.headers.get('location'), '/bureau');
    assert.ok(visitor.cookies.has('appel_bureau'));

    const code = totpCode(account.totpSecret, clock.now());
    const other = new Visitor(desk.url);
    const { csrf } = await other.page('/connexion');
    const first = await other.post('/connexion', {
      _csrf: csrf,
      email: 'ada@exemple.fr',
      password: PASSWORD,
      code,
    });
    assert.equal(first.status, 303);
    const third = new Visitor(desk.url);
    const form = await third.page('/connexion');
    const again = await third.post('/connexion', {
      _csrf: form.csrf,
      email: 'ada@exemple.fr',
      password: PASSWORD,
      code,
    });
    assert.equal(again.status, 401, 'a code is accepted once');
    const refusal = await again.text();
    assert.match(
      refusal,
      /La connexion a échoué\u00a0: l’adresse, le mot de passe ou le code ne correspond pas/,
    );

    const wrongCode = await third.post('/connexion', {
      _csrf: form.csrf,
      email: 'ada@exemple.fr',
      password: PASSWORD,
      code: '123456',
    });
    assert.equal(wrongCode.status, 401);
    const unknown = await third.post('/connexion', {
      _csrf: form.csrf,
      email: 'personne@exemple.fr',
      password: PASSWORD,
      code: '123456',
    });
    assert.equal(unknown.status, 401);
    const unknownText = await unknown.text();
    const wrongText = await wrongCode.text();
    const message = (html: string) => /<p class="alert"[^>]*>([^<]*)<\/p>/.exec(html)?.[1];
    assert.equal(
      message(unknownText),
      message(wrongText),
      'the same words whether the address exists or not',
    );
    clock.advance(30_000);
  });

  it('a form without its CSRF token is refused', async () => {
    const visitor = new Visitor(desk.url);
    await visitor.page('/connexion');
    const response = await visitor.post('/connexion', {
      email: 'ada@exemple.fr',
      password: PASSWORD,
      code: '123456',
    });
    assert.equal(response.status, 403);
  });

  it('limits sign-in attempts per account: the fifth in a minute waits, whatever it holds', async () => {
    const visitor = new Visitor(desk.url);
    const { csrf } = await visitor.page('/connexion');
    const attempt = () =>
      visitor.post('/connexion', {
        _csrf: csrf,
        email: 'cible@exemple.fr',
        password: 'mauvais mot de passe',
        code: '111111',
      });
    for (let i = 0; i < 4; i += 1) assert.equal((await attempt()).status, 401);
    const limited = await attempt();
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
    assert.match(await limited.text(), /Trop de tentatives de connexion/);
    clock.advance(61_000);
    assert.equal((await attempt()).status, 401, 'a minute later, attempts are counted afresh');
  });

  it('sends a visitor without a session to the sign-in page, and back to where they were going', async () => {
    const visitor = new Visitor(desk.url);
    const response = await visitor.get('/bureau?statut=late');
    assert.equal(response.status, 302);
    assert.equal(response.headers.get('location'), '/connexion?suite=%2Fbureau%3Fstatut%3Dlate');
    const { html } = await visitor.page('/connexion?suite=%2Fbureau%3Fstatut%3Dlate');
    assert.match(html, /name="suite" value="\/bureau\?statut=late"/);
    const { html: evil } = await visitor.page('/connexion?suite=%2F%2Fevil.example');
    assert.match(evil, /name="suite" value="\/bureau"/, 'never to another site');
  });

  it('signs out: the session ends on the server too', async () => {
    const account = await desk.context.accounts.findByEmail('ada@exemple.fr');
    assert.ok(account?.totpSecret);
    const visitor = new Visitor(desk.url);
    await signIn(visitor, 'ada@exemple.fr', account.totpSecret, clock);
    const session = visitor.cookies.get('appel_bureau');
    assert.ok(session);
    const { csrf } = await visitor.page('/bureau/appel');
    const out = await visitor.post('/deconnexion', { _csrf: csrf });
    assert.equal(out.status, 303);
    assert.equal(visitor.cookies.has('appel_bureau'), false);
    const stolen = new Visitor(desk.url);
    stolen.cookies.set('appel_bureau', session);
    assert.equal((await stolen.get('/bureau')).status, 302, 'the old cookie opens nothing');
  });

  it('an invited committee member activates through the link of their letter', async () => {
    const admin = await desk.context.accounts.findByEmail('ada@exemple.fr');
    assert.ok(admin);
    const member = await staffMember(desk, clock, 'committee', 'claire@exemple.fr', admin);
    assert.equal(member.account.role, 'committee');
    assert.ok(member.account.activatedAt);
    const again = await signIn(new Visitor(desk.url), 'claire@exemple.fr', member.secret, clock);
    assert.equal(again.status, 303);
  });

  it('refuses two different passwords, and a second first administrator', async () => {
    const boot = await bootstrapAdministrator(
      { email: 'autre@exemple.fr', displayName: 'Autre' },
      { accounts: desk.context.accounts, now: clock.now },
    );
    assert.deepEqual(boot, { ok: false, reason: 'administrator-exists' });
    const admin = await desk.context.accounts.findByEmail('ada@exemple.fr');
    assert.ok(admin);
    const invited = await inviteAccount(
      {
        email: 'bob@exemple.fr',
        displayName: 'Bob',
        role: 'coordinator',
        invitedBy: admin,
        baseUrl: desk.url,
        lang: 'fr',
      },
      { accounts: desk.context.accounts, now: clock.now, call: desk.context.call },
    );
    assert.ok(invited.ok);
    const job = (await desk.context.outbox.claimDue({ worker: 'test', limit: 100 })).find(
      (j) => (j.payload as { to?: { address?: string } }).to?.address === 'bob@exemple.fr',
    );
    assert.ok(job);
    const path = new URL((job.payload as { letter: { url: string } }).letter.url).pathname;
    const visitor = new Visitor(desk.url);
    const { html, csrf } = await visitor.page(path);
    const response = await visitor.post(path, {
      _csrf: csrf,
      password: PASSWORD,
      passwordAgain: `${PASSWORD}!`,
      code: totpCode(secretIn(html), clock.now()),
    });
    assert.equal(response.status, 400);
    assert.match(await response.text(), /Les deux mots de passe ne sont pas identiques/);
    assert.equal((await desk.context.accounts.findByEmail('bob@exemple.fr'))?.passwordHash, null);
  });
});

describe('the desk: sign-in attempts per client address', () => {
  let desk: RunningDesk;
  before(async () => {
    ({ desk } = await startTestDesk({ signInPerAddress: 5, signInPerAccount: 1000 }));
  });
  after(() => desk.close());

  it('lets five attempts a minute through from one address, whichever accounts they name', async () => {
    const visitor = new Visitor(desk.url);
    const { csrf } = await visitor.page('/connexion');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const response = await visitor.post('/connexion', {
        _csrf: csrf,
        email: `personne${i}@exemple.fr`,
        password: 'mauvais mot de passe',
        code: '111111',
      });
      statuses.push(response.status);
    }
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429]);
  });
});
