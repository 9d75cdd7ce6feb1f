import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { LINK_REMOVED, redactLetterSecrets } from '../../src/app/sent-letter-secrets.js';
import type { JsonObject } from '../../src/ports/json.js';
import type { RunningDesk } from '../helpers/http-server.js';
import {
  newLetters,
  postTransition,
  type Staff,
  seedSubmission,
  staffMember,
  startTestDesk,
  testClock,
  Visitor,
} from './desk-helpers.js';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
// The first bytes of a JPEG photo (a phone's picture of a signed page).
const PHOTO = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(2048)]);

/**
 * The publishing contract through the real server and SQLite: a coordinator attaches it, sends it
 * (a letter with a new private link), the author downloads it and sends the signed copy back from
 * that page (several files), the coordinator is told, looks, and records the signature.
 */
describe('the publishing contract: attached on the desk, signed and sent back through the link', () => {
  let desk: RunningDesk;
  let coordinator: Staff;
  let committee: Staff;

  before(async () => {
    let clock: Parameters<typeof staffMember>[1];
    ({ desk, clock } = await startTestDesk({}, testClock(Date.parse('2022-09-05T08:00:00Z'))));
    const admin = await staffMember(desk, clock, 'administrator');
    coordinator = await staffMember(desk, clock, 'coordinator', 'coordination@exemple.fr', admin.account);
    committee = await staffMember(desk, clock, 'committee', 'comite@exemple.fr', admin.account);
  });
  after(() => desk.close());

  async function submission(title: string, surname: string, link: string): Promise<string> {
    const { record } = await seedSubmission(desk, {
      title,
      givenName: 'Élodie',
      surname,
      receivedAt: '2022-08-20T10:00:00Z',
      linkToken: link,
    });
    return record.id;
  }

  const move = (id: string, action: string) => postTransition(coordinator.visitor, id, { action });

  async function accepted(title: string, surname: string, link: string): Promise<string> {
    const id = await submission(title, surname, link);
    assert.equal((await move(id, 'send_to_review')).status, 303);
    assert.equal((await move(id, 'accept')).status, 303);
    return id;
  }

  async function attach(id: string, file: { name: string; bytes: Uint8Array }): Promise<Response> {
    const { csrf } = await coordinator.visitor.page(`/bureau/propositions/${id}`);
    return coordinator.visitor.postFile(`/bureau/propositions/${id}/contrat`, { _csrf: csrf }, file);
  }

  async function sendBack(author: Visitor, path: string, file: { name: string; bytes: Uint8Array }) {
    const { csrf } = await author.page(path);
    return author.postFile(`${path}/contrat`, { _csrf: csrf }, file);
  }

  const letters = (kind: string) => newLetters(desk, kind);

  const downloadLinks = (html: string, prefix: string) =>
    [...html.matchAll(new RegExp(`href="(${prefix}/contrat/[^"?]+)`, 'g'))].map((m) => m[1] as string);

  it('keeps the contract out of a submission not yet accepted', async () => {
    const id = await submission('Pas encore acceptée', 'Avant', randomBytes(32).toString('base64url'));
    const { html } = await coordinator.visitor.page(`/bureau/propositions/${id}`);
    assert.doesNotMatch(html, /Contrat d’édition/);
    const refused = await attach(id, { name: 'contrat.pdf', bytes: PDF });
    assert.equal(refused.status, 409);
    assert.match(await refused.text(), /Le contrat se joint à une proposition acceptée/);
    assert.equal((await desk.context.contractDocuments.listForSubmission(id)).length, 0);
  });

  it('goes from the desk to the author and back, and ends with the signature recorded', async () => {
    const firstLink = randomBytes(32).toString('base64url');
    const id = await accepted('Un texte accepté', 'Martin', firstLink);
    const page = await coordinator.visitor.page(`/bureau/propositions/${id}`);
    assert.match(page.html, /<h2 id="contrat">Contrat d’édition<\/h2>/);
    assert.match(page.html, /Aucun contrat joint/);
    assert.match(page.html, /Joindre le contrat \(PDF, Word ou LibreOffice\)/);
    const seenByCommittee = await committee.visitor.page(`/bureau/propositions/${id}`);
    assert.match(seenByCommittee.html, /Contrat d’édition/);
    assert.doesNotMatch(
      seenByCommittee.html,
      /Joindre le contrat/,
      'the committee reads, coordinators attach',
    );

    // A text file named .pdf is recognised by its content, and refused with what to send.
    const wrong = await attach(id, { name: 'contrat.pdf', bytes: Buffer.from('Ceci est un contrat.\n') });
    assert.equal(wrong.status, 422);
    assert.match(
      await wrong.text(),
      /Le contrat doit être un PDF, un document Word \(\.docx\) ou LibreOffice/,
    );

    const attached = await attach(id, { name: 'Contrat Martin été 2022.pdf', bytes: PDF });
    assert.equal(attached.status, 303);
    assert.match(attached.headers.get('location') ?? '', /\?contrat=joint#contrat$/);
    const after = await coordinator.visitor.page(attached.headers.get('location') as string);
    assert.match(after.html, /Le contrat est joint à la proposition\./);
    const [deskLink] = downloadLinks(after.html, `/bureau/propositions/${id}`);
    assert.ok(deskLink, 'the desk lists the contract with a download link');
    const downloaded = await committee.visitor.get(deskLink);
    assert.equal(downloaded.status, 200);
    assert.deepEqual(Buffer.from(await downloaded.arrayBuffer()), PDF);
    assert.match(
      downloaded.headers.get('content-disposition') ?? '',
      /^attachment; filename="Contrat Martin ete 2022\.pdf"; filename\*=UTF-8''Contrat%20Martin%20%C3%A9t%C3%A9%202022\.pdf$/,
    );
    assert.equal(downloaded.headers.get('content-security-policy'), 'sandbox');

    // Not yet sent: the author's page says nothing of it, and its file is not theirs to fetch.
    const author = new Visitor(desk.url);
    const before = await author.page(`/suivi/${firstLink}`);
    assert.doesNotMatch(before.html, /Votre contrat d’édition/);
    const early = await author.get(`/suivi/${firstLink}/contrat/${deskLink.split('/').pop()}`);
    assert.equal(early.status, 404);

    const sent = await move(id, 'send_contract');
    assert.equal(sent.status, 303);
    assert.match(sent.headers.get('location') ?? '', /fait=send_contract&courriel=1/);
    const [letter] = await letters('contract-sent');
    assert.ok(letter, 'the contract letter is queued with the change');
    const { followUrl } = (letter.payload as { letter: { followUrl: string } }).letter;
    assert.equal((letter.payload as { to: { address: string } }).to.address, 'martin@exemple.fr');
    const redacted = redactLetterSecrets(letter.payload as JsonObject) as { letter: { followUrl: string } };
    assert.ok(redacted.letter.followUrl.endsWith(LINK_REMOVED), 'the new link leaves the outbox once sent');

    // The new link and the first one open the same page, with the contract to download.
    const newPath = new URL(followUrl).pathname;
    for (const path of [newPath, `/suivi/${firstLink}`]) {
      const { html } = await author.page(path);
      assert.match(html, /<h2>Votre contrat d’édition<\/h2>/);
      assert.match(html, /Télécharger le contrat/);
      assert.match(html, /Renvoyez-le ici\s:\sun PDF, ou une photo lisible de chaque page, suffit\./);
    }
    const { html: authorPage } = await author.page(newPath);
    const [authorLink] = downloadLinks(authorPage, newPath);
    assert.ok(authorLink);
    const fetched = await author.get(authorLink);
    assert.equal(fetched.status, 200);
    assert.deepEqual(Buffer.from(await fetched.arrayBuffer()), PDF);

    // The signed copy comes back as photos, page after page; a web page is not a signature.
    const refused = await sendBack(author, newPath, {
      name: 'contrat.html',
      bytes: Buffer.from('<html><body>x</body></html>'),
    });
    assert.equal(refused.status, 422);
    assert.match(
      await refused.text(),
      /Envoyez le contrat signé en PDF, ou en photo \(JPEG ou PNG\) de chaque page/,
    );
    const page1 = await sendBack(author, newPath, { name: 'page 1.jpg', bytes: PHOTO });
    assert.equal(page1.status, 303);
    assert.match(page1.headers.get('location') ?? '', /\?fait=contrat$/);
    const page2 = await sendBack(author, newPath, { name: 'page 2.jpg', bytes: Buffer.concat([PHOTO, PDF]) });
    assert.equal(page2.status, 303);
    const { html: returned } = await author.page(page1.headers.get('location') as string);
    assert.match(returned, /Votre contrat signé est bien reçu/);
    assert.match(returned, /Ce que vous avez renvoyé/);
    assert.match(returned, /page 1\.jpg/);
    assert.match(returned, /page 2\.jpg/);
    const told = await letters('contract-returned');
    assert.equal(told.length, 1, 'the coordinator is told once, not once a page');
    const [toCoordinator] = told;
    assert.ok(toCoordinator);
    assert.equal(
      (toCoordinator.payload as { to: { address: string } }).to.address,
      'coordination@exemple.fr',
    );

    const { html: dashboard } = await coordinator.visitor.page('/bureau');
    assert.match(
      dashboard,
      /contrat signé reçu, à vérifier/,
      'the dashboard shows which copies wait to be checked',
    );
    const { html: deskPage } = await coordinator.visitor.page(`/bureau/propositions/${id}`);
    assert.match(deskPage, /Vérifiez le contrat signé, puis choisissez «\senregistrer le contrat signé\s»/);
    assert.match(deskPage, /contrat signé renvoyé par l’auteur/, 'the timeline says who sent what');
    assert.equal(downloadLinks(deskPage, `/bureau/propositions/${id}`).length, 3);

    assert.equal((await move(id, 'record_signed_contract')).status, 303);
    assert.doesNotMatch((await coordinator.visitor.page('/bureau')).html, /contrat signé reçu, à vérifier/);
    const { html: signed } = await author.page(newPath);
    assert.match(signed, /La rédaction a enregistré votre contrat signé\. Merci\./);
    assert.doesNotMatch(signed, /Envoyer le contrat signé/);
    const late = await sendBack(author, newPath, { name: 'page 3.jpg', bytes: PHOTO });
    assert.equal(late.status, 409);
    assert.equal(
      (await desk.context.contractDocuments.listForSubmission(id)).filter((d) => d.kind === 'signed').length,
      2,
    );
  });

  it('sends the contract without a file as a change of status only, and tells the desk so', async () => {
    const link = randomBytes(32).toString('base64url');
    const id = await accepted('Un contrat par la poste', 'Poste', link);
    const sent = await move(id, 'send_contract');
    assert.match(sent.headers.get('location') ?? '', /courriel=0/);
    assert.equal((await letters('contract-sent')).length, 0);
    const { html } = await new Visitor(desk.url).page(`/suivi/${link}`);
    assert.match(html, /La rédaction vous envoie le contrat par un autre moyen/);
    assert.doesNotMatch(html, /Télécharger le contrat/);
  });

  it('opens no file of another submission through a link or a desk address', async () => {
    const mine = randomBytes(32).toString('base64url');
    const theirs = randomBytes(32).toString('base64url');
    const a = await accepted('Le mien', 'Premier', mine);
    const b = await accepted('Le leur', 'Second', theirs);
    await attach(b, { name: 'contrat-b.pdf', bytes: PDF });
    assert.equal((await move(a, 'send_contract')).status, 303);
    assert.equal((await move(b, 'send_contract')).status, 303);
    const [other] = await desk.context.contractDocuments.listForSubmission(b);
    assert.ok(other);
    const author = new Visitor(desk.url);
    assert.equal((await author.get(`/suivi/${mine}/contrat/${other.id}`)).status, 404);
    assert.equal(
      (await coordinator.visitor.get(`/bureau/propositions/${a}/contrat/${other.id}`)).status,
      404,
    );
    assert.equal((await author.get(`/suivi/${theirs}/contrat/${other.id}`)).status, 200);
  });
});
