import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { prepareLetterJob } from '../../src/app/process-outbox.js';
import { submitManuscript } from '../../src/app/submit-manuscript.js';
import { type RunningDesk, startDesk } from '../helpers/http-server.js';
import {
  type FormInput,
  field,
  hiddenForm,
  manuscript,
  type Page,
  submissionForm,
  textOf,
  Visitor,
} from './author-support.js';

let desk: RunningDesk;
let good: Buffer;
before(async () => {
  desk = await startDesk({ now: () => new Date('2022-08-20T10:00:00Z') });
  good = await manuscript(8000);
});
after(() => desk.close());

interface Submitted {
  visitor: Visitor;
  receipt: Page;
  /** /suivi/<token> */
  path: string;
  url: string;
}

/** The whole form, without JavaScript: form, check, confirm. */
async function submit(input: Partial<FormInput> = {}): Promise<Submitted> {
  const visitor = new Visitor(desk.url);
  const form = await visitor.get('/deposer');
  const check = await visitor.post(
    '/deposer',
    submissionForm(form.html, {
      authors: [{ givenName: 'Éloïse', surname: 'Dupré', email: 'eloise.dupre@exemple.fr' }],
      phone: '06 12 34 56 78',
      address: '12 rue des Fleurs\n75011 Paris',
      title: 'Accompagner à distance',
      file: { name: 'manuscrit.docx', bytes: good },
      ...input,
    }),
  );
  assert.equal(check.status, 200, textOf(check.html));
  const receipt = await visitor.post('/deposer', hiddenForm(check.html, 'envoyer'));
  assert.equal(receipt.status, 201);
  const url = /href="(http:\/\/[^"]+(\/suivi\/[A-Za-z0-9_-]{43}))"/.exec(receipt.html);
  assert.ok(url?.[1] && url[2]);
  return { visitor, receipt, url: url[1], path: url[2] };
}

async function statusOf(path: string): Promise<string> {
  const page = await new Visitor(desk.url).get(path);
  return /État de votre proposition\s*:\s*<strong>([^<]+)<\/strong>/.exec(page.html)?.[1] ?? '';
}

describe('the private link', () => {
  test('the whole flow: link page, a new version checked then sent, withdrawal with confirmation', async () => {
    const { visitor, path } = await submit();
    const page = await visitor.get(path);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('cache-control') ?? '', /no-store/);
    assert.match(page.headers.get('x-robots-tag') ?? '', /noindex/);
    const text = textOf(page.html);
    assert.match(text, /Accompagner à distance/);
    assert.match(text, /État de votre proposition\s*:\s*complète/);
    assert.match(text, /Version 1/);
    assert.match(text, /manuscrit\.docx/);
    assert.match(text, /8\u202f000 signes/);
    assert.match(text, /Envoyer une nouvelle version/);

    // A new version: checked first, nothing recorded until it is sent.
    const longer = await manuscript(9500, 'Accompagner à distance, version revue');
    const upload = new FormData();
    upload.append('_csrf', field(page.html, '_csrf'));
    upload.append('fichier', new Blob([new Uint8Array(longer)]), 'version-2.docx');
    upload.append('action', 'verifier');
    const check = await visitor.post(`${path}/version`, upload);
    assert.equal(check.status, 200);
    assert.match(textOf(check.html), /Vérification de votre nouvelle version/);
    assert.match(textOf(check.html), /9\u202f500 signes/);
    assert.doesNotMatch(textOf((await visitor.get(path)).html), /Version 2/);
    const sent = await visitor.post(`${path}/version`, hiddenForm(check.html, 'envoyer'));
    assert.equal(sent.status, 303);
    assert.equal(sent.headers.get('location'), `${path}?fait=version`);
    const again = await visitor.post(`${path}/version`, hiddenForm(check.html, 'envoyer'));
    assert.equal(again.headers.get('location'), `${path}?fait=version-deja`, 'a second click adds nothing');
    const after = textOf((await visitor.get(`${path}?fait=version`)).html);
    assert.match(after, /Votre nouvelle version est enregistrée/);
    assert.match(after, /Version 2/);
    assert.match(after, /version-2\.docx/);
    assert.doesNotMatch(after, /Version 3/);

    // Withdrawal asks first.
    const ask = await visitor.get(`${path}/retirer`);
    assert.equal(ask.status, 200);
    assert.match(textOf(ask.html), /Retirer votre proposition\s?\?/);
    assert.match(textOf(ask.html), /Non, la garder/);
    assert.equal(await statusOf(path), 'complète');
    const confirm = new URLSearchParams({ _csrf: field(ask.html, '_csrf'), confirmer: 'oui' });
    const done = await visitor.post(`${path}/retirer`, confirm);
    assert.equal(done.status, 303);
    assert.equal(await statusOf(path), 'retirée par l’auteur');
    const twice = await visitor.post(`${path}/retirer`, confirm);
    assert.equal(twice.status, 303, 'withdrawing twice is no error');
    const final = textOf((await visitor.get(path)).html);
    assert.doesNotMatch(final, /Envoyer une nouvelle version|Retirer ma proposition/);
  });

  test('a decision taken while the new version is checked: 409, the decided status, no upload form', async () => {
    const { visitor, path } = await submit({ title: 'Une décision pendant l’envoi' });
    const page = await visitor.get(path);
    const upload = new FormData();
    upload.append('_csrf', field(page.html, '_csrf'));
    upload.append('fichier', new Blob([new Uint8Array(await manuscript(9000))]), 'revue.docx');
    upload.append('action', 'verifier');
    const check = await visitor.post(`${path}/version`, upload);
    assert.equal(check.status, 200);

    // The coordinator declines this submission while the file is being read, once.
    const hash = createHash('sha256').update(path.slice('/suivi/'.length)).digest('hex');
    const intake = desk.context.intake;
    const read = intake.read;
    let decided = false;
    intake.read = async (source, options) => {
      if (!decided) {
        decided = true;
        await intake.uow.run(async (s) => {
          const link = await s.authorLinks.findLive(hash);
          const record = link && (await s.submissions.findById(link.submissionId));
          assert.ok(record);
          await s.submissions.changeStatus({
            submissionId: record.id,
            expectedVersion: record.version,
            to: 'declined',
            event: { actor: { kind: 'coordinator', id: 'acc-1' }, channel: 'web', action: 'test.decide' },
          });
        });
      }
      return read(source, options);
    };
    let refused: Page;
    try {
      refused = await visitor.post(`${path}/version`, hiddenForm(check.html, 'envoyer'));
    } finally {
      intake.read = read;
    }
    assert.ok(decided, 'the decision came while the file was read');
    assert.equal(refused.status, 409);
    assert.match(textOf(refused.html), /État de votre proposition\s*:\s*refusée/);
    assert.doesNotMatch(refused.html, /type="file"/);
    assert.doesNotMatch(textOf(refused.html), /Envoyer une nouvelle version|Version 2/);
    assert.equal(await statusOf(path), 'refusée');
  });

  test('the receipt letter queued in the outbox carries the private link', async () => {
    const { url } = await submit({
      authors: [{ givenName: 'Lucie', surname: 'Roux', email: 'lucie.roux@exemple.fr' }],
      title: 'Une lettre avec son lien',
    });
    const jobs = await desk.context.outbox.claimDue({ worker: 'test', limit: 100 });
    const job = jobs.find((j) => JSON.stringify(j.payload).includes('lucie.roux@exemple.fr'));
    assert.ok(job, 'a receipt for the contact');
    const letter = (job.payload as { letter: { followUrl?: string; kind: string } }).letter;
    assert.equal(letter.kind, 'receipt');
    assert.equal(letter.followUrl, url);
    const mail = await prepareLetterJob(job);
    assert.ok(mail);
    assert.equal(mail.to.address, 'lucie.roux@exemple.fr');
    assert.ok(mail.text.includes(url), 'the link is in the letter’s text');
  });

  test('only the SHA-256 of the token is stored', async () => {
    const { path } = await submit({ title: 'Un jeton jamais stocké' });
    const token = path.slice('/suivi/'.length);
    const dump = JSON.stringify(
      await desk.context.intake.uow.run(async (s) => {
        const [last] = (await s.submissions.listByCall(desk.context.callId)).slice(-1);
        return last ? s.authorLinks.listForSubmission(last.id) : [];
      }),
    );
    assert.doesNotMatch(dump, new RegExp(token));
    assert.match(dump, /"tokenHash":"[0-9a-f]{64}"/);
  });

  test('a wrong or revoked token is a plain 404 page, the same for both', async () => {
    const wrong = await new Visitor(desk.url).get(`/suivi/${'A'.repeat(43)}`);
    assert.equal(wrong.status, 404);
    assert.match(textOf(wrong.html), /Ce lien de suivi n’est pas valable/);
    assert.equal((await new Visitor(desk.url).get('/suivi/court')).status, 404);
    assert.equal((await new Visitor(desk.url).get('/suivi/../../etc/passwd')).status, 404);

    const { path } = await submit({ title: 'Un lien révoqué' });
    const token = path.slice('/suivi/'.length);
    const hash = createHash('sha256').update(token).digest('hex');
    assert.equal(await desk.context.intake.uow.run((s) => s.authorLinks.revoke(hash)), true);
    const revoked = await new Visitor(desk.url).get(path);
    assert.equal(revoked.status, 404);
    assert.equal(revoked.html, wrong.html.replace(/A{43}/g, token), 'the same page as for a wrong token');
  });

  test('the link page shows its own submission, never another one’s', async () => {
    const mine = await submit({
      authors: [{ givenName: 'Awa', surname: 'Diallo', email: 'awa.diallo@exemple.fr' }],
      phone: '06 11 22 33 44',
      title: 'Titre de Awa',
    });
    const theirs = await submit({
      authors: [{ givenName: 'Bruno', surname: 'Lefèvre', email: 'bruno.lefevre@exemple.fr' }],
      phone: '06 98 76 54 32',
      address: '8 avenue Jean Jaurès\n69007 Lyon',
      title: 'Titre de Bruno',
    });
    const page = await new Visitor(desk.url).get(mine.path);
    assert.match(page.html, /Titre de Awa/);
    const english = await new Visitor(desk.url).get(`${mine.path}?lang=en`);
    assert.match(textOf(english.html), /Status of your proposal: complete/);
    assert.match(page.html, /Diallo/);
    for (const other of [
      'Titre de Bruno',
      'Lefèvre',
      'bruno.lefevre',
      '06 98 76 54 32',
      'Jaurès',
      theirs.path,
    ]) {
      assert.ok(!page.html.includes(other), `${other} must not appear`);
    }
  });
});

describe('completing details through the link', () => {
  test('a submission sent without phone and address is incomplete; the author completes it', async () => {
    const { visitor, path, receipt } = await submit({ phone: '', address: '', title: 'Sans coordonnées' });
    assert.match(textOf(receipt.html), /Ce qu’il manque encore/);
    assert.match(textOf(receipt.html), /le numéro de téléphone/);
    assert.equal(await statusOf(path), 'incomplète (en attente de l’auteur)');
    const page = await visitor.get(path);
    assert.match(textOf(page.html), /Ce qu’il manque encore le numéro de téléphone l’adresse postale/);

    // A wrong number is refused next to its field, with how to fix it, and nothing is recorded.
    const wrong = await visitor.post(
      `${path}/coordonnees`,
      new URLSearchParams({ _csrf: field(page.html, '_csrf'), telephone: '06 12', adresse: '' }),
    );
    assert.equal(wrong.status, 422);
    assert.match(textOf(wrong.html), /Le numéro de téléphone n’est pas valide/);
    assert.match(wrong.html, /id="telephone"[^>]*aria-invalid="true"/);
    assert.match(wrong.html, /autofocus/);
    assert.equal(field(wrong.html, 'telephone'), '06 12', 'what was typed is given back');

    const ok = await visitor.post(
      `${path}/coordonnees`,
      new URLSearchParams({
        _csrf: field(page.html, '_csrf'),
        telephone: '06 12 34 56 78',
        adresse: '12 rue des Fleurs\n75011 Paris',
      }),
    );
    assert.equal(ok.status, 303);
    const done = await visitor.get(ok.headers.get('location') ?? '');
    assert.match(textOf(done.html), /Vos informations sont enregistrées/);
    assert.doesNotMatch(textOf(done.html), /Ce qu’il manque encore/);
    assert.equal(await statusOf(path), 'complète');

    const [record] = (await desk.context.submissions.listByCall(desk.context.callId)).filter(
      (s) => s.title === 'Sans coordonnées',
    );
    assert.ok(record);
    const events = await desk.context.submissions.listEvents(record.id);
    assert.deepEqual(
      events.map((e) => [e.action, e.actor.kind, e.toStatus]),
      [
        ['submission.received', 'system', 'incomplete'],
        ['details.completed', 'author', null],
        ['mark_complete', 'system', 'complete'],
      ],
    );
    assert.doesNotMatch(JSON.stringify(events), /06 12|Fleurs/, 'no personal data in the audit log');
  });

  test('co-authors without a contact person name one through the link, then give the details', async () => {
    const token = randomBytes(32).toString('base64url');
    const path = `/suivi/${token}`;
    await submitManuscript(
      {
        callId: desk.context.callId,
        call: desk.context.call,
        channel: 'web',
        idempotencyKey: `test:${token}`,
        receivedAt: new Date('2022-08-19T08:00:00Z'),
        title: 'Deux auteurs, aucun contact',
        authors: [
          { givenName: 'Inès', surname: 'Moreau', isContact: false },
          { givenName: 'Paul', surname: 'Girard', isContact: false },
        ],
        consents: { onlinePublication: true, freeOfCharge: true },
        files: [{ name: 'a-deux.docx', bytes: good }],
        reply: null,
        lang: 'fr',
        follow: { tokenHash: createHash('sha256').update(token).digest('hex'), url: `${desk.url}${path}` },
      },
      desk.context.intake,
    );
    const visitor = new Visitor(desk.url);
    const page = await visitor.get(path);
    assert.match(textOf(page.html), /Ce qu’il manque encore le contact unique pour la rédaction/);
    assert.match(textOf(page.html), /Qui la rédaction doit-elle contacter/);
    const csrf = field(page.html, '_csrf');

    const noContact = await visitor.post(
      `${path}/coordonnees`,
      new URLSearchParams({ _csrf: csrf, telephone: '06 12 34 56 78' }),
    );
    assert.equal(noContact.status, 422);
    assert.match(textOf(noContact.html), /Choisissez d’abord la personne à contacter/);

    const paul = /name="contact" value="([^"]+)"[^>]*>\s*Paul Girard|value="([^"]+)"[^>]*\/>Paul Girard/.exec(
      noContact.html,
    );
    const paulId = paul?.[1] ?? paul?.[2];
    assert.ok(paulId, 'a radio button for each author');
    const named = await visitor.post(
      `${path}/coordonnees`,
      new URLSearchParams({
        _csrf: csrf,
        contact: paulId,
        courriel: 'paul.girard@exemple.fr',
        telephone: '06 12 34 56 78',
        adresse: '5 rue Neuve\n30000 Nîmes',
      }),
    );
    assert.equal(named.status, 303);
    const after = textOf((await visitor.get(path)).html);
    assert.match(after, /Paul Girard \(personne à contacter\)/);
    assert.match(after, /État de votre proposition\s*:\s*complète/);
    const other = await visitor.post(
      `${path}/coordonnees`,
      new URLSearchParams({ _csrf: csrf, contact: 'quelqu-un-d-autre' }),
    );
    assert.equal(other.status, 422, 'the contact must be one of this submission’s authors');
  });

  test('every form of the link checks its CSRF token', async () => {
    const { visitor, path } = await submit({ title: 'Formulaires protégés' });
    for (const action of ['coordonnees', 'retirer', 'version']) {
      const refused = await visitor.post(`${path}/${action}`, new URLSearchParams({ confirmer: 'oui' }));
      assert.equal(refused.status, 403, action);
      assert.match(textOf(refused.html), /Ce formulaire a expiré/);
    }
    assert.equal(await statusOf(path), 'complète');
  });
});

describe('the public address', () => {
  test('links are made on APPEL_PUBLIC_URL when it is set, not on the address the request used', async () => {
    process.env.APPEL_PUBLIC_URL = 'https://revue.example/appel/';
    const own = await startDesk({ now: () => new Date('2022-08-20T10:00:00Z') });
    delete process.env.APPEL_PUBLIC_URL;
    try {
      const visitor = new Visitor(own.url);
      const form = await visitor.get('/deposer');
      const check = await visitor.post(
        '/deposer',
        submissionForm(form.html, {
          authors: [{ givenName: 'Éloïse', surname: 'Dupré', email: 'eloise.dupre@exemple.fr' }],
          title: 'Une adresse publique',
          file: { name: 'manuscrit.docx', bytes: good },
        }),
      );
      const receipt = await visitor.post('/deposer', hiddenForm(check.html, 'envoyer'), {
        host: 'evil.example',
      });
      assert.equal(receipt.status, 201);
      assert.match(receipt.html, /href="https:\/\/revue\.example\/appel\/suivi\/[A-Za-z0-9_-]{43}"/);
      assert.doesNotMatch(receipt.html, /127\.0\.0\.1[^"]*\/suivi\//);
    } finally {
      await own.close();
    }
  });
});

describe('rate limit', () => {
  let own: RunningDesk;
  before(async () => {
    own = await startDesk({ now: () => new Date('2022-08-20T10:00:00Z') });
  });
  after(() => own.close());

  test('more than 30 requests a minute on links are refused (429), while the site stays open', async () => {
    const visitor = new Visitor(own.url);
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) statuses.push((await visitor.get(`/suivi/${'B'.repeat(43)}`)).status);
    assert.deepEqual(statuses.slice(0, 30), Array(30).fill(404));
    assert.deepEqual(statuses.slice(30), [429, 429]);
    assert.equal((await visitor.get('/deposer')).status, 200);
  });
});
