import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, it } from 'node:test';
import * as OTPAuth from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { bootstrapAdministrator } from '../../src/app/accounts/bootstrap-administrator.js';
import { inviteAccount } from '../../src/app/accounts/invite-account.js';
import {
  describeInBrowser,
  expectAccessible,
  launchBrowser,
  openPage,
  printAxeLog,
  saveScreenshot,
  textOf,
} from '../helpers/browser.js';
import { type RunningDesk, startDesk } from '../helpers/http-server.js';
import { manuscriptDocx } from './fixtures.js';

/**
 * A coordinator in a real browser: the invitation's one-time link (password, authenticator secret,
 * first code), signing out, signing in with password and TOTP, the dashboard filtered, a
 * submission's page, the deadline extended from the desk, and the call's public page saying so.
 * The desk's clock is one the test moves: a TOTP code is accepted once per 30-second step.
 */
describeInBrowser('a coordinator works at the desk in Chromium', () => {
  let browser: Browser;
  let desk: RunningDesk;
  // The no. 81 call closes on 1 September 2022 (Paris); the desk opens a few days after.
  let now = Date.parse('2022-09-05T08:00:00Z');
  const clock = () => new Date(now);
  const PASSWORD = 'une phrase de passe assez longue';
  const EMAIL = 'coordination@exemple.fr';

  const code = (secret: string) =>
    OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(secret.replace(/\s+/g, '')), timestamp: now });

  /** Two proposals sent through the authors' form before the deadline (the clock is moved back). */
  async function submitBeforeDeadline(title: string, surname: string): Promise<void> {
    const saved = now;
    now = Date.parse('2022-08-20T10:00:00Z');
    try {
      const first = await fetch(`${desk.url}/deposer`);
      const html = await first.text();
      const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
      const cookie = first.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const key = randomBytes(32).toString('base64url');
      const fields = (): FormData => {
        const form = new FormData();
        const values: Record<string, string> = {
          _csrf: csrf,
          cle: key,
          'a0-prenom': 'Camille',
          'a0-nom': surname,
          'a0-courriel': `${surname.toLowerCase()}@exemple.fr`,
          contact: '0',
          telephone: '01 45 67 89 10',
          adresse: '12 rue de la Paix\n75002 Paris',
          axe: '',
          titre: title,
          accord_mise_en_ligne: 'oui',
          accord_gracieux: 'oui',
        };
        for (const [k, v] of Object.entries(values)) form.append(k, v);
        return form;
      };
      const check = fields();
      check.append('action', 'verifier');
      check.append('fichier', new Blob([new Uint8Array(await manuscriptDocx(20))]), `${surname}.docx`);
      const checked = await fetch(`${desk.url}/deposer`, {
        method: 'POST',
        body: check,
        headers: { cookie },
      });
      const draft = /name="brouillon" value="([^"]*)"/.exec(await checked.text())?.[1] ?? '';
      assert.ok(draft, `the check page keeps the upload (status ${checked.status})`);
      const send = fields();
      send.append('brouillon', draft.replace(/&amp;/g, '&'));
      send.append('action', 'envoyer');
      const sent = await fetch(`${desk.url}/deposer`, {
        method: 'POST',
        body: send,
        headers: { cookie },
        redirect: 'manual',
      });
      assert.ok(sent.status < 400, `the submission is recorded (status ${sent.status})`);
    } finally {
      now = saved;
    }
  }

  before(async () => {
    browser = await launchBrowser();
    desk = await startDesk({ now: clock });
    await submitBeforeDeadline('Le travail social à l’épreuve des écrans', 'Martin');
    await submitBeforeDeadline('Plateformes et algorithmes au guichet', 'Benali');
  });
  after(async () => {
    await browser?.close();
    await desk?.close();
    printAxeLog('coordinators’ side');
  });

  /** The invitation as the coordinators' tests make it: the first administrator invites a coordinator. */
  async function invitationPath(): Promise<string> {
    const deps = { accounts: desk.context.accounts, now: clock };
    const boot = await bootstrapAdministrator({ email: 'admin@exemple.fr', displayName: 'Ada Admin' }, deps);
    assert.ok(boot.ok);
    const invited = await inviteAccount(
      {
        email: EMAIL,
        displayName: 'Alexis Mombelet',
        role: 'coordinator',
        invitedBy: boot.account,
        baseUrl: desk.url,
        lang: 'fr',
      },
      { ...deps, call: desk.context.call },
    );
    assert.ok(invited.ok);
    const job = (await desk.context.outbox.claimDue({ worker: 'e2e', limit: 100 })).find(
      (j) => (j.payload as { to?: { address?: string } }).to?.address === EMAIL,
    );
    assert.ok(job, 'the invitation letter is queued');
    return new URL((job.payload as { letter: { url: string } }).letter.url).pathname;
  }

  async function signIn(page: Page, secret: string): Promise<void> {
    await page.goto(`${desk.url}/connexion`);
    await expectAccessible(page, 'sign-in');
    await saveScreenshot(page, 'desk-sign-in');
    await page.getByLabel('Adresse électronique').fill(EMAIL);
    await page.getByLabel(/^Mot de passe/).fill(PASSWORD);
    await page.getByLabel(/Code de l’application/).fill(code(secret));
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/bureau/);
    now += 30_000;
  }

  let secret = '';

  it('activates the invitation, signs out, signs in with TOTP, filters, opens a submission', async () => {
    const { page, problems, close } = await openPage(browser, { javaScript: true });
    try {
      // The one-time link: the secret to type into the app, a password, the first code.
      await page.goto(`${desk.url}${await invitationPath()}`);
      await page.getByRole('heading', { level: 1, name: 'Activer votre compte' }).waitFor();
      await expectAccessible(page, 'account activation');
      secret = (await textOf(page.locator('p.secret'))).replace(/\s+/g, '');
      assert.match(secret, /^[A-Z2-7]{16,}$/);
      await page.getByLabel(/^Mot de passe/).fill(PASSWORD);
      await page.getByLabel('Le même mot de passe, encore une fois').fill(PASSWORD);
      await page.getByLabel(/Code affiché par l’application/).fill(code(secret));
      await page.getByRole('button', { name: 'Activer mon compte' }).click();
      await page.waitForURL(/\/bureau/);
      now += 30_000;

      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/bureau'));
      assert.equal((await page.goto(`${desk.url}/bureau`))?.url().includes('/connexion'), true);

      await signIn(page, secret);
      await page.getByRole('heading', { level: 1 }).waitFor();
      assert.match(await textOf(page.locator('main')), /Plateformes et algorithmes au guichet/);
      await expectAccessible(page, 'dashboard');
      await saveScreenshot(page, 'desk-dashboard');

      // Filtering: a search for one author's name leaves her proposal alone.
      await page.getByLabel('Rechercher (titre, auteurs, texte)').fill('Benali');
      await page.getByRole('button', { name: 'Filtrer' }).click();
      await page.waitForURL(/q=Benali/);
      const table = page.locator('main table').first();
      assert.match(await textOf(table), /Plateformes et algorithmes au guichet/);
      assert.doesNotMatch(await textOf(table), /à l’épreuve des écrans/);
      await expectAccessible(page, 'dashboard, filtered');

      await page.getByRole('link', { name: 'Plateformes et algorithmes au guichet' }).click();
      await page.waitForURL(/\/bureau\/propositions\//);
      await page.getByRole('heading', { level: 2, name: 'Changer le statut' }).waitFor();
      await expectAccessible(page, 'submission page');
      await saveScreenshot(page, 'desk-submission');

      // In review, the committee's decision: a message to the author, sent with the decision.
      await page.getByRole('button', { name: /^envoyer en évaluation/ }).click();
      await page.getByText('C’est fait').waitFor();
      await page.getByRole('group', { name: 'La décision du comité' }).waitFor();
      await expectAccessible(page, 'submission page, in review (decision form)');

      // Blind review: a reader is asked from the desk, answers through the private link (no
      // JavaScript, no account), and the opinion shows on the submission's page.
      const submissionUrl = page.url().split('?')[0] ?? '';
      await page.getByLabel('Nom de la personne qui relit').fill('Paul Lecteur');
      await page.getByLabel('Son adresse électronique').fill('paul.lecteur@exemple.fr');
      await page.getByRole('button', { name: 'Envoyer la demande de relecture' }).click();
      await page.getByText('La demande de relecture part par courriel').waitFor();
      await expectAccessible(page, 'submission page, a review asked for');
      const request = (await desk.context.outbox.claimDue({ worker: 'e2e', limit: 100 })).find(
        (j) => (j.payload as { letter?: { kind?: string } }).letter?.kind === 'review-request',
      );
      assert.ok(request, 'the review request is queued');
      const readerUrl = (request.payload as { letter: { reviewUrl: string } }).letter.reviewUrl;
      const reader = await openPage(browser, { javaScript: false });
      try {
        await reader.page.goto(readerUrl);
        await reader.page.getByRole('heading', { level: 1, name: /^Relecture de la proposition/ }).waitFor();
        assert.doesNotMatch(await textOf(reader.page.locator('main')), /Benali|Plateformes et algorithmes/);
        await expectAccessible(reader.page, 'the reader’s page');
        await saveScreenshot(reader.page, 'reviewer-request');
        await reader.page.getByRole('button', { name: 'Envoyer mon avis' }).click();
        await reader.page.getByRole('heading', { level: 1 }).waitFor();
        await expectAccessible(reader.page, 'the reader’s page, with problems');
        await reader.page.getByLabel('publier après modifications').check();
        await reader.page
          .getByLabel(/^Pour l’auteur ou l’autrice/)
          .fill('Un terrain riche.\nLa conclusion reste à écrire.');
        await reader.page.getByRole('button', { name: 'Envoyer mon avis' }).click();
        await reader.page
          .getByRole('status')
          .getByText(/votre avis est enregistré/)
          .waitFor();
        await expectAccessible(reader.page, 'the reader’s page, opinion given');
        // The annotated text, sent from the same page without JavaScript.
        await reader.page.getByLabel('Le fichier annoté').setInputFiles({
          name: 'relu par Paul.docx',
          mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          buffer: await manuscriptDocx(3),
        });
        await reader.page.getByRole('button', { name: 'Envoyer le fichier' }).click();
        await reader.page
          .getByRole('status')
          .getByText(/votre fichier est reçu/)
          .waitFor();
        assert.match(await textOf(reader.page.locator('main')), /copie sans votre nom prête/);
        await expectAccessible(reader.page, 'the reader’s page, an annotated file sent');
        await saveScreenshot(reader.page, 'reviewer-files');
        assert.deepEqual(reader.problems, []);
      } finally {
        await reader.close();
      }
      await page.goto(submissionUrl);
      assert.match(
        await textOf(page.locator('section[aria-labelledby="relectures"]')),
        /La conclusion reste à écrire\./,
      );
      await expectAccessible(page, 'submission page, with an opinion');
      await saveScreenshot(page, 'desk-reviews');
      // The desk's own notes before deciding: written here, never shown to the author.
      await page.getByLabel('Ajouter une note').fill('Avis de Paul reçu.\nJe propose : modifications.');
      await page.getByRole('button', { name: 'Enregistrer la note' }).click();
      await page.getByText('Votre note est enregistrée.').waitFor();
      assert.match(await textOf(page.locator('ol.notes')), /Je propose\s?: modifications\./);
      await expectAccessible(page, 'submission page, with an editorial note');
      await saveScreenshot(page, 'desk-notes', page.locator('section[aria-labelledby="notes"]'));
      await page.getByLabel('Message à l’auteur (facultatif)').fill('Merci de préciser le terrain.');
      await page.getByRole('button', { name: /^demander des modifications/ }).click();
      await page.getByRole('heading', { level: 2, name: 'Le courriel qui partira' }).waitFor();
      assert.match(await textOf(page.locator('pre.letter')), /Merci de préciser le terrain\./);
      await expectAccessible(page, 'a decision to confirm, with its letter');
      await saveScreenshot(page, 'desk-decision-confirm');
      await page.getByRole('button', { name: 'Confirmer et envoyer le courriel' }).click();
      await page.getByText('Un courriel part vers l’auteur').waitFor();
      await saveScreenshot(page, 'desk-decision');

      await page.getByRole('link', { name: 'Sommaire', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: /^Sommaire/ }).waitFor();
      await expectAccessible(page, 'the issue’s table of contents');

      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });
  it('extends the deadline from the desk, and the public page says so', async () => {
    const { page, problems, close } = await openPage(browser, { javaScript: true });
    try {
      await signIn(page, secret);
      // The deadline, extended from the desk; the public page says the call is open again.
      await page.goto(`${desk.url}/bureau/appel`);
      await expectAccessible(page, 'the call at the desk');
      await page
        .getByLabel(/date limite|Nouvelle date/i)
        .first()
        .fill('2022-09-30');
      await page.getByRole('button', { name: /Prolonger/ }).click();
      await page.waitForLoadState();
      await expectAccessible(page, 'the call at the desk, extended');
      await saveScreenshot(page, 'desk-call-extended');
      await page.goto(`${desk.url}/`);
      assert.match(await textOf(page.getByRole('status')), /prolongé jusqu’au vendredi 30 septembre 2022/);
      await expectAccessible(page, 'call page (fr, extended)');
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  it('sends the publishing contract; the author downloads it and sends the signed copy back', async () => {
    const { page, problems, close } = await openPage(browser, { javaScript: true });
    try {
      await signIn(page, secret);
      await page.getByRole('link', { name: 'Le travail social à l’épreuve des écrans' }).click();
      await page.waitForURL(/\/bureau\/propositions\//);
      const submissionUrl = page.url().split('?')[0] ?? '';
      await page.getByRole('button', { name: /^envoyer en évaluation/ }).click();
      await page.getByText('C’est fait').waitFor();
      await page.getByRole('button', { name: /^accepter/ }).click();
      await page.getByRole('button', { name: 'Confirmer et envoyer le courriel' }).click();
      await page.getByText('Un courriel part vers l’auteur').waitFor();
      await page.getByRole('heading', { level: 2, name: 'Contrat d’édition' }).waitFor();
      await page.getByLabel('Joindre le contrat (PDF, Word ou LibreOffice)').setInputFiles({
        name: 'Contrat Martin.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.7\n%%EOF\n'),
      });
      await page.getByRole('button', { name: 'Joindre ce fichier' }).click();
      await page.getByText('Le contrat est joint à la proposition.').waitFor();
      await expectAccessible(page, 'submission page, contract attached');
      await page.getByRole('button', { name: /^envoyer le contrat d’édition/ }).click();
      await page.getByText('Un courriel part vers l’auteur').waitFor();
      const letter = (await desk.context.outbox.claimDue({ worker: 'e2e', limit: 100 })).find(
        (j) => (j.payload as { letter?: { kind?: string } }).letter?.kind === 'contract-sent',
      );
      assert.ok(letter, 'the contract letter is queued');
      const followUrl = (letter.payload as { letter: { followUrl: string } }).letter.followUrl;

      // The author, without JavaScript: the contract to download, the signed copy sent back as a photo.
      const author = await openPage(browser, { javaScript: false });
      try {
        await author.page.goto(followUrl);
        await author.page.getByRole('heading', { level: 2, name: 'Votre contrat d’édition' }).waitFor();
        await expectAccessible(author.page, 'the author’s page, contract to sign');
        await saveScreenshot(author.page, 'author-contract');
        await author.page.getByLabel('Le contrat signé (PDF ou photo)').setInputFiles({
          name: 'contrat signé.jpg',
          mimeType: 'image/jpeg',
          buffer: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(512, 7)]),
        });
        await author.page.getByRole('button', { name: 'Envoyer le contrat signé' }).click();
        await author.page.getByText(/Votre contrat signé est bien reçu/).waitFor();
        await expectAccessible(author.page, 'the author’s page, signed copy sent');
        assert.deepEqual(author.problems, []);
      } finally {
        await author.close();
      }
      await page.goto(submissionUrl);
      assert.match(await textOf(page.locator('section[aria-labelledby="contrat"]')), /contrat signé\.jpg/);
      await expectAccessible(page, 'submission page, signed copy received');
      await saveScreenshot(page, 'desk-contract');
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  it('the desk’s own forms post from Chromium without help (no « Origin: null »)', async () => {
    const { page, close } = await openPage(browser, { javaScript: false });
    try {
      await page.goto(`${desk.url}/connexion`);
      await page.getByLabel('Adresse électronique').fill(EMAIL);
      await page.getByLabel(/^Mot de passe/).fill('pas le bon');
      await page.getByLabel(/Code de l’application/).fill('000000');
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.getByRole('button', { name: 'Se connecter' }).click(),
      ]);
      assert.ok(response.status() < 500, `POST /connexion answered ${response.status()}`);
    } finally {
      await close();
    }
  });
});
