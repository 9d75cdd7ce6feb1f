import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  describeInBrowser,
  expectAccessible,
  launchBrowser,
  MOBILE,
  openPage,
  printAxeLog,
  saveScreenshot,
  textOf,
} from '../helpers/browser.js';
import { type RunningDesk, startDesk } from '../helpers/http-server.js';
import { manuscriptDocx, writeManuscript } from './fixtures.js';

/**
 * An author, in a real browser, with JavaScript off and on: the call's page, the form, the check
 * page with the verdict, the receipt and the private link, a new version through the link, and
 * (JavaScript on) withdrawing. The desk's clock is before the no. 81 call's deadline. Axe runs on
 * every page reached; the main ones are saved under docs/screenshots/.
 */
describeInBrowser('an author submits in Chromium', () => {
  let browser: Browser;
  let desk: RunningDesk;
  let dir: string;
  let manuscript: string;
  let secondVersion: string;
  before(async () => {
    browser = await launchBrowser();
    desk = await startDesk({ now: () => new Date('2022-08-20T10:00:00Z') });
    dir = mkdtempSync(join(tmpdir(), 'appel-e2e-author-'));
    manuscript = writeManuscript(dir, 'mon-article.docx', await manuscriptDocx(20));
    secondVersion = writeManuscript(dir, 'mon-article-v2.docx', await manuscriptDocx(24));
  });
  after(async () => {
    await browser?.close();
    await desk?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    printAxeLog('authors’ side');
  });

  const submissions = async () => (await desk.context.submissions.listByCall(desk.context.callId)).length;

  interface Person {
    givenName: string;
    surname: string;
    email?: string;
  }

  async function fillAuthor(page: Page, index: number, person: Person): Promise<void> {
    const row = page.locator('fieldset.author').nth(index);
    await row.getByLabel('Prénom').fill(person.givenName);
    await row.getByLabel('Nom', { exact: true }).fill(person.surname);
    if (person.email) await row.getByLabel(/Adresse électronique/).fill(person.email);
  }

  async function fillRest(page: Page, title: string, file: string): Promise<void> {
    await page.getByLabel(/Numéro de téléphone/).fill('01 45 67 89 10');
    await page.getByLabel(/Adresse postale/).fill('12 rue de la Paix\n75002 Paris');
    await page.getByLabel('Titre', { exact: true }).fill(title);
    await page.getByLabel(/Axe de réflexion/).selectOption({ index: 1 });
    await page.getByLabel(/Votre manuscrit/).setInputFiles(file);
    await page.getByLabel(/mis en ligne/).check();
    await page.getByLabel(/à titre gracieux/).check();
  }

  /** The check page: a passing verdict, then « Envoyer ma proposition »; the receipt comes back. */
  async function confirmOnCheckPage(page: Page, label: string, doubleClick: boolean): Promise<string> {
    await page.getByRole('heading', { level: 1, name: /Vérification de votre manuscrit/ }).waitFor();
    const body = await textOf(page.locator('main'));
    assert.match(body, /mon-article\.docx/);
    assert.match(body, /signes/);
    await expectAccessible(page, `check page (${label})`);
    const send = page.getByRole('button', { name: 'Envoyer ma proposition' });
    if (doubleClick) await send.dblclick();
    else await send.click();
    await page
      .getByRole('heading', { level: 1, name: /Votre proposition (est|était déjà) enregistrée/ })
      .waitFor();
    await expectAccessible(page, `receipt (${label})`);
    const link = page.locator('a[href*="/suivi/"]').first();
    const href = await link.getAttribute('href');
    assert.ok(href, 'the receipt shows the private link');
    assert.match(href, /\/suivi\/[A-Za-z0-9_-]{43}/);
    return href;
  }

  /** Through the private link: the new version is checked, then sent; the link page lists two. */
  async function sendNewVersion(page: Page, followUrl: string, label: string): Promise<void> {
    await page.goto(followUrl);
    await page.getByRole('heading', { level: 2, name: /Vos versions du manuscrit/ }).waitFor();
    await expectAccessible(page, `private link page (${label})`);
    await page.getByLabel(/Nouvelle version/).setInputFiles(secondVersion);
    await page.getByRole('button', { name: 'Vérifier cette version' }).click();
    await page.getByRole('heading', { level: 1, name: /Vérification de votre nouvelle version/ }).waitFor();
    assert.match(await textOf(page.locator('main')), /mon-article-v2\.docx/);
    await expectAccessible(page, `new version check page (${label})`);
    if (label === 'no JavaScript') await saveScreenshot(page, 'author-version-check');
    await page.getByRole('button', { name: /Envoyer cette version|Envoyer quand même/ }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/suivi/') && !url.pathname.endsWith('/version'));
    const versions = page
      .locator('section, main')
      .filter({ hasText: /Vos versions du manuscrit/ })
      .last();
    assert.match(await textOf(versions), /mon-article-v2\.docx/);
    await expectAccessible(page, `private link page after a new version (${label})`);
  }

  it('without JavaScript: form, check, receipt, private link, new version', async () => {
    const { page, problems, close } = await openPage(browser, { javaScript: false });
    try {
      await page.goto(`${desk.url}/`);
      await page.getByRole('link', { name: 'Proposer un article' }).click();
      await page.waitForURL(/\/deposer/);
      await expectAccessible(page, 'form (empty, no JavaScript)');
      await saveScreenshot(page, 'author-form');

      // Sending the empty form: every problem at once, each under its field, nothing recorded.
      await page.getByRole('button', { name: 'Vérifier mon manuscrit' }).click();
      await page.locator('[aria-invalid="true"]').first().waitFor();
      await expectAccessible(page, 'form with errors (no JavaScript)');
      await saveScreenshot(page, 'author-form-errors');
      assert.equal(await submissions(), 0);

      await fillAuthor(page, 0, {
        givenName: 'Camille',
        surname: 'Martin',
        email: 'camille.martin@example.org',
      });
      await fillRest(page, 'Le travail social à l’épreuve des écrans', manuscript);
      await page.getByRole('button', { name: 'Vérifier mon manuscrit' }).click();
      await saveScreenshot(page, 'author-check-page');
      // A double click without JavaScript sends the form twice: the idempotency key makes it one.
      const follow = await confirmOnCheckPage(page, 'no JavaScript', true);
      await saveScreenshot(page, 'author-receipt');
      assert.equal(await submissions(), 1, 'a double click records one submission');

      await sendNewVersion(page, new URL(follow, desk.url).href, 'no JavaScript');
      await saveScreenshot(page, 'author-private-link');
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  it('with JavaScript: two authors, the phone checked as typed, a double click, a new version, withdrawing', async () => {
    const before = await submissions();
    const { page, problems, close } = await openPage(browser, { javaScript: true });
    try {
      await page.goto(`${desk.url}/deposer`);
      await page.getByRole('button', { name: 'Ajouter un auteur' }).click();
      await page.locator('fieldset.author').nth(1).waitFor();
      assert.match(page.url(), /\/deposer$/, 'the row is added without a round trip');
      await fillAuthor(page, 0, { givenName: 'Léa', surname: 'Dubois', email: 'lea.dubois@example.org' });
      await fillAuthor(page, 1, { givenName: 'Karim', surname: 'Benali' });
      await page
        .locator('fieldset.author')
        .nth(0)
        .getByLabel(/Personne à contacter/)
        .check();

      // A phone number that cannot be French is said so as it is typed (then left), before sending.
      const phone = page.getByLabel(/Numéro de téléphone/);
      await phone.fill('12');
      await phone.blur();
      await page.locator('[data-live-result="telephone"]').filter({ hasText: /./ }).waitFor();
      await expectAccessible(page, 'form, phone checked as typed (JavaScript)');

      await fillRest(page, 'Plateformes et algorithmes au guichet', manuscript);
      await expectAccessible(page, 'form filled, two authors (JavaScript)');
      await page.getByRole('button', { name: 'Vérifier mon manuscrit' }).click();
      const follow = await confirmOnCheckPage(page, 'JavaScript', true);
      assert.equal(await submissions(), before + 1, 'a double click records one submission');

      await sendNewVersion(page, new URL(follow, desk.url).href, 'JavaScript');

      await page.getByRole('link', { name: /Retirer ma proposition/ }).click();
      await page.getByRole('heading', { level: 1, name: /Retirer votre proposition/ }).waitFor();
      await expectAccessible(page, 'withdraw confirmation (JavaScript)');
      await page.getByRole('button', { name: 'Oui, retirer ma proposition' }).click();
      await page.waitForURL((url) => !url.pathname.endsWith('/retirer'));
      assert.match(await textOf(page.locator('main')), /retir/i);
      await expectAccessible(page, 'private link page, withdrawn (JavaScript)');
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  it('on a phone (390x844) the form fits the screen', async () => {
    const { page, close } = await openPage(browser, { javaScript: true, viewport: MOBILE });
    try {
      await page.goto(`${desk.url}/deposer`);
      const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
      assert.ok((overflow as number) <= 0, `horizontal overflow of ${overflow}px`);
      await expectAccessible(page, 'form (phone)');
      await saveScreenshot(page, 'author-form-mobile');
    } finally {
      await close();
    }
  });

  it('in English, the form and the closed-call notice are accessible too', async () => {
    const { page, close } = await openPage(browser, { javaScript: false });
    try {
      await page.goto(`${desk.url}/deposer?lang=en`);
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      await page.getByRole('button', { name: 'Check my manuscript' }).waitFor();
      await expectAccessible(page, 'form (en)');
      // A link that is not one: an error page, not a stack trace.
      const response = await page.goto(`${desk.url}/suivi/${'x'.repeat(43)}`);
      assert.ok((response?.status() ?? 0) >= 400);
      await expectAccessible(page, 'unknown private link');
    } finally {
      await close();
    }
    const closed = await startDesk({ now: () => new Date('2022-09-05T10:00:00Z') });
    const other = await openPage(browser, { javaScript: false });
    try {
      await other.page.goto(`${closed.url}/deposer`);
      assert.match(await textOf(other.page.locator('main')), /clos/);
      await expectAccessible(other.page, 'form page, call closed');
      await saveScreenshot(other.page, 'author-form-closed');
    } finally {
      await other.close();
      await closed.close();
    }
  });
});
