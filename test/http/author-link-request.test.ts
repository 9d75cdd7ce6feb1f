import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { prepareLetterJob } from '../../src/app/process-outbox.js';
import { LINK_REMOVED, redactLetterSecrets } from '../../src/app/sent-letter-secrets.js';
import { type RunningDesk, startDesk } from '../helpers/http-server.js';
import {
  field,
  hiddenForm,
  manuscript,
  type Page,
  submissionForm,
  textOf,
  Visitor,
} from './author-support.js';
import { newLetters } from './desk-helpers.js';

/**
 * « Retrouver mon lien de suivi »: a lost private link sent again to the contact person's address,
 * over the real server and its SQLite store. The page says the same thing whether a proposal was
 * found or not; the letter goes to the address as stored; earlier links keep working.
 */

const NOW = () => new Date('2022-08-20T10:00:00Z');
let desk: RunningDesk;
let good: Buffer;
before(async () => {
  desk = await startDesk({ now: NOW, linkRequests: { perClientPerHour: 100, perEmailPerHour: 3 } });
  good = await manuscript(8000);
});
after(() => desk.close());

/** The whole form without JavaScript; returns the receipt's private link path. */
async function submit(email: string, title: string): Promise<string> {
  const visitor = new Visitor(desk.url);
  const form = await visitor.get('/deposer');
  const check = await visitor.post(
    '/deposer',
    submissionForm(form.html, {
      authors: [{ givenName: 'Éloïse', surname: 'Dupré', email }],
      phone: '06 12 34 56 78',
      address: '12 rue des Fleurs\n75011 Paris',
      title,
      file: { name: 'manuscrit.docx', bytes: good },
    }),
  );
  assert.equal(check.status, 200, textOf(check.html));
  const receipt = await visitor.post('/deposer', hiddenForm(check.html, 'envoyer'));
  assert.equal(receipt.status, 201);
  const path = /href="http:\/\/[^"]+(\/suivi\/[A-Za-z0-9_-]{43})"/.exec(receipt.html)?.[1];
  assert.ok(path);
  return path;
}

async function ask(email: string, lang = ''): Promise<Page> {
  const visitor = new Visitor(desk.url);
  const form = await visitor.get(`/suivi${lang}`);
  assert.equal(form.status, 200);
  return visitor.post(
    `/suivi${lang}`,
    new URLSearchParams({ _csrf: field(form.html, '_csrf'), courriel: email }),
  );
}

/** Letter jobs of this kind not yet seen: the lost links sent again, unless said. */
const lettersAgain = (kind = 'follow-link-again') => newLetters(desk, kind);

describe('asking for a lost private link again', () => {
  test('the call’s page, the closed call and an unknown link all lead to the form', async () => {
    const call = await new Visitor(desk.url).get('/');
    assert.match(call.html, /href="\/suivi"/);
    assert.match(textOf(call.html), /Retrouvez votre lien de suivi/);
    const unknown = await new Visitor(desk.url).get(`/suivi/${'A'.repeat(43)}`);
    assert.equal(unknown.status, 404);
    assert.match(unknown.html, /href="\/suivi"/);
    const form = await new Visitor(desk.url).get('/suivi');
    assert.equal(form.status, 200);
    assert.match(textOf(form.html), /Retrouver votre lien de suivi/);
    assert.match(form.html, /<input type="email" name="courriel" id="courriel" autocomplete="email"/);
    assert.match(form.headers.get('cache-control') ?? '', /no-store/);
  });

  test('the contact’s address, in any case, gets a new link to its submission; the old one still works', async () => {
    const first = await submit('awa.diallo@exemple.fr', 'Accompagner à distance');
    await lettersAgain('receipt');
    const page = await ask('  Awa.Diallo@EXEMPLE.fr ');
    assert.equal(page.status, 200);
    assert.match(textOf(page.html), /Regardez votre messagerie/);
    assert.match(textOf(page.html), /Awa\.Diallo@EXEMPLE\.fr/);

    const [job, ...others] = await lettersAgain();
    assert.ok(job, 'one letter queued');
    assert.equal(others.length, 0);
    const mail = await prepareLetterJob(job);
    assert.ok(mail);
    assert.equal(mail.to.address, 'awa.diallo@exemple.fr', 'to the address as stored');
    assert.match(mail.subject, /Votre lien de suivi/);
    assert.match(mail.text, /«\sAccompagner à distance\s»/);
    const url = /(http:\/\/\S+\/suivi\/[A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
    assert.ok(url);
    const fresh = new URL(url).pathname;
    assert.notEqual(fresh, first);
    for (const path of [fresh, first]) {
      const opened = await new Visitor(desk.url).get(path);
      assert.equal(opened.status, 200, path);
      assert.match(textOf(opened.html), /Accompagner à distance/);
    }
    // Once sent, the outbox keeps no live link.
    const redacted = JSON.stringify(redactLetterSecrets(job.payload));
    assert.doesNotMatch(redacted, new RegExp(fresh.slice('/suivi/'.length)));
    assert.match(redacted, new RegExp(LINK_REMOVED.replace(/[[\]]/g, '\\$&')));

    const [record] = (await desk.context.submissions.listByCall(desk.context.callId)).filter(
      (s) => s.title === 'Accompagner à distance',
    );
    assert.ok(record);
    const events = await desk.context.submissions.listEvents(record.id);
    const sent = events.find((e) => e.action === 'link.sent_again');
    assert.ok(sent, 'the timeline says a link was sent');
    assert.doesNotMatch(JSON.stringify(events), /awa\.diallo/i, 'no address in the audit log');
  });

  test('an address without a proposal gets the same page, and nothing is sent', async () => {
    await submit('bruno.lefevre@exemple.fr', 'Le guichet et l’écran');
    await lettersAgain('receipt');
    const known = await ask('bruno.lefevre@exemple.fr');
    const unknown = await ask('bruno.lefevre@exemple.com');
    assert.equal(unknown.status, known.status);
    const withoutForm = (p: Page) => textOf(p.html).replace(/bruno\.lefevre@exemple\.(fr|com)/, 'ADRESSE');
    assert.equal(withoutForm(unknown), withoutForm(known), 'nothing tells the two apart');
    const letters = await lettersAgain();
    assert.equal(letters.length, 1, 'only the known address got a letter');
  });

  test('each proposal of the contact gets its own letter, in English when asked in English', async () => {
    await submit('chloe.martin@exemple.fr', 'Premier texte');
    await submit('chloe.martin@exemple.fr', 'Second texte');
    await lettersAgain('receipt');
    const page = await ask('chloe.martin@exemple.fr', '?lang=en');
    assert.match(textOf(page.html), /Check your mailbox/);
    const letters = await lettersAgain();
    assert.equal(letters.length, 2);
    const subjects = await Promise.all(letters.map(async (j) => (await prepareLetterJob(j))?.text ?? ''));
    assert.ok(subjects.some((t) => t.includes('“Premier texte”')));
    assert.ok(subjects.some((t) => t.includes('“Second texte”')));
  });

  test('a malformed address comes back with how to fix it; nothing is queued', async () => {
    for (const typed of ['', 'pas une adresse', 'a@b']) {
      const page = await ask(typed);
      assert.equal(page.status, 422, typed);
      assert.match(textOf(page.html), /Cette adresse électronique n’est pas valide/);
      assert.match(page.html, /aria-invalid="true"/);
    }
    assert.equal((await lettersAgain()).length, 0);
  });

  test('without its CSRF token the request is refused', async () => {
    const visitor = new Visitor(desk.url);
    const page = await visitor.post('/suivi', new URLSearchParams({ courriel: 'awa.diallo@exemple.fr' }));
    assert.equal(page.status, 403);
    assert.equal((await lettersAgain()).length, 0);
  });

  test('an address asked for too often gets the same page, and no more letters', async () => {
    await submit('denis.roux@exemple.fr', 'Trop demandé');
    await lettersAgain('receipt');
    for (let i = 0; i < 3; i++) assert.equal((await ask('denis.roux@exemple.fr')).status, 200);
    assert.equal((await lettersAgain()).length, 3);
    const fourth = await ask('DENIS.ROUX@exemple.fr');
    assert.equal(fourth.status, 200);
    assert.match(textOf(fourth.html), /Regardez votre messagerie/);
    assert.equal((await lettersAgain()).length, 0, 'the fourth in the hour sends nothing');
  });
});

describe('asking for links from one connection', () => {
  test('past the limit per client, a plain page says how long to wait; typing mistakes do not count', async () => {
    const strict = await startDesk({ now: NOW, linkRequests: { perClientPerHour: 2 } });
    try {
      const askThere = async (email: string) => {
        const visitor = new Visitor(strict.url);
        const form = await visitor.get('/suivi');
        return visitor.post(
          '/suivi',
          new URLSearchParams({ _csrf: field(form.html, '_csrf'), courriel: email }),
        );
      };
      for (const typo of ['un@exemple', 'un exemple.fr', 'un@']) {
        assert.equal((await askThere(typo)).status, 422, 'a typing mistake is not counted');
      }
      assert.equal((await askThere('un@exemple.fr')).status, 200);
      assert.equal((await askThere('deux@exemple.fr')).status, 200);
      const third = await askThere('trois@exemple.fr');
      assert.equal(third.status, 429);
      assert.match(textOf(third.html), /Trop de demandes/);
      assert.match(textOf(third.html), /Attendez \d+ minutes?, puis recommencez/);
      assert.ok(Number(third.headers.get('retry-after')) > 0);
    } finally {
      await strict.close();
    }
  });
});
