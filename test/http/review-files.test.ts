import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { prepareLetterJob } from '../../src/app/process-outbox.js';
import { docxEntries, p, r } from '../helpers/docx-fixtures.js';
import type { RunningDesk } from '../helpers/http-server.js';
import { unzipBytes } from '../helpers/unzip.js';
import { makeZip } from '../helpers/zip-fixtures.js';
import {
  newLetters,
  postTransition,
  type Staff,
  seedSubmission,
  staffMember,
  startTestDesk,
  type TestClock,
  testClock,
  Visitor,
} from './desk-helpers.js';

const PDF = Buffer.from('%PDF-1.4\n% annotations\n%%EOF\n');
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The reader's annotated copy: a comment and a tracked change signed with their name. */
function annotatedDocx(): Promise<Buffer> {
  return makeZip(
    docxEntries({
      body:
        p('Le texte de [Auteur], tel que la relectrice l’a lu.') +
        `<w:p><w:ins w:id="1" w:author="Rita Vasseur" w:date="2022-09-06T10:00:00Z">${r('Une phrase ajoutée.')}</w:ins></w:p>`,
      comments: `<w:comment w:id="0" w:author="Rita Vasseur" w:initials="RR">${p('Très clair. R. Vasseur')}</w:comment>`,
      core: '<dc:creator>Auteur</dc:creator><cp:lastModifiedBy>Rita Vasseur</cp:lastModifiedBy>',
    }),
  );
}

/** Every XML part of a package, as text. */
async function partsText(bytes: Buffer): Promise<string> {
  const parts = await unzipBytes(bytes);
  return [...parts].map(([name, data]) => `${name}\n${data.toString('utf8')}`).join('\n');
}

/**
 * The reader's annotated text through the real server and SQLite: the reader sends it from their
 * link, the desk reads it as sent and as a copy without the reader's name, a decision sent with
 * the opinions puts that copy — and only it — on the author's page, and the letter says so.
 */
describe('a reader’s annotated text: from the reader’s link to the author’s page, without the name', () => {
  let desk: RunningDesk;
  let clock: TestClock;
  let coordinator: Staff;
  const authorToken = randomBytes(32).toString('base64url');
  const author = () => new Visitor(desk.url);
  let id: string;
  let readerPath: string;
  const reader = () => new Visitor(desk.url);
  // A reader whose page was open before the decision: its form is sent after it.
  let lateReader: Visitor;
  let lateCsrf = '';

  before(async () => {
    ({ desk, clock } = await startTestDesk({}, testClock(Date.parse('2022-09-05T08:00:00Z'))));
    const admin = await staffMember(desk, clock, 'administrator');
    coordinator = await staffMember(desk, clock, 'coordinator', 'coordination@exemple.fr', admin.account);
    const { record } = await seedSubmission(desk, {
      title: 'Le numérique au foyer',
      givenName: 'Élodie',
      surname: 'Marchand',
      receivedAt: '2022-08-20T10:00:00Z',
      linkToken: authorToken,
    });
    id = record.id;
    await move('send_to_review');
    const { csrf } = await coordinator.visitor.page(`/bureau/propositions/${id}`);
    const asked = await coordinator.visitor.post(`/bureau/propositions/${id}/relectures`, {
      _csrf: csrf,
      nom: 'Rita Vasseur',
      courriel: 'rita@exemple.fr',
      date: '',
      message: '',
    });
    assert.equal(asked.status, 303);
    const [request] = await letters('review-request');
    assert.ok(request);
    readerPath = new URL((request.payload as { letter: { reviewUrl: string } }).letter.reviewUrl).pathname;
  });
  after(() => desk.close());

  async function move(action: string, extra: Record<string, string> = {}): Promise<void> {
    assert.equal((await postTransition(coordinator.visitor, id, { action, ...extra })).status, 303);
  }

  const letters = (kind: string) => newLetters(desk, kind);

  async function send(file: { name: string; bytes: Buffer }): Promise<Response> {
    const visitor = reader();
    const { csrf } = await visitor.page(readerPath);
    return visitor.postFile(`${readerPath}/fichier`, { _csrf: csrf }, file);
  }

  const deskFileLinks = (html: string) =>
    [...html.matchAll(/href="(\/bureau\/propositions\/[^/]+\/relectures\/fichiers\/[^"]+)"/g)].map((m) =>
      (m[1] as string).replace(/&amp;/g, '&'),
    );

  it('lets the reader send a Word file and a PDF, refuses anything else with how to fix it', async () => {
    const form = await (await reader().get(readerPath)).text();
    assert.match(form, /Votre texte annoté \(facultatif\)/);
    assert.match(form, /enctype="multipart\/form-data"/);
    assert.match(form, /les commentaires y sont signés «\s*Relecture\s*»/);

    const wrong = await send({ name: 'notes.docx', bytes: Buffer.from('Mes notes en texte brut.\n') });
    assert.equal(wrong.status, 422);
    const refused = await wrong.text();
    assert.match(
      refused,
      /Envoyez le texte annoté en document Word \(\.docx\), LibreOffice \(\.odt\) ou en PDF/,
    );
    assert.match(refused, /aria-invalid="true" aria-describedby="texte-annote-erreur"/);

    const word = await send({ name: 'Marchand relu par Rita.docx', bytes: await annotatedDocx() });
    assert.equal(word.status, 303);
    assert.match(word.headers.get('location') ?? '', /\?fait=fichier$/);
    const pdf = await send({ name: 'annotations.pdf', bytes: PDF });
    assert.equal(pdf.status, 303);

    const page = await (await reader().get(`${readerPath}?fait=fichier`)).text();
    assert.match(page, /Merci\s*: votre fichier est reçu/);
    assert.match(page, /Marchand relu par Rita\.docx .* — copie sans votre nom prête/);
    assert.match(page, /annotations\.pdf .* — pour le comité seulement/);
    const events = await desk.context.submissions.listEvents(id);
    const added = events.filter((e) => e.action === 'review.file_added');
    assert.deepEqual(
      added.map((e) => e.detail?.anonymous),
      [true, false],
    );
    assert.doesNotMatch(JSON.stringify(added), /Rita|annotations\.pdf|Marchand relu/, 'no name in the log');
  });

  it('shows the desk each file as sent, and the Word file’s copy without the reader’s name', async () => {
    const { html } = await coordinator.visitor.page(`/bureau/propositions/${id}`);
    assert.match(html, /<h4>Texte annoté<\/h4>/);
    assert.match(html, /pour le comité seulement \(un PDF/);
    const [original, copy, pdf] = deskFileLinks(html);
    assert.ok(original && copy && pdf, 'three links: the Word file, its copy, the PDF');
    assert.match(copy, /\?copie=1$/);

    const sent = await coordinator.visitor.get(original);
    assert.equal(sent.status, 200);
    assert.match(sent.headers.get('content-disposition') ?? '', /^attachment/);
    assert.match(await partsText(Buffer.from(await sent.arrayBuffer())), /Rita Vasseur/);

    const anonymous = await coordinator.visitor.get(copy);
    assert.equal(anonymous.status, 200);
    assert.match(anonymous.headers.get('content-disposition') ?? '', /anonyme\.docx/);
    const text = await partsText(Buffer.from(await anonymous.arrayBuffer()));
    assert.doesNotMatch(fold(text), /vasseur|rita@/);
    assert.match(text, /w:author="Relecture" w:initials="R"/);
    assert.match(text, /Très clair\. \[Relecture\]/);

    const noCopy = await coordinator.visitor.get(`${pdf}?copie=1`);
    assert.equal(noCopy.status, 404, 'a PDF has no copy without the name');
  });

  it('keeps the files from the author until the decision, then gives them the copy, and the letter says so', async () => {
    const opinion = reader();
    const { csrf } = await opinion.page(readerPath);
    const given = await opinion.post(readerPath, {
      _csrf: csrf,
      avis: 'revisions',
      pour_auteur: 'Un bon début, à resserrer.',
      pour_comite: '',
    });
    assert.equal(given.status, 303);

    const authorPath = `/suivi/${authorToken}`;
    const before = await (await author().get(authorPath)).text();
    assert.doesNotMatch(before, /Les avis des relecteurs|à resserrer/);
    const { html: deskPage } = await coordinator.visitor.page(`/bureau/propositions/${id}`);
    assert.match(deskPage, /et mettre sur sa page de suivi le texte annoté \(copie sans nom\)/);
    const fileId = (deskFileLinks(deskPage)[0] ?? '').split('/').pop() ?? '';
    assert.equal((await author().get(`${authorPath}/relectures/${fileId}`)).status, 404);

    lateReader = reader();
    lateCsrf = (await lateReader.page(readerPath)).csrf;
    await letters('decision');
    await move('request_revisions', { prevenir: 'oui', avis: 'oui', message: '' });
    const [decision] = await letters('decision');
    assert.ok(decision);
    const mail = await prepareLetterJob(decision);
    assert.match(mail?.text ?? '', /Un relecteur ou une relectrice a aussi annoté votre texte/);
    assert.doesNotMatch(mail?.text ?? '', /Rita|Vasseur/);

    const page = await (await author().get(authorPath)).text();
    assert.match(page, /Les avis des relecteurs/);
    assert.match(page, /<h3>Relecture 1<\/h3><p class="prose">Un bon début, à resserrer\.<\/p>/);
    assert.match(
      page,
      /Texte annoté<span class="visually-hidden"> \(Relecture 1\)<\/span><\/a> \(fichier Word, /,
    );
    assert.doesNotMatch(page, /Vasseur|Rita/, 'never the reader’s name');
    const links = [...page.matchAll(/href="(\/suivi\/[^"]+\/relectures\/[^"?]+)/g)].map(
      (m) => m[1] as string,
    );
    assert.equal(links.length, 1, 'the copy of the Word file only: the PDF stays with the committee');
    const download = await author().get(links[0] as string);
    assert.equal(download.status, 200);
    assert.match(download.headers.get('content-disposition') ?? '', /relecture-1-[^"]+\.docx/);
    assert.doesNotMatch(fold(await partsText(Buffer.from(await download.arrayBuffer()))), /vasseur|rita@/);
    const pdfId = (deskFileLinks(deskPage)[2] ?? '').split('/').pop() ?? '';
    assert.equal((await author().get(`${authorPath}/relectures/${pdfId}`)).status, 404);

    const after = await (await coordinator.visitor.get(`/bureau/propositions/${id}`)).text();
    assert.match(after, /transmise à l’auteur le/);
    assert.match(after, /Transmis à l’auteur avec la décision, le /);
  });

  it('takes no more files once the review is closed', async () => {
    const late = await lateReader.postFile(
      `${readerPath}/fichier`,
      { _csrf: lateCsrf },
      { name: 'encore.pdf', bytes: PDF },
    );
    assert.equal(late.status, 303);
    assert.doesNotMatch(late.headers.get('location') ?? '', /fait=fichier/);
    const files = await desk.context.reviewFiles.listForSubmission(id);
    assert.equal(files.length, 2);
    const page = await (await reader().get(readerPath)).text();
    assert.doesNotMatch(page, /Envoyer le fichier/);
    assert.match(page, /annotations\.pdf/);
  });
});
