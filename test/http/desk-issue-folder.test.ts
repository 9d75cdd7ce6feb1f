import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Action } from '../../src/domain/submission/lifecycle.js';
import type { RunningDesk } from '../helpers/http-server.js';
import { unzipBytes } from '../helpers/unzip.js';
import {
  moveAlong,
  type Staff,
  seedSubmission,
  staffMember,
  startTestDesk,
  TO_ISSUE,
  testClock,
} from './desk-helpers.js';

const PHOTO = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(1024)]);

/**
 * The issue's folder for whoever lays out the issue: the texts placed in the issue, in its order,
 * as their authors sent them, the signed contracts, the table of contents; for coordinators only.
 */
describe('the issue’s folder (texts and signed contracts in one zip)', () => {
  let desk: RunningDesk;
  let coordinator: Staff;
  let committee: Staff;

  before(async () => {
    let clock: Parameters<typeof staffMember>[1];
    ({ desk, clock } = await startTestDesk({}, testClock(Date.parse('2022-09-20T08:00:00Z'))));
    const admin = await staffMember(desk, clock, 'administrator');
    coordinator = await staffMember(desk, clock, 'coordinator', 'coordination@exemple.fr', admin.account);
    committee = await staffMember(desk, clock, 'committee', 'comite@exemple.fr', admin.account);
  });
  after(() => desk.close());

  /** A submission moved along; a signed copy (a photo) comes back once the contract is sent. */
  async function text(title: string, surname: string, receivedAt: string, actions: readonly Action[]) {
    const seeded = await seedSubmission(desk, { title, givenName: 'Zoé', surname, receivedAt });
    await moveAlong(desk, seeded.record.id, seeded.record.version, actions, async (action) => {
      if (action !== 'send_contract') return;
      const stored = await desk.context.intake.files.put(PHOTO);
      await desk.context.contractDocuments.add({
        submissionId: seeded.record.id,
        kind: 'signed',
        fileSha256: stored.sha256,
        fileName: 'IMG_0042.JPG',
        byteSize: stored.byteSize,
        mediaType: 'application/octet-stream',
        addedBy: { kind: 'author', id: null },
      });
    });
    return seeded;
  }

  it('says so when no text is placed yet', async () => {
    const response = await coordinator.visitor.get('/bureau/sommaire.zip');
    assert.equal(response.status, 409);
    assert.match(await response.text(), /Aucun texte n’est encore placé au sommaire/);
  });

  it('gives the placed texts in the issue’s order with their signed contracts, and nothing else', async () => {
    const first = await text('Le guichet et l’écran', 'Moreau', '2022-08-10T10:00:00Z', TO_ISSUE);
    const second = await text('Accompagner / à distance', 'Vidal', '2022-08-15T10:00:00Z', TO_ISSUE);
    await text('Pas encore au sommaire', 'Attente', '2022-08-16T10:00:00Z', ['send_to_review', 'accept']);
    const { html } = await coordinator.visitor.page('/bureau/sommaire');
    assert.match(html, /href="\/bureau\/sommaire\.zip"/);
    assert.doesNotMatch((await committee.visitor.page('/bureau/sommaire')).html, /sommaire\.zip/);
    assert.equal((await committee.visitor.get('/bureau/sommaire.zip')).status, 403);

    const response = await coordinator.visitor.get('/bureau/sommaire.zip');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/zip');
    assert.match(response.headers.get('content-disposition') ?? '', /^attachment; filename="numero-81\.zip"/);
    const entries = await unzipBytes(Buffer.from(await response.arrayBuffer()));
    assert.deepEqual(
      [...entries.keys()],
      [
        'LISEZMOI.txt',
        'sommaire.txt',
        'textes/01 - Zoé Moreau - Le guichet et l’écran.docx',
        'contrats/01 - Zoé Moreau - contrat signé 1.jpg',
        'textes/02 - Zoé Vidal - Accompagner _ à distance.docx',
        'contrats/02 - Zoé Vidal - contrat signé 1.jpg',
      ],
    );
    assert.deepEqual(entries.get('textes/01 - Zoé Moreau - Le guichet et l’écran.docx'), first.bytes);
    assert.deepEqual(entries.get('textes/02 - Zoé Vidal - Accompagner _ à distance.docx'), second.bytes);
    assert.deepEqual(entries.get('contrats/02 - Zoé Vidal - contrat signé 1.jpg'), PHOTO);
    const contents = entries.get('sommaire.txt')?.toString('utf8') ?? '';
    assert.match(
      contents,
      /^Sociographe n°\u00a081 — sommaire\n\n1\. Le guichet et l’écran\n {3}Zoé Moreau\n/,
    );
    assert.doesNotMatch(contents, /Pas encore au sommaire/);
    assert.match(entries.get('LISEZMOI.txt')?.toString('utf8') ?? '', /ne sont pas dans ce dossier/);
  });
});
