import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { callText } from '../../src/domain/call/call-text.js';
import type { RunningDesk } from '../helpers/http-server.js';
import { Visitor as Author, submissionForm, textOf } from './author-support.js';
import {
  type Staff,
  seedSubmission,
  staffMember,
  startTestDesk,
  testClock,
  Visitor,
} from './desk-helpers.js';

/**
 * The pages' own French sentences are typeset as the findings and errors they show are
 * (frenchTypography): a no-break space before « : », a narrow one before ; ! ? and inside « », so a
 * line never starts with a colon or a question mark. English pages keep English spacing. The
 * call's own texts (its theme, argument and axes, as its file gives them) are typeset for the
 * call's language, French, on every page (callText), and checked as such on the French pages.
 */

const LINK_TOKEN = 'tYpOgRaPhIe-0123456789-abcdefghijklmnopqrst';
const PLAIN_SPACE_BEFORE = / [:;!?](?=\s|$)/;
const PLAIN_SPACE_INSIDE_QUOTES = /« | »/;
const FRENCH_SPACE_BEFORE = /[\u00a0\u202f][:;!?]/;
/** « label : value » as French writes it, on an English page. */
const SPACE_BEFORE_COLON = /\s:(?=\s|$)/;

describe('French typography on the pages', () => {
  let desk: RunningDesk;
  let admin: Staff;
  let id: string;

  before(async () => {
    // Before the deadline, so that the form is open.
    const clock = testClock(Date.parse('2022-08-25T08:00:00Z'));
    ({ desk } = await startTestDesk({}, clock));
    admin = await staffMember(desk, clock, 'administrator');
    const seeded = await seedSubmission(desk, {
      title: 'Le numérique au quotidien',
      givenName: 'Élodie',
      surname: 'Durand',
      receivedAt: '2022-08-20T10:00:00Z',
      length: 2_000,
      linkToken: LINK_TOKEN,
    });
    id = seeded.record.id;
  });
  after(() => desk.close());

  const publicPages = ['/', '/deposer', '/connexion', '/suivi', `/suivi/${LINK_TOKEN}`, '/suivi/inconnu'];
  const deskPages = () => [
    '/bureau',
    `/bureau/propositions/${id}`,
    '/bureau/sommaire',
    '/bureau/appel',
    '/bureau/comptes',
  ];

  /**
   * The page's text. On an English page the call's own texts are French words, typeset and marked
   * as French (lang="fr"): they are left out of the English check.
   */
  async function textAt(visitor: Visitor, path: string): Promise<string> {
    const response = await visitor.get(path);
    assert.equal(response.status, path.startsWith('/suivi/inconnu') ? 404 : 200, path);
    const text = textOf(await response.text());
    if (!path.includes('lang=en')) return text;
    const { call } = desk.context;
    const callTexts = [call.theme, call.summary, ...call.axes.flatMap((a) => [a.title, a.summary])];
    return callTexts.map((own) => callText(call, own)).reduce((all, own) => all.split(own).join(' '), text);
  }

  function assertFrench(path: string, text: string): void {
    assert.doesNotMatch(text, PLAIN_SPACE_BEFORE, `${path}: an ordinary space before : ; ! ?`);
    assert.doesNotMatch(text, PLAIN_SPACE_INSIDE_QUOTES, `${path}: an ordinary space inside « »`);
  }

  it('the public pages', async () => {
    const visitor = new Visitor(desk.url);
    const call = await textAt(visitor, '/');
    assert.match(call, /Date limite\u00a0: /, 'the call page was read, and typeset');
    assertFrench('/', call);
    for (const path of publicPages.slice(1)) assertFrench(path, await textAt(visitor, path));
  });

  it('the desk’s pages', async () => {
    const dashboard = await textAt(admin.visitor, '/bureau');
    assert.match(dashboard, /Choisir «\u202fLe numérique au quotidien\u202f»/, 'the dashboard was read');
    assertFrench('/bureau', dashboard);
    for (const path of deskPages().slice(1)) assertFrench(path, await textAt(admin.visitor, path));
  });

  it('on an English page the call’s French texts are typeset and marked as French', async () => {
    const html = await (await new Visitor(desk.url).get('/?lang=en')).text();
    const { call } = desk.context;
    const typeset = callText(call, call.axes.find((a) => a.summary.includes(' ;'))?.summary ?? '');
    assert.ok(typeset.includes('\u202f;'), 'the embedded call has a « ; » to typeset');
    assert.ok(html.includes(`<p lang="fr">${callText(call, call.summary)}</p>`), 'the argument, marked');
    assert.match(html, /<li lang="fr">/, 'the lines of inquiry, marked');
    assert.ok(html.includes(typeset), 'the « ; » typeset');
    assert.match(html, /<h1>Sociographe no\. 81 — <span lang="fr">Impacts du numérique/, 'the theme, marked');
  });

  it('the English pages are left with English spacing', async () => {
    const visitor = new Visitor(desk.url);
    for (const path of publicPages) {
      const text = await textAt(visitor, `${path}?lang=en`);
      assert.doesNotMatch(text, FRENCH_SPACE_BEFORE, path);
      assert.doesNotMatch(text, SPACE_BEFORE_COLON, path);
    }
    for (const path of deskPages()) {
      const text = await textAt(admin.visitor, `${path}?lang=en`);
      assert.doesNotMatch(text, FRENCH_SPACE_BEFORE, path);
      assert.doesNotMatch(text, SPACE_BEFORE_COLON, path);
    }
  });

  it('« label : value » in each language: the status counts and the charts’ bars', async () => {
    // ?lang=fr: the English pages read before left the language cookie on English.
    const fr = await textAt(admin.visitor, '/bureau?lang=fr');
    assert.match(fr, /complète\u00a0: 1/);
    assert.match(fr, /\d–[\d\u202f\u00a0]+\u00a0: 1/, 'a bar of the lengths chart');
    const en = await textAt(admin.visitor, '/bureau?lang=en');
    assert.match(en, /complete: 1/);
    assert.match(en, /\d–[\d,]+: 1/, 'a bar of the lengths chart');
  });

  it('the error summary above the form, in each language', async () => {
    for (const [query, label] of [
      ['', /Titre\u00a0: Le titre manque/],
      ['?lang=en', /Title: The title/],
    ] as const) {
      const author = new Author(desk.url);
      const form = await author.get(`/deposer${query}`);
      const page = await author.post(
        `/deposer${query}`,
        submissionForm(form.html, { authors: [{ givenName: 'Élodie', surname: 'Durand' }], title: '' }),
      );
      assert.equal(page.status, 422);
      const summary = textOf(page.html.split('id="erreurs"')[1]?.split('</ul>')[0] ?? '');
      assert.match(summary, label);
    }
  });

  it('the issue: « n° » and its number never apart in French, « no. » in English', async () => {
    const visitor = new Visitor(desk.url);
    assert.match(await textAt(visitor, '/'), /Sociographe n°\u00a081 — /);
    assert.match(await textAt(visitor, '/?lang=en'), /Sociographe no\. 81 — /);
    assert.match(await textAt(admin.visitor, '/bureau/appel?lang=fr'), /Sociographe n°\u00a081 — /);
    assert.match(await textAt(admin.visitor, '/bureau/appel?lang=en'), /Sociographe no\. 81 — /);
  });
});
