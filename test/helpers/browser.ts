import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import type { AxeResults, Result } from 'axe-core';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';

/**
 * A real browser for the end-to-end tests: Debian's Chromium (apt-get install chromium, as
 * .ci/run does), driven by playwright-core. No tool ever downloads a browser of its own.
 * APPEL_CHROMIUM points at another binary.
 */
export const CHROMIUM_PATH = process.env.APPEL_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_HINT =
  `Chromium not found at ${CHROMIUM_PATH}. Install Debian's package: ` +
  '`apt-get update && apt-get install -y chromium` (.ci/run does it), or set APPEL_CHROMIUM=/path/to/chromium.';

/**
 * Without the background-networking flags Chromium tries to reach Google's services at start-up,
 * which this machine's closed network refuses. Playwright gives every launch a fresh, temporary
 * user data directory and removes it on close.
 */
const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const inCi = process.env.CI === 'true';

export const browserAvailable = existsSync(CHROMIUM_PATH);

/**
 * A describe() that needs the browser: runs when Chromium is there; fails under CI=true when it is
 * missing (CI must install it); elsewhere is skipped, loudly.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (browserAvailable) {
    describe(name, { timeout: 180_000 }, body);
    return;
  }
  if (inCi) {
    describe(name, () => {
      it('needs Chromium', () => assert.fail(CHROMIUM_HINT));
    });
    return;
  }
  const banner = '#'.repeat(100);
  console.error(
    `\n${banner}\n# BROWSER TESTS SKIPPED (${name}): ${CHROMIUM_HINT}\n# With CI=true this is a failure.\n${banner}\n`,
  );
  describe(name, { skip: CHROMIUM_HINT }, () => {});
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 60_000 });
}

export interface PageOptions {
  javaScript: boolean;
  /** 1280x900 by default; MOBILE for a phone. */
  viewport?: { width: number; height: number };
  locale?: string;
  /** The device's time zone; Europe/Paris (the call's) by default. */
  timeZone?: string;
}

export const DESKTOP = { width: 1280, height: 900 };
export const MOBILE = { width: 390, height: 844 };

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors (a CSP refusal shows up here). */
  problems: string[];
  close(): Promise<void>;
}

/** A fresh context (no cookies shared with other pages) with JavaScript on or off. */
export async function openPage(browser: Browser, options: PageOptions): Promise<OpenedPage> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScript,
    viewport: options.viewport ?? DESKTOP,
    locale: options.locale ?? 'fr-FR',
    timezoneId: options.timeZone ?? 'Europe/Paris',
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  if (!options.javaScript) scriptless.add(page);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // A failed sub-resource is reported below, with its address.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(`console error: ${message.text()}`);
    }
  });
  page.on('response', (response) => {
    const request = response.request();
    // The browser asks for /favicon.ico on its own; the desk has none, and says 404.
    if (request.resourceType() === 'document' || new URL(response.url()).pathname === '/favicon.ico') return;
    if (response.status() >= 400)
      problems.push(`${response.status()} for ${request.resourceType()} ${response.url()}`);
  });
  return { context, page, problems, close: () => context.close() };
}

/** Pages opened with JavaScript off: axe cannot run in them (see snapshotForAxe). */
const scriptless = new WeakSet<Page>();

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** What axe found, one block per rule and one line per element, readable in a test failure. */
export function formatViolations(violations: Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => {
          const target = n.target.map(String).join(' ');
          const why = (n.failureSummary ?? '').replace(/\s*\n\s*/g, ' ');
          return `    - ${target}\n      ${n.html.slice(0, 200)}\n      ${why}`;
        })
        .join('\n');
      return `  [${v.impact ?? '?'}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

/** Every page a test reaches, and what axe said about it: the e2e files print this summary. */
export const axeLog: { label: string; url: string; violations: number; passes: number }[] = [];

/**
 * With JavaScript off, Chromium runs axe's injected code but never fires its timers, so axe never
 * finishes. The page is audited as a copy instead: the very HTML this page shows, served at the
 * same URL (so its stylesheet comes from the desk) in a context where scripts are on for axe but
 * every script the page itself asks for is refused, as it was in the scriptless page.
 */
async function snapshotForAxe(page: Page): Promise<{ page: Page; close(): Promise<void> }> {
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser behind this page');
  const html = await page.content();
  const url = page.url();
  const context = await browser.newContext({
    javaScriptEnabled: true,
    viewport: page.viewportSize() ?? DESKTOP,
    locale: 'fr-FR',
  });
  await context.route('**/*', (route) => {
    const request = route.request();
    if (request.url() === url && request.resourceType() === 'document') {
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    }
    if (request.resourceType() === 'script') return route.abort();
    return route.continue();
  });
  const copy = await context.newPage();
  await copy.goto(url);
  return { page: copy, close: () => context.close() };
}

/**
 * Runs axe (WCAG 2.0/2.1, A and AA) on the page as it is now and asserts zero violations. Axe is
 * injected through the DevTools protocol, so the CSP's ban on inline script does not stop it; a
 * page with JavaScript off is audited through snapshotForAxe.
 */
export async function expectAccessible(page: Page, label: string): Promise<AxeResults> {
  let results: AxeResults;
  if (scriptless.has(page)) {
    const copy = await snapshotForAxe(page);
    try {
      results = await new AxeBuilder({ page: copy.page }).withTags(AXE_TAGS).analyze();
    } finally {
      await copy.close();
    }
  } else {
    results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  }
  axeLog.push({
    label,
    url: new URL(page.url()).pathname,
    violations: results.violations.length,
    passes: results.passes.length,
  });
  if (results.violations.length > 0) {
    assert.fail(
      `axe: ${results.violations.length} WCAG 2.1 AA violation(s) on ${label} (${page.url()}):\n${formatViolations(results.violations)}`,
    );
  }
  return results;
}

export function printAxeLog(title: string): void {
  if (axeLog.length === 0) return;
  console.log(`\naxe (${AXE_TAGS.join(', ')}) — ${title}`);
  for (const row of axeLog) {
    console.log(
      `  ${row.violations === 0 ? 'ok  ' : 'FAIL'} ${row.label.padEnd(44)} ${row.url.replace(/[0-9A-Za-z_-]{20,}/g, '…')}  ${row.violations} violations, ${row.passes} rules passed`,
    );
  }
}

export const SCREENSHOT_DIR = new URL('../../docs/screenshots/', import.meta.url).pathname;
const SCREENSHOT_BUDGET = 200 * 1024;

/**
 * Saves docs/screenshots/<name>.png (committed; the README links the folder). Written on every run
 * that can write there; SCREENSHOTS=0 turns it off, and a read-only folder is reported, not failed.
 * A full-page picture above the ~200 KB budget is retaken as the viewport alone; `part` takes one
 * part of a long page instead (a section further down that the page's top would not show).
 */
export async function saveScreenshot(page: Page, name: string, part?: Locator): Promise<string | null> {
  if (process.env.SCREENSHOTS === '0') return null;
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  const options = { animations: 'disabled', caret: 'hide' } as const;
  let png = part ? await part.screenshot(options) : await page.screenshot({ ...options, fullPage: true });
  if (png.length > SCREENSHOT_BUDGET) {
    await page.evaluate('window.scrollTo(0, 0)');
    png = await page.screenshot({ fullPage: false, animations: 'disabled', caret: 'hide' });
  }
  if (png.length > SCREENSHOT_BUDGET) {
    console.warn(`screenshot ${name}.png is ${(png.length / 1024).toFixed(0)} KB (budget 200 KB)`);
  }
  try {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    writeFileSync(path, png);
    return path;
  } catch (e) {
    console.warn(`screenshot ${name}.png not written: ${(e as Error).message}`);
    return null;
  }
}

/** The text of the first element a locator finds ('' when it has none). */
export async function textOf(locator: Locator): Promise<string> {
  return (await locator.first().textContent()) ?? '';
}
