import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser } from 'playwright-core';
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

/** The public pages in a real browser: the call's page (open, closed, French, English) and the error page. */
describeInBrowser('public pages in Chromium', () => {
  let browser: Browser;
  let open: RunningDesk;
  let closed: RunningDesk;
  before(async () => {
    browser = await launchBrowser();
    // The no. 81 call closes on 1 September 2022, Paris time.
    open = await startDesk({ now: () => new Date('2022-08-20T10:00:00Z') });
    closed = await startDesk({ now: () => new Date('2022-09-05T10:00:00Z') });
  });
  after(async () => {
    await browser?.close();
    await open?.close();
    await closed?.close();
    printAxeLog('public pages');
  });

  it('the open call page, in French, without JavaScript', async () => {
    const { page, problems, close } = await openPage(browser, { javaScript: false });
    await page.goto(`${open.url}/`);
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.match(await textOf(page.getByRole('status')), /ouvert jusqu’au/);
    assert.ok(await page.getByRole('link', { name: 'Proposer un article' }).isVisible());
    await expectAccessible(page, 'call page (fr, open)');
    await saveScreenshot(page, 'call-page-fr');
    assert.deepEqual(problems, []);
    await close();
  });

  it('gives the deadline in the visitor’s own time when their device is elsewhere', async () => {
    const away = await openPage(browser, { javaScript: true, timeZone: 'America/Montreal' });
    await away.page.goto(`${open.url}/`);
    const local = away.page.locator('span.local-time');
    await local.waitFor();
    // The last day ends at 23:59 in Paris: 17:59 in Montréal (summer time, six hours behind).
    assert.match((await textOf(local)).trim(), /^\(chez vous\s: jeudi 1 septembre (à )?17:59 UTC−4\)$/);
    await expectAccessible(away.page, 'call page (fr, open, visitor in Montréal)');
    assert.deepEqual(away.problems, []);
    await away.close();
    const home = await openPage(browser, { javaScript: true });
    await home.page.goto(`${open.url}/`);
    await home.page.getByRole('heading', { level: 1 }).waitFor();
    await home.page.waitForLoadState('load');
    assert.equal(await home.page.locator('span.local-time').count(), 0, 'in Paris: once is enough');
    assert.deepEqual(home.problems, []);
    await home.close();
  });

  it('the language switch leads to the English page', async () => {
    const { page, problems, close } = await openPage(browser, { javaScript: true });
    await page.goto(`${open.url}/`);
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/lang=en/);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.match(await textOf(page.getByRole('status')), /open until/);
    assert.ok(await page.getByRole('link', { name: 'Submit an article' }).isVisible());
    await expectAccessible(page, 'call page (en, open)');
    await saveScreenshot(page, 'call-page-en');
    assert.deepEqual(problems, []);
    await close();
  });

  it('the closed call says so and offers no form', async () => {
    const { page, close } = await openPage(browser, { javaScript: true });
    await page.goto(`${closed.url}/`);
    assert.match(await textOf(page.getByRole('status')), /clos depuis/);
    assert.equal(await page.getByRole('link', { name: 'Proposer un article' }).count(), 0);
    await expectAccessible(page, 'call page (fr, closed)');
    await saveScreenshot(page, 'call-page-closed');
    await close();
  });

  it('on a phone (390x844) the call page reads without horizontal scrolling', async () => {
    const { page, close } = await openPage(browser, { javaScript: true, viewport: MOBILE });
    await page.goto(`${open.url}/`);
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    assert.ok((overflow as number) <= 0, `horizontal overflow of ${overflow}px`);
    await expectAccessible(page, 'call page (fr, phone)');
    await saveScreenshot(page, 'call-page-mobile');
    await close();
  });

  it('an unknown page is an accessible 404, in French and in English', async () => {
    const { page, close } = await openPage(browser, { javaScript: false });
    const fr = await page.goto(`${open.url}/nulle-part`);
    assert.equal(fr?.status(), 404);
    assert.match(await textOf(page.getByRole('heading', { level: 1 })), /n’existe pas/);
    await expectAccessible(page, 'error page 404 (fr)');
    await saveScreenshot(page, 'error-404');
    const en = await page.goto(`${open.url}/nowhere?lang=en`);
    assert.equal(en?.status(), 404);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await expectAccessible(page, 'error page 404 (en)');
    await close();
  });

  it('a lost follow-up link: from the call page to the form, a wrong address, then the same answer for any address', async () => {
    const { page, problems, close } = await openPage(browser, { javaScript: false });
    await page.goto(`${open.url}/`);
    await page.getByRole('link', { name: 'Retrouvez votre lien de suivi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Retrouver votre lien de suivi' }).waitFor();
    await expectAccessible(page, 'lost link form (fr)');
    await saveScreenshot(page, 'author-lost-link');
    await page.getByLabel('Adresse électronique').fill('camille.martin');
    await page.getByRole('button', { name: 'Recevoir mon lien' }).click();
    await page.getByText('Cette adresse électronique n’est pas valide').first().waitFor();
    assert.equal(await page.getByLabel('Adresse électronique').getAttribute('aria-invalid'), 'true');
    await expectAccessible(page, 'lost link form with an error (fr)');
    await page.getByLabel('Adresse électronique').fill('camille.martin@exemple.fr');
    await page.getByRole('button', { name: 'Recevoir mon lien' }).click();
    await page.getByRole('heading', { level: 1, name: 'Regardez votre messagerie' }).waitFor();
    assert.match(await textOf(page.getByRole('main')), /camille\.martin@exemple\.fr/);
    await expectAccessible(page, 'lost link sent (fr)');
    assert.deepEqual(problems, []);
    await close();
  });

  it('the skip link is the first thing the keyboard reaches and leads to the content', async () => {
    const { page, close } = await openPage(browser, { javaScript: true });
    await page.goto(`${open.url}/`);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate('document.activeElement && document.activeElement.className');
    assert.equal(focused, 'skip');
    assert.ok(await page.locator('a.skip').isVisible(), 'the skip link shows when focused');
    await close();
  });
});
