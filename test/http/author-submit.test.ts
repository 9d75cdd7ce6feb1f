import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { LocalDraftAnalyses } from '../../src/adapters/files/draft-analyses.js';
import { type RunningDesk, startDesk } from '../helpers/http-server.js';
import {
  type FormInput,
  field,
  hiddenForm,
  manuscript,
  PDF,
  submissionForm,
  textOf,
  Visitor,
} from './author-support.js';

// The call's deadline is 1 September 2022 (Paris): the desk runs on 20 August.
const BEFORE_DEADLINE = () => new Date('2022-08-20T10:00:00Z');

let desk: RunningDesk;
let good: Buffer;
before(async () => {
  desk = await startDesk({ now: BEFORE_DEADLINE });
  good = await manuscript(8000);
});
after(() => desk.close());

const ELOISE = { givenName: 'Éloïse', surname: 'Dupré', email: 'eloise.dupre@exemple.fr' };

function details(overrides: Partial<FormInput> = {}): FormInput {
  return {
    authors: [ELOISE],
    phone: '06 12 34 56 78',
    address: '12 rue des Fleurs\n75011 Paris',
    title: 'Accompagner à distance',
    axis: 'relation-accompagnement',
    file: { name: 'manuscrit.docx', bytes: good },
    ...overrides,
  };
}

async function submissionsCount(): Promise<number> {
  return (await desk.context.submissions.listByCall(desk.context.callId)).length;
}

describe('the submission form without JavaScript', () => {
  test('is in French by default, with a label on every field, the CSRF token and the idempotency key', async () => {
    const page = await new Visitor(desk.url).get('/deposer');
    assert.equal(page.status, 200);
    assert.match(page.html, /<html lang="fr">/);
    assert.match(page.html, /enctype="multipart\/form-data"/);
    assert.match(field(page.html, '_csrf'), /.{20,}/);
    assert.match(field(page.html, 'cle'), /^[A-Za-z0-9_-]{43}$/);
    for (const id of [
      'a0-prenom',
      'a0-nom',
      'a0-courriel',
      'telephone',
      'adresse',
      'titre',
      'axe',
      'fichier',
    ]) {
      assert.match(page.html, new RegExp(`<label for="${id}"`), `label for ${id}`);
      assert.match(page.html, new RegExp(`id="${id}"`), `field ${id}`);
    }
    for (const axis of ['relation-accompagnement', 'culture-numerique', 'gouvernance']) {
      assert.match(page.html, new RegExp(`<option value="${axis}"`));
    }
    assert.match(page.html, /name="accord_mise_en_ligne"/);
    assert.match(page.html, /name="accord_gracieux"/);
    assert.match(page.html, /<script src="\/assets\/author-form.js" defer><\/script>/);
    assert.doesNotMatch(page.html, /<script>|style="/, 'no inline script or style');
  });

  test('exists in English', async () => {
    const page = await new Visitor(desk.url).get('/deposer?lang=en');
    assert.match(page.html, /<html lang="en">/);
    assert.match(page.html, /Submit an article/);
    assert.match(page.html, /action="\/deposer\?lang=en"/);
  });

  test('adds and removes author rows by posting the form, keeping what was typed', async () => {
    const visitor = new Visitor(desk.url);
    const form = await visitor.get('/deposer');
    const key = field(form.html, 'cle');
    const added = await visitor.post(
      '/deposer',
      submissionForm(form.html, {
        ...details({ file: undefined, title: 'Titre « gardé »' }),
        action: 'ajouter',
      }),
    );
    assert.equal(added.status, 200);
    assert.equal(field(added.html, 'a0-prenom'), 'Éloïse');
    assert.equal(field(added.html, 'a1-prenom'), '');
    assert.equal(field(added.html, 'titre'), 'Titre « gardé »');
    assert.equal(field(added.html, 'cle'), key, 'the same idempotency key');
    assert.match(added.html, /value="retirer-1"/);
    const two = submissionForm(added.html, {
      ...details({ file: undefined }),
      authors: [ELOISE, { givenName: 'Jean', surname: 'Martin' }],
      contact: 0,
      action: 'retirer-0',
    });
    const removed = await visitor.post('/deposer', two);
    assert.equal(field(removed.html, 'a0-prenom'), 'Jean');
    assert.doesNotMatch(removed.html, /name="a1-prenom"/);
  });

  test('shows every error next to its field with how to fix it, and focuses the first', async () => {
    const visitor = new Visitor(desk.url);
    const form = await visitor.get('/deposer');
    const page = await visitor.post(
      '/deposer',
      submissionForm(form.html, {
        authors: [{ givenName: '', surname: 'Dupré', email: 'pas-une-adresse' }],
        phone: '06 12',
        title: '',
        consents: false,
      }),
    );
    assert.equal(page.status, 422);
    const text = textOf(page.html);
    assert.match(text, /points sont à corriger/);
    assert.match(text, /Le prénom manque\.\s*Écrivez le prénom/);
    assert.match(text, /L’adresse électronique n’est pas valide/);
    assert.match(text, /Le numéro de téléphone n’est pas valide\s:\sil manque des chiffres/);
    assert.match(text, /Le titre manque/);
    assert.match(text, /Les deux accords sont nécessaires/);
    assert.match(text, /Aucun fichier n’est choisi/);
    assert.match(
      page.html,
      /id="a0-prenom"[^>]*aria-invalid="true"[^>]*autofocus|autofocus[^>]*id="a0-prenom"/,
    );
    assert.match(page.html, /aria-describedby="[^"]*telephone-erreur/);
    assert.equal((page.html.match(/autofocus/g) ?? []).length, 1);
    assert.equal(field(page.html, 'a0-nom'), 'Dupré', 'what was typed is kept');
  });

  test('checks the manuscript on upload and shows the verdict before anything is recorded', async () => {
    const visitor = new Visitor(desk.url);
    const form = await visitor.get('/deposer');
    const before = await submissionsCount();
    const check = await visitor.post('/deposer', submissionForm(form.html, details()));
    assert.equal(check.status, 200);
    const text = textOf(check.html);
    assert.match(text, /Votre manuscrit respecte les règles de l’appel/);
    assert.match(text, /Longueur\u00a0: 8\u202f000 signes/);
    assert.match(text, /Envoyer ma proposition/);
    assert.match(text, /Choisir un autre fichier/);
    assert.equal(await submissionsCount(), before, 'nothing recorded at the check');
    // The file is referred to by a signed draft, never by a path.
    const draft = field(check.html, 'brouillon');
    assert.match(draft, /\./);
    assert.doesNotMatch(check.html, /files\/|\/tmp\//);
  });

  test('a PDF gets the « not a Word file » finding, with what to send instead', async () => {
    const visitor = new Visitor(desk.url);
    const form = await visitor.get('/deposer');
    const check = await visitor.post(
      '/deposer',
      submissionForm(
        form.html,
        details({ file: { name: 'article.pdf', bytes: PDF, type: 'application/pdf' } }),
      ),
    );
    const text = textOf(check.html);
    assert.match(text, /Nous n’avons pas pu lire ce fichier comme un manuscrit/);
    assert.match(text, /Ce fichier n’est pas un fichier Word/);
    assert.match(text, /Enregistrer sous/);
    assert.match(text, /Choisir un autre fichier/);
  });

  test('a manuscript too short shows its count and how many signes to add', async () => {
    const visitor = new Visitor(desk.url);
    const form = await visitor.get('/deposer');
    const short = await manuscript(1200);
    const check = await visitor.post(
      '/deposer',
      submissionForm(form.html, details({ file: { name: 'court.docx', bytes: short } })),
    );
    const text = textOf(check.html);
    assert.match(text, /ne respecte pas encore toutes les règles/);
    assert.match(text, /Votre manuscrit compte 1\u202f200 signes/);
    assert.match(text, /Ajoutez au moins 3\u202f800 signes/);
    assert.match(text, /Envoyer quand même/);
  });

  test('« choose another file » goes back to the form with the details and without the file', async () => {
    const visitor = new Visitor(desk.url);
    const form = await visitor.get('/deposer');
    const check = await visitor.post('/deposer', submissionForm(form.html, details()));
    const back = await visitor.post('/deposer', hiddenForm(check.html, 'changer'));
    assert.equal(back.status, 200);
    assert.equal(field(back.html, 'titre'), 'Accompagner à distance');
    assert.equal(field(back.html, 'brouillon'), '');
    const edit = await visitor.post('/deposer', hiddenForm(check.html, 'modifier'));
    assert.match(textOf(edit.html), /Fichier déjà reçu\u00a0: «\u202fmanuscrit\.docx\u202f»/);
  });

  test('confirming records one submission and gives the receipt with the private link (201)', async () => {
    const visitor = new Visitor(desk.url);
    const form = await visitor.get('/deposer');
    const check = await visitor.post('/deposer', submissionForm(form.html, details()));
    const receipt = await visitor.post('/deposer', hiddenForm(check.html, 'envoyer'));
    assert.equal(receipt.status, 201);
    const text = textOf(receipt.html);
    assert.match(text, /Votre proposition est enregistrée/);
    assert.match(text, /Reçue le\ssamedi\s20\saoût\s2022\sà\s12\sh\s00/);
    assert.match(text, /manuscrit\.docx/);
    assert.match(text, /Votre manuscrit respecte les règles de l’appel/);
    assert.match(text, /eloise\.dupre@exemple\.fr/);
    const link = /href="(http:\/\/[^"]+\/suivi\/[A-Za-z0-9_-]{43})"/.exec(receipt.html)?.[1];
    assert.ok(link, 'the private link');
    assert.match(receipt.headers.get('cache-control') ?? '', /no-store/);
    const record = (await desk.context.submissions.listByCall(desk.context.callId)).at(-1);
    assert.equal(record?.status, 'complete');
    assert.equal(record?.channel, 'web');
    assert.equal(record?.axis, 'relation-accompagnement');
  });

  test('a double click, a retry or the back button never creates a second submission', async () => {
    const visitor = new Visitor(desk.url);
    const form = await visitor.get('/deposer');
    const check = await visitor.post('/deposer', submissionForm(form.html, details({ title: 'Deux clics' })));
    const before = await submissionsCount();
    const [a, b] = await Promise.all([
      visitor.post('/deposer', hiddenForm(check.html, 'envoyer')),
      visitor.post('/deposer', hiddenForm(check.html, 'envoyer')),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [200, 201]);
    const retry = await visitor.post('/deposer', hiddenForm(check.html, 'envoyer'));
    assert.equal(retry.status, 200);
    assert.match(textOf(retry.html), /Votre proposition était déjà enregistrée/);
    assert.equal(await submissionsCount(), before + 1);
    const links = [a, b, retry].map((r) => /\/suivi\/([A-Za-z0-9_-]{43})/.exec(r.html)?.[1]);
    assert.ok(links[0]);
    assert.deepEqual(new Set(links).size, 1, 'every answer gives the same private link');
    // Back to the form (the browser keeps the page, and its key): checked and sent again, still one.
    const again = await visitor.post('/deposer', submissionForm(form.html, details({ title: 'Deux clics' })));
    const third = await visitor.post('/deposer', hiddenForm(again.html, 'envoyer'));
    assert.equal(third.status, 200);
    assert.equal(await submissionsCount(), before + 1);
  });

  test('the confirmation records the analysis made at the check, and reads the file again only when it is gone or damaged', async () => {
    const drafts = new LocalDraftAnalyses(join(desk.context.dataDir, 'drafts'));
    const file = await manuscript(7000, 'Analyse gardée');
    const sha = createHash('sha256').update(file).digest('hex');
    const entry = join(desk.context.dataDir, 'drafts', `${sha}.json`);
    let sent = 0;
    const send = async (between: () => Promise<void>) => {
      const title = `Analyse gardée ${++sent}`;
      const visitor = new Visitor(desk.url);
      const form = await visitor.get('/deposer');
      const check = await visitor.post(
        '/deposer',
        submissionForm(form.html, details({ title, file: { name: 'm.docx', bytes: file } })),
      );
      assert.equal(check.status, 200);
      assert.ok(existsSync(entry), 'the check keeps its analysis beside the drafts');
      await between();
      const receipt = await visitor.post('/deposer', hiddenForm(check.html, 'envoyer'));
      assert.equal(receipt.status, 201);
      assert.ok(!existsSync(entry), 'recorded: the kept analysis goes');
      const all = await desk.context.submissions.listByCall(desk.context.callId);
      const mine = all.find((r) => r.title === title);
      return mine && (await desk.context.submissions.findById(mine.id))?.versions[0]?.signesTotal;
    };
    assert.equal(await send(async () => {}), 7000);
    // What was remembered is what gets recorded: here a figure the file does not give.
    const remembered = await send(async () => {
      const kept = await drafts.find(sha);
      assert.ok(kept?.analysis.manuscript);
      kept.analysis.manuscript.counts.signes.total = 6999;
      await drafts.remember(sha, { byteSize: kept.byteSize, analysis: kept.analysis });
    });
    assert.equal(remembered, 6999);
    const damaged = await send(async () =>
      writeFileSync(entry, readFileSync(entry, 'utf8').replace('7000', '7001')),
    );
    assert.equal(damaged, 7000, 'a damaged entry is not trusted: the file is read again');
    const gone = await send(async () => rmSync(entry));
    assert.equal(gone, 7000);
  });

  test('a hostile file name is cleaned and escaped on every page', async () => {
    const visitor = new Visitor(desk.url);
    const form = await visitor.get('/deposer');
    const name = '../../<img src=x onerror=alert(1)>\u202Ecod.docx';
    const title = '<script>alert(1)</script> « Titre »';
    const input = details({ title, file: { name, bytes: good } });
    const check = await visitor.post('/deposer', submissionForm(form.html, input));
    assert.doesNotMatch(check.html, /<img src=x|<script>alert/);
    assert.doesNotMatch(check.html, /\u202E|\.\.\//);
    assert.match(check.html, /_img src=x onerror=alert\(1\)_cod\.docx/);
    assert.match(check.html, /&lt;script>alert\(1\)&lt;\/script> « Titre »/);
    const receipt = await visitor.post('/deposer', hiddenForm(check.html, 'envoyer'));
    assert.equal(receipt.status, 201);
    assert.doesNotMatch(receipt.html, /<img src=x|<script>alert|\u202E/);
    assert.match(receipt.html, /_img src=x onerror=alert\(1\)_cod\.docx/);
  });

  test('a form without its CSRF token is refused (403) before its file is read, and nothing is kept', async () => {
    const visitor = new Visitor(desk.url);
    const form = await visitor.get('/deposer');
    const before = await submissionsCount();
    const body = submissionForm(form.html, details());
    body.delete('_csrf');
    const refused = await visitor.post('/deposer', body);
    assert.equal(refused.status, 403);
    assert.match(textOf(refused.html), /Ce formulaire a expiré/);
    assert.doesNotMatch(refused.html, /brouillon/);
    const stranger = await new Visitor(desk.url).post('/deposer', submissionForm(form.html, details()));
    assert.equal(stranger.status, 403, 'a token without its cookie');
    const check = await visitor.post('/deposer', submissionForm(form.html, details()));
    const confirm = hiddenForm(check.html, 'envoyer');
    confirm.set('_csrf', 'faux');
    assert.equal((await visitor.post('/deposer', confirm)).status, 403);
    assert.equal(await submissionsCount(), before);
  });

  test('the phone and address are checked by the call’s rules as the author types (JSON, CSRF)', async () => {
    const visitor = new Visitor(desk.url);
    const form = await visitor.get('/deposer');
    const csrf = field(form.html, '_csrf');
    const ask = (body: object, token?: string) =>
      fetch(`${desk.url}/deposer/coordonnees`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { 'x-csrf-token': token } : {}),
          cookie: visitor.cookie,
        },
        body: JSON.stringify(body),
      });
    const ok = await ask({ telephone: '0692 12 34 56', adresse: '3 rue du Port, 97400 Saint-Denis' }, csrf);
    assert.equal(ok.status, 200);
    const result = (await ok.json()) as {
      telephone: { severity: string; message: string }[];
      adresse: unknown[];
    };
    assert.equal(result.telephone[0]?.severity, 'info');
    assert.match(result.telephone[0]?.message ?? '', /Numéro de téléphone valide/);
    assert.doesNotMatch(JSON.stringify(result), /0692|Port/, 'nothing typed is echoed back');
    const bad = (await (await ask({ telephone: '01 23' }, csrf)).json()) as {
      telephone: { severity: string }[];
    };
    assert.equal(bad.telephone[0]?.severity, 'error');
    assert.equal((await ask({ telephone: '01 23' })).status, 403);
  });
});

describe('a closed call', () => {
  const SECRET = 'un secret partagé par les deux bureaux de ce test, assez long';
  let clock = new Date('2022-09-05T10:00:00Z');
  let open: RunningDesk;
  let closed: RunningDesk;
  before(async () => {
    open = await startDesk({ now: BEFORE_DEADLINE, cookieSecret: SECRET });
    closed = await startDesk({ now: () => clock, cookieSecret: SECRET });
  });
  after(async () => {
    await open.close();
    await closed.close();
  });

  test('says so plainly and offers no form', async () => {
    const page = await new Visitor(closed.url).get('/deposer');
    assert.equal(page.status, 200);
    const text = textOf(page.html);
    assert.match(text, /L’appel est clos/);
    assert.match(text, /La date limite de dépôt était le jeudi 1er\sseptembre\s2022/);
    assert.doesNotMatch(page.html, /<form/);
  });

  test('refuses a form posted after the deadline, saying why', async () => {
    const visitor = new Visitor(open.url);
    const form = await visitor.get('/deposer');
    const page = await visitor.at(closed.url).post('/deposer', submissionForm(form.html, details()));
    assert.equal(page.status, 403);
    assert.match(textOf(page.html), /L’appel est clos/);
    assert.equal((await closed.context.submissions.listByCall(closed.context.callId)).length, 0);
  });

  test('still takes the confirmation of a file uploaded before the end of the last day', async () => {
    clock = new Date('2022-09-01T21:50:00Z'); // 23:50 in Paris
    const visitor = new Visitor(closed.url);
    const form = await visitor.get('/deposer');
    const check = await visitor.post('/deposer', submissionForm(form.html, details()));
    assert.equal(check.status, 200);
    clock = new Date('2022-09-01T22:10:00Z'); // 00:10 the next day: the call shows as closed
    assert.match(textOf((await visitor.get('/deposer')).html), /L’appel est clos/);
    const receipt = await visitor.post('/deposer', hiddenForm(check.html, 'envoyer'));
    assert.equal(receipt.status, 201);
    const [record] = await closed.context.submissions.listByCall(closed.context.callId);
    assert.equal(record?.receivedAt, '2022-09-01T21:50:00.000Z');
    assert.equal(record?.late, false);
  });
});
