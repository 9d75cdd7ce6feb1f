import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { emlFileName } from '../../src/adapters/mail-out/folder-mailer.js';
import type { ImportSummary } from '../../src/app/import-summary.js';
import { main } from '../../src/main/cli.js';
import { composeEml } from '../helpers/mail-fixtures.js';
import {
  docxAttachment,
  fullName,
  international,
  JOURNAL,
  mailFrom,
  manuscriptDocx,
  ON_TIME,
  PEOPLE,
  pdfFile,
  signature,
  withLf,
} from './support/fixtures.js';
import {
  type DialectName,
  forEachDialect,
  openWorld,
  sha256,
  storedPaths,
  type World,
} from './support/world.js';

/**
 * The e-mail intake end to end, on real storage: messages read by the real sources (mbox, .eml),
 * imported by the use case into SQLite and PostgreSQL, files in the content-addressed store,
 * letters queued in the outbox and written as .eml files by the worker. Each test gets a fresh
 * database and data folder; the assertions read the tables and the files themselves.
 */

const summary = (s: Partial<ImportSummary>): ImportSummary => ({
  messages: 0,
  submissions: 0,
  versions: 0,
  duplicates: 0,
  ignored: 0,
  tooLarge: 0,
  readerReplies: 0,
  errors: 0,
  ...s,
});

async function submissions(w: World) {
  return w.handle.db.selectFrom('submissions').selectAll().orderBy('received_at').execute();
}
async function authorsOf(w: World, submissionId: string) {
  return w.handle.db
    .selectFrom('authors')
    .selectAll()
    .where('submission_id', '=', submissionId)
    .orderBy('position')
    .execute();
}
async function versionsOf(w: World, submissionId: string) {
  return w.handle.db
    .selectFrom('manuscript_versions')
    .selectAll()
    .where('submission_id', '=', submissionId)
    .orderBy('number')
    .execute();
}
async function ledger(w: World) {
  return w.handle.db.selectFrom('messages').selectAll().orderBy('id').execute();
}
async function outboxRows(w: World) {
  return w.handle.db.selectFrom('outbox').selectAll().orderBy('id').execute();
}
async function eventDetails(w: World, submissionId: string) {
  const rows = await w.handle.db
    .selectFrom('events')
    .select(['action', 'detail'])
    .where('submission_id', '=', submissionId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ action: r.action, detail: JSON.parse(r.detail ?? 'null') }));
}
async function findingCodes(w: World, submissionId: string) {
  const rows = await w.handle.db
    .selectFrom('findings')
    .select(['code', 'data'])
    .where('submission_id', '=', submissionId)
    .execute();
  return rows;
}

/** The file a version points to is in the store, under its hash, with exactly those bytes. */
async function assertStored(w: World, sha: string, bytes?: Buffer) {
  const stored = await w.files.read(sha);
  assert.equal(sha256(stored), sha);
  if (bytes) assert.deepEqual(stored, bytes);
}

function only<T>(rows: readonly T[]): T {
  assert.equal(rows.length, 1, `exactly one row expected, got ${rows.length}`);
  return rows[0] as T;
}

function intakeSuite(dialect: DialectName) {
  describe(`e-mail intake on ${dialect}`, () => {
    let w: World;
    beforeEach(async () => {
      w = await openWorld(dialect);
    });
    afterEach(async () => {
      await w.close();
    });

    it('a clean submission: complete, authors and contact from the signature, phone and address kept, a receipt with its verdict', async () => {
      const docx = await manuscriptDocx(1);
      const raw = await mailFrom({
        from: PEOPLE.claire,
        messageId: '<claire.1@exemple.fr>',
        subject: 'Proposition d’article : l’écran entre nous',
        text:
          'Bonjour,\n\nNous vous proposons un article co-écrit avec Paul Mercier. ' +
          'Je serai la personne à contacter.\n\nBien cordialement,\n\n' +
          signature(PEOPLE.claire),
        attachments: [docxAttachment('Fontaine - Sociographe 81.docx', docx)],
      });
      const path = await w.mbox('clean.mbox', [raw]);

      assert.deepEqual(await w.importPaths(path), summary({ messages: 1, submissions: 1 }));
      assert.deepEqual(w.errors, []);

      const sub = only(await submissions(w));
      assert.equal(sub.status, 'complete');
      assert.equal(sub.late, 0);
      assert.equal(sub.channel, 'email');
      assert.equal(sub.title, 'Proposition d’article : l’écran entre nous');
      assert.equal(sub.received_at, ON_TIME.toISOString());

      const authors = await authorsOf(w, sub.id);
      assert.deepEqual(
        authors.map((a) => [a.given_name, a.surname, a.is_contact]),
        [
          ['Claire', 'Fontaine', 1],
          ['Paul', 'Mercier', 0],
        ],
      );
      const claire = authors[0];
      assert.equal(sub.contact_author_id, claire?.id);
      assert.equal(claire?.email, PEOPLE.claire.address);
      assert.equal(claire?.phone, international(PEOPLE.claire.phone));
      assert.equal(claire?.postal_address, `${PEOPLE.claire.street}\n${PEOPLE.claire.city}`);
      assert.equal(authors[1]?.phone, null);

      const version = only(await versionsOf(w, sub.id));
      assert.equal(version.number, 1);
      assert.equal(version.format, 'docx');
      assert.equal(version.file_name, 'Fontaine - Sociographe 81.docx');
      assert.equal(version.file_sha256, sha256(docx));
      assert.ok(
        version.signes_total !== null && version.signes_total > 5000 && version.signes_total < 30_000,
      );
      await assertStored(w, version.file_sha256, docx);
      const received = (await eventDetails(w, sub.id))[0];
      assert.equal(received?.action, 'submission.received');
      const { verdict, status, late } = received?.detail ?? {};
      assert.deepEqual({ verdict, status, late }, { verdict: 'pass', status: 'complete', late: false });

      // The ledger knows the message; its raw bytes were kept before anything else.
      const entry = only(await ledger(w));
      assert.equal(entry.outcome, 'submission');
      assert.equal(entry.submission_id, sub.id);
      assert.equal(entry.replied, 1);
      assert.equal(entry.source_kind, 'mbox');
      assert.equal(entry.source_location, `${path}#1`);
      // Kept as written, angle brackets included: In-Reply-To and References are matched on that form.
      assert.equal(entry.message_id, '<claire.1@exemple.fr>');
      await assertStored(w, entry.sha256, withLf(raw));

      const job = only(await outboxRows(w));
      assert.equal(job.dedupe_key, `receipt:${w.callId}:mail:${entry.sha256}`);
      const sent = await w.drain();
      assert.equal(sent.sent, 1);
      assert.equal((await outboxRows(w))[0]?.status, 'sent');

      const letter = only(await w.letters());
      assert.equal(letter.to, PEOPLE.claire.address);
      assert.equal(letter.autoSubmitted, 'auto-replied');
      assert.equal(letter.appelReceipt, '1');
      assert.equal(letter.inReplyTo, '<claire.1@exemple.fr>');
      assert.match(letter.references ?? '', /<claire\.1@exemple\.fr>/);
      assert.equal(letter.file, emlFileName(letter.messageId));
      assert.match(letter.subject, /^Accusé de réception : votre proposition pour Sociographe n° 81$/);
      assert.match(letter.text, /^Bonjour Claire Fontaine,/);
      assert.match(letter.text, /Tout est en ordre : vous n’avez rien à faire pour le moment\./);
      assert.match(letter.text, /Fichier : Fontaine - Sociographe 81\.docx/);
      assert.match(letter.text, /Résultat : conforme aux règles de l’appel\./);
      // Personal details are recorded, not repeated back in a letter.
      assert.doesNotMatch(letter.text, /65 71 20 36/);
    });

    it('the same raw message twice: one submission, one receipt, the second counted as a duplicate', async () => {
      const raw = await mailFrom({
        from: PEOPLE.louis,
        messageId: '<louis.1@exemple.fr>',
        attachments: [docxAttachment('garnier.docx', await manuscriptDocx(2))],
      });
      const path = await w.mbox('twice.mbox', [raw, raw]);
      assert.deepEqual(await w.importPaths(path), summary({ messages: 2, submissions: 1, duplicates: 1 }));
      assert.equal(await w.count('submissions'), 1);
      assert.equal(await w.count('messages'), 1);
      assert.equal(await w.count('outbox'), 1);

      // A re-run of the whole mailbox adds nothing.
      assert.deepEqual(await w.importPaths(path), summary({ messages: 2, duplicates: 2 }));
      assert.equal(await w.count('messages'), 1);
      assert.equal(await w.count('outbox'), 1);
      assert.equal((await w.drain()).sent, 1);
      assert.equal((await w.letters()).length, 1);
    });

    it('the same message by another path (.eml after mbox) is recognised by its SHA-256; other line ends, by its file', async () => {
      const raw = await mailFrom({
        from: PEOPLE.nadia,
        messageId: '<nadia.1@exemple.fr>',
        attachments: [docxAttachment('benali.docx', await manuscriptDocx(3))],
      });
      const mbox = await w.mbox('export.mbox', [raw]);
      // Saved from a mail program as it sits in the mbox: the very same bytes.
      const eml = await w.put('saved.eml', withLf(raw));
      assert.deepEqual(await w.importPaths(mbox), summary({ messages: 1, submissions: 1 }));
      assert.deepEqual(await w.importPaths(eml), summary({ messages: 1, duplicates: 1 }));
      // By hash: no second ledger entry at all.
      const entry = only(await ledger(w));
      assert.equal(entry.source_kind, 'mbox');

      // The same message with CRLF line ends (another export) has another hash: recognised by its
      // attachment (same sender, same file), recorded as such, and not answered.
      const crlf = await w.put('crlf.eml', raw);
      assert.deepEqual(await w.importPaths(crlf), summary({ messages: 1, duplicates: 1 }));
      const entries = await ledger(w);
      assert.deepEqual(
        entries.map((e) => [e.source_kind, e.outcome, e.replied]),
        [
          ['mbox', 'submission', 1],
          ['eml', 'duplicate-file', 0],
        ],
      );
      assert.equal(entries[1]?.submission_id, entries[0]?.submission_id);
      assert.equal(await w.count('submissions'), 1);
      assert.equal(await w.count('outbox'), 1);
    });

    it('an automatic reply is recorded and never answered', async () => {
      const raw = await mailFrom({
        from: PEOPLE.marc,
        messageId: '<auto.1@exemple.fr>',
        subject: 'Réponse automatique : absent du bureau',
        text: 'Je suis absent jusqu’au 29 août, sans accès à ma messagerie.\n',
        inReplyTo: '<rappel-81@journal.example>',
        headers: { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' },
      });
      const path = await w.put('auto.eml', raw);
      assert.deepEqual(await w.importPaths(path), summary({ messages: 1, ignored: 1 }));
      const entry = only(await ledger(w));
      assert.deepEqual([entry.outcome, entry.replied, entry.submission_id], ['automatic', 0, null]);
      assert.equal(entry.sha256, sha256(raw));
      await assertStored(w, entry.sha256, raw);
      assert.equal(await w.count('submissions'), 0);
      assert.equal(await w.count('outbox'), 0);
      assert.equal((await w.drain()).claimed, 0);
      assert.deepEqual(await w.letters(), []);
    });

    it('a message without a manuscript is kept and answered with what to send', async () => {
      const raw = await mailFrom({
        from: PEOPLE.odile,
        messageId: '<odile.question@exemple.fr>',
        subject: 'Question sur l’appel n° 81',
        text: `Bonjour,\n\nJe voudrais vous proposer un texte : sous quelle forme faut-il l’envoyer ?\n\n${signature(PEOPLE.odile)}`,
      });
      const path = await w.put('question.eml', raw);
      assert.deepEqual(await w.importPaths(path), summary({ messages: 1, ignored: 1 }));
      const entry = only(await ledger(w));
      assert.deepEqual([entry.outcome, entry.replied, entry.submission_id], ['no-manuscript', 1, null]);
      assert.equal(await w.count('submissions'), 0);
      assert.equal(only(await outboxRows(w)).dedupe_key, `no-manuscript:${entry.sha256}`);

      assert.equal((await w.drain()).sent, 1);
      const letter = only(await w.letters());
      assert.equal(letter.to, PEOPLE.odile.address);
      assert.equal(letter.autoSubmitted, 'auto-replied');
      assert.equal(letter.inReplyTo, '<odile.question@exemple.fr>');
      assert.match(letter.subject, /aucun manuscrit trouvé/);
      assert.match(letter.text, /Comment envoyer votre manuscrit/);
      assert.match(letter.text, /\.docx/);
      assert.match(letter.text, /votre numéro de téléphone et votre adresse postale/);
    });

    it('a reply in the thread with a new file is version 2 of the same submission, with its own letter', async () => {
      const first = await mailFrom({
        from: PEOPLE.louis,
        messageId: '<louis.v1@exemple.fr>',
        subject: 'Proposition : plaider devant un algorithme',
        attachments: [docxAttachment('garnier-v1.docx', await manuscriptDocx(10))],
      });
      assert.deepEqual(
        await w.importPaths(await w.put('v1.eml', first)),
        summary({ messages: 1, submissions: 1 }),
      );
      assert.equal((await w.drain()).sent, 1);

      // Two days later, the author answers the receipt.
      w.clock.advance(2 * 86_400_000);
      const v2 = await manuscriptDocx(11);
      const reply = await mailFrom({
        from: PEOPLE.louis,
        messageId: '<louis.v2@exemple.fr>',
        date: new Date('2022-08-22T10:00:00Z'),
        inReplyTo: '<appel.1.x@journal.example>',
        references: ['<louis.v1@exemple.fr>', '<appel.1.x@journal.example>'],
        subject: 'Re: Proposition : plaider devant un algorithme',
        text: `Bonjour,\n\nVoici une version revue de mon article.\n\n${signature(PEOPLE.louis)}`,
        attachments: [docxAttachment('garnier-v2.docx', v2)],
      });
      assert.deepEqual(
        await w.importPaths(await w.put('v2.eml', reply)),
        summary({ messages: 1, versions: 1 }),
      );

      const sub = only(await submissions(w));
      assert.equal(sub.title, 'Proposition : plaider devant un algorithme');
      const versions = await versionsOf(w, sub.id);
      assert.deepEqual(
        versions.map((v) => [v.number, v.file_name]),
        [
          [1, 'garnier-v1.docx'],
          [2, 'garnier-v2.docx'],
        ],
      );
      assert.equal(versions[1]?.file_sha256, sha256(v2));
      await assertStored(w, sha256(v2), v2);
      const entries = await ledger(w);
      assert.deepEqual(
        entries.map((e) => [e.outcome, e.submission_id, e.replied]),
        [
          ['submission', sub.id, 1],
          ['version', sub.id, 1],
        ],
      );
      assert.deepEqual(
        (await eventDetails(w, sub.id)).map((e) => e.action),
        ['submission.received', 'version.received'],
      );

      assert.equal((await w.drain()).sent, 1);
      const letters = await w.letters();
      assert.equal(letters.length, 2);
      const second = letters.find((l) => l.inReplyTo === '<louis.v2@exemple.fr>');
      assert.ok(second, 'a letter answers the reply');
      assert.match(second.subject, /^Nouvelle version reçue : votre proposition pour Sociographe n° 81/);
      assert.match(second.text, /garnier-v2\.docx/);
      assert.equal(second.autoSubmitted, 'auto-replied');
    });

    it('a reply in the thread without a file (the phone number asked for) stays with its submission, unanswered', async () => {
      const first = await mailFrom({
        from: PEOPLE.nadia,
        messageId: '<nadia.t1@exemple.fr>',
        subject: 'Proposition : former à la culture numérique',
        text: 'Bonjour,\n\nVoici ma proposition.\n\nNadia Benali\n',
        attachments: [docxAttachment('benali.docx', await manuscriptDocx(12))],
      });
      await w.importPaths(await w.put('t1.eml', first));
      const sub = only(await submissions(w));
      assert.equal(sub.status, 'incomplete');
      assert.equal((await w.drain()).sent, 1);
      // Three days later (no rate limit any more), the author answers the receipt.
      w.clock.advance(3 * 86_400_000);
      const answer = await mailFrom({
        from: PEOPLE.nadia,
        messageId: '<nadia.t2@exemple.fr>',
        date: new Date('2022-08-23T09:00:00Z'),
        inReplyTo: '<appel.1.x@journal.example>',
        references: ['<nadia.t1@exemple.fr>', '<appel.1.x@journal.example>'],
        subject: 'Re: Accusé de réception : votre proposition pour Sociographe n° 81 (à compléter)',
        text: `Bonjour,\n\nVoici mes coordonnées, comme demandé.\n\n${signature(PEOPLE.nadia)}`,
      });
      assert.deepEqual(
        await w.importPaths(await w.put('t2.eml', answer)),
        summary({ messages: 1, ignored: 1 }),
      );
      const entries = await ledger(w);
      assert.deepEqual(
        entries.map((e) => [e.outcome, e.submission_id, e.replied]),
        [
          ['submission', sub.id, 1],
          ['no-manuscript', sub.id, 0],
        ],
      );
      // No « no manuscript found » letter to someone whose manuscript we have.
      assert.equal(await w.count('outbox'), 1);
      assert.equal(await w.count('submissions'), 1);
    });

    it('a late message is judged on our server’s Received header, not on the sender’s Date', async () => {
      const raw = await mailFrom({
        from: PEOPLE.marc,
        messageId: '<marc.late@exemple.fr>',
        // Written before the deadline, received by our server the day after it.
        date: new Date('2022-08-31T20:00:00Z'),
        received: new Date('2022-09-02T07:14:05Z'),
        attachments: [docxAttachment('lefebvre.docx', await manuscriptDocx(4))],
      });
      assert.deepEqual(
        await w.importPaths(await w.put('late.eml', raw)),
        summary({ messages: 1, submissions: 1 }),
      );
      const sub = only(await submissions(w));
      assert.equal(sub.status, 'late');
      assert.equal(sub.late, 1);
      assert.equal(sub.received_at, '2022-09-02T07:14:05.000Z');
      const received = (await findingCodes(w, sub.id)).find((f) => f.code === 'intake.received_at');
      assert.deepEqual(JSON.parse(received?.data ?? '{}'), {
        source: 'received-header',
        at: '2022-09-02T07:14:05.000Z',
      });
      assert.equal((await w.drain()).sent, 1);
      const letter = only(await w.letters());
      assert.match(letter.text, /vendredi 2 septembre 2022 à 9 h 14/);
      assert.match(letter.text, /en-tête Received/);
    });

    it('a PDF is recorded with the unreadable verdict; incomplete; the receipt says what to send', async () => {
      const pdf = pdfFile();
      const raw = await mailFrom({
        from: PEOPLE.nadia,
        messageId: '<nadia.pdf@exemple.fr>',
        attachments: [{ filename: 'Benali_Sociographe81.pdf', content: pdf, contentType: 'application/pdf' }],
      });
      assert.deepEqual(
        await w.importPaths(await w.put('pdf.eml', raw)),
        summary({ messages: 1, submissions: 1 }),
      );
      const sub = only(await submissions(w));
      assert.equal(sub.status, 'incomplete');
      const version = only(await versionsOf(w, sub.id));
      assert.deepEqual(
        [version.format, version.signes_total, version.file_name],
        ['pdf', null, 'Benali_Sociographe81.pdf'],
      );
      await assertStored(w, version.file_sha256, pdf);
      assert.equal((await eventDetails(w, sub.id))[0]?.detail.verdict, 'unreadable');

      assert.equal((await w.drain()).sent, 1);
      const letter = only(await w.letters());
      assert.match(letter.subject, /\(à compléter\)$/);
      assert.match(letter.text, /Résultat : nous n’avons pas pu lire ce fichier/);
      assert.match(letter.text, /c’est un document PDF/);
      assert.match(
        letter.text,
        /merci de nous envoyer :\n- votre manuscrit, en pièce jointe, au format Word \(\.docx\)/,
      );
    });

    it('a hostile attachment name (../../etc/passwd.docx with right-to-left overrides) is stored and named safely', async () => {
      const docx = await manuscriptDocx(5);
      const hostile = '../../etc/pass\u202Ewd\u202C.docx';
      const raw = await mailFrom({
        from: PEOPLE.odile,
        messageId: '<odile.hostile@exemple.fr>',
        attachments: [docxAttachment(hostile, docx)],
      });
      // postal-mime reads the RFC 2231 name (filename*0*=utf-8''..%2F..%2Fetc%2F…) as sent.
      assert.match(raw.toString('latin1'), /filename\*0\*=utf-8''\.\.%2F\.\.%2Fetc%2Fpass%E2%80%AEwd/);
      assert.deepEqual(
        await w.importPaths(await w.put('hostile.eml', raw)),
        summary({ messages: 1, submissions: 1 }),
      );
      const sub = only(await submissions(w));
      const version = only(await versionsOf(w, sub.id));
      assert.equal(version.file_name, 'passwd.docx');
      assert.equal(version.format, 'docx');
      await assertStored(w, version.file_sha256, docx);
      // Nothing in the store but content-addressed names; nothing written where the name pointed.
      for (const path of await storedPaths(w)) assert.match(path, /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/);
      assert.equal(existsSync(join(w.dataDir, 'etc')), false);
      assert.equal(existsSync(join(w.dataDir, 'files', '..', '..', 'etc', 'passwd.docx')), false);

      assert.equal((await w.drain()).sent, 1);
      const letter = only(await w.letters());
      assert.match(letter.text, /Fichier : passwd\.docx/);
      assert.doesNotMatch(letter.text, /[\u202A-\u202E\u2066-\u2069]|\.\.\//);
      const onDisk = await readFile(join(w.outboxDir, letter.file), 'latin1');
      assert.doesNotMatch(onDisk, /etc%2F|\.\.\//);
    });

    it('the same day, every message that records a submission gets its receipt; letters that record nothing stop at three', async () => {
      const first = await mailFrom({
        from: PEOPLE.claire,
        messageId: '<claire.a@exemple.fr>',
        subject: 'Proposition : l’écran entre nous',
        attachments: [docxAttachment('fontaine.docx', await manuscriptDocx(20))],
      });
      // An hour later, a second proposal (another title: a submission of its own).
      const second = await mailFrom({
        from: PEOPLE.claire,
        messageId: '<claire.b@exemple.fr>',
        date: new Date(ON_TIME.getTime() + 3_600_000),
        subject: 'Une autre proposition : les plateformes de demande d’aide',
        attachments: [docxAttachment('fontaine-plateformes.docx', await manuscriptDocx(21))],
      });
      // Then questions, without a file: answered while the sender's day allows (three replies).
      const questions = await Promise.all(
        ['c', 'd', 'e'].map((k, i) =>
          mailFrom({
            from: PEOPLE.claire,
            messageId: `<claire.${k}@exemple.fr>`,
            date: new Date(ON_TIME.getTime() + (2 + i) * 3_600_000),
            subject: `Question ${i + 1} : avez-vous bien reçu mes articles ?`,
            text: `Bonjour,\n\nAvez-vous bien reçu mes articles ?\n\n${signature(PEOPLE.claire)}`,
          }),
        ),
      );
      const path = await w.mbox('same-day.mbox', [first, second, ...questions]);
      assert.deepEqual(await w.importPaths(path), summary({ messages: 5, submissions: 2, ignored: 3 }));
      assert.deepEqual(
        (await ledger(w)).map((e) => [e.outcome, e.replied]),
        [
          ['submission', 1],
          ['submission', 1],
          ['no-manuscript', 1],
          ['no-manuscript', 0],
          ['no-manuscript', 0],
        ],
      );
      assert.equal(await w.count('submissions'), 2);
      assert.equal((await w.drain()).sent, 3);
      assert.deepEqual((await w.letters()).map((l) => l.inReplyTo).sort(), [
        '<claire.a@exemple.fr>',
        '<claire.b@exemple.fr>',
        '<claire.c@exemple.fr>',
      ]);

      // A day later, a letter that records nothing may go again.
      w.clock.advance(25 * 3_600_000);
      const later = await mailFrom({
        from: PEOPLE.claire,
        messageId: '<claire.f@exemple.fr>',
        date: new Date(ON_TIME.getTime() + 86_400_000),
        subject: 'Une dernière question sur l’appel',
        text: `Bonjour,\n\nFaut-il une bibliographie ?\n\n${signature(PEOPLE.claire)}`,
      });
      assert.deepEqual(
        await w.importPaths(await w.put('next-day.eml', later)),
        summary({ messages: 1, ignored: 1 }),
      );
      assert.equal((await w.drain()).sent, 1);
      assert.ok((await w.letters()).some((l) => l.inReplyTo === '<claire.f@exemple.fr>'));
    });

    it('no file, then the file an hour later: the « no manuscript » letter, then the receipt', async () => {
      const forgot = await mailFrom({
        from: PEOPLE.odile,
        messageId: '<odile.forgot@exemple.fr>',
        subject: 'Proposition : la médiation numérique',
        text: `Bonjour,\n\nVoici ma proposition.\n\n${signature(PEOPLE.odile)}`,
      });
      const resent = await mailFrom({
        from: PEOPLE.odile,
        messageId: '<odile.resent@exemple.fr>',
        date: new Date(ON_TIME.getTime() + 3_600_000),
        subject: 'Proposition : la médiation numérique (avec le fichier)',
        attachments: [docxAttachment('moreau.docx', await manuscriptDocx(23))],
      });
      const path = await w.mbox('resend.mbox', [forgot, resent]);
      assert.deepEqual(await w.importPaths(path), summary({ messages: 2, submissions: 1, ignored: 1 }));
      assert.deepEqual(
        (await ledger(w)).map((e) => [e.outcome, e.replied]),
        [
          ['no-manuscript', 1],
          ['submission', 1],
        ],
      );
      assert.equal((await w.drain()).sent, 2);
      const receipt = (await w.letters()).find((l) => l.inReplyTo === '<odile.resent@exemple.fr>');
      assert.ok(receipt, 'the manuscript recorded has its receipt');
      assert.match(receipt.subject, /^Accusé de réception/);
      assert.match(receipt.text, /moreau\.docx/);
    });

    it('a lighter file sent the same day in the thread is version 2, with its receipt', async () => {
      const first = await mailFrom({
        from: PEOPLE.marc,
        messageId: '<marc.heavy@exemple.fr>',
        subject: 'Proposition : le guichet sans visage',
        attachments: [docxAttachment('lefebvre.docx', await manuscriptDocx(24, 12_000))],
      });
      const lighter = await mailFrom({
        from: PEOPLE.marc,
        messageId: '<marc.light@exemple.fr>',
        date: new Date(ON_TIME.getTime() + 1_800_000),
        inReplyTo: '<marc.heavy@exemple.fr>',
        references: ['<marc.heavy@exemple.fr>'],
        subject: 'Re: Proposition : le guichet sans visage',
        attachments: [docxAttachment('lefebvre-allege.docx', await manuscriptDocx(25))],
      });
      const path = await w.mbox('lighter.mbox', [first, lighter]);
      assert.deepEqual(await w.importPaths(path), summary({ messages: 2, submissions: 1, versions: 1 }));
      assert.deepEqual(
        (await ledger(w)).map((e) => [e.outcome, e.replied]),
        [
          ['submission', 1],
          ['version', 1],
        ],
      );
      assert.equal((await w.drain()).sent, 2);
      const second = (await w.letters()).find((l) => l.inReplyTo === '<marc.light@exemple.fr>');
      assert.ok(second);
      assert.match(second.subject, /^Nouvelle version reçue/);
    });

    it('an automatic message with a Word file is still never answered', async () => {
      const raw = await mailFrom({
        from: PEOPLE.louis,
        messageId: '<louis.auto@exemple.fr>',
        subject: 'Réponse automatique : absent',
        headers: { 'Auto-Submitted': 'auto-replied' },
        attachments: [docxAttachment('garnier.docx', await manuscriptDocx(26))],
      });
      assert.deepEqual(
        await w.importPaths(await w.put('auto-docx.eml', raw)),
        summary({ messages: 1, ignored: 1 }),
      );
      assert.deepEqual(
        (await ledger(w)).map((e) => [e.outcome, e.replied]),
        [['automatic', 0]],
      );
      assert.equal(await w.count('outbox'), 0);
    });

    it('a whole mailbox at once: every case above in one mbox, one summary', async () => {
      const clean = await mailFrom({
        from: PEOPLE.claire,
        messageId: '<all.1@exemple.fr>',
        attachments: [docxAttachment('a.docx', await manuscriptDocx(30))],
      });
      const auto = await composeEml({
        from: `${fullName(PEOPLE.marc)} <${PEOPLE.marc.address}>`,
        to: JOURNAL,
        date: ON_TIME,
        messageId: '<all.auto@exemple.fr>',
        subject: 'Absence',
        text: 'Absent.',
        headers: { 'Auto-Submitted': 'auto-replied' },
      });
      const question = await mailFrom({
        from: PEOPLE.odile,
        messageId: '<all.q@exemple.fr>',
        text: 'Une question.',
      });
      const reply = await mailFrom({
        from: PEOPLE.claire,
        messageId: '<all.2@exemple.fr>',
        inReplyTo: '<all.1@exemple.fr>',
        references: ['<all.1@exemple.fr>'],
        subject: 'Re: Proposition',
        attachments: [docxAttachment('a-v2.docx', await manuscriptDocx(31))],
      });
      const late = await mailFrom({
        from: PEOPLE.marc,
        messageId: '<all.late@exemple.fr>',
        received: new Date('2022-09-03T10:00:00Z'),
        attachments: [docxAttachment('late.docx', await manuscriptDocx(32))],
      });
      const pdf = await mailFrom({
        from: PEOPLE.nadia,
        messageId: '<all.pdf@exemple.fr>',
        date: new Date(ON_TIME.getTime() + 60_000),
        attachments: [{ filename: 'b.pdf', content: pdfFile(), contentType: 'application/pdf' }],
      });
      const path = await w.mbox('all.mbox', [clean, auto, question, clean, reply, late, pdf]);
      assert.deepEqual(
        await w.importPaths(path),
        summary({ messages: 7, submissions: 3, versions: 1, duplicates: 1, ignored: 2 }),
      );
      assert.deepEqual(
        (await submissions(w)).map((s) => s.status),
        ['complete', 'incomplete', 'late'],
      );
      // Receipts for the three submissions and the new version, and the question's letter.
      assert.equal((await w.drain()).sent, 5);
      assert.deepEqual(
        (await w.letters()).map((l) => l.to).sort(),
        [
          PEOPLE.claire.address,
          PEOPLE.claire.address,
          PEOPLE.marc.address,
          PEOPLE.nadia.address,
          PEOPLE.odile.address,
        ].sort(),
      );
    });
  });
}

await forEachDialect(intakeSuite);

describe('appel mail import (command line)', () => {
  it('names what it could not read, counts it, and imports the rest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'appel-intake-cli-'));
    const saved = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    try {
      const eml = join(dir, 'one.eml');
      await writeFile(
        eml,
        await mailFrom({
          from: PEOPLE.louis,
          messageId: '<cli.1@exemple.fr>',
          attachments: [docxAttachment('garnier.docx', await manuscriptDocx(50))],
        }),
      );
      const missing = join(dir, 'absent.mbox');
      const out: string[] = [];
      const err: string[] = [];
      let exitCode = 0;
      const code = await main(['mail', 'import', missing, eml, '--data', join(dir, 'data'), '--json'], {
        out: (t) => out.push(t),
        err: (t) => err.push(t),
        setExitCode: (c) => {
          exitCode = c;
        },
      });
      assert.equal(Math.max(code, exitCode), 1);
      assert.deepEqual(JSON.parse(out.join('')), summary({ messages: 2, submissions: 1, errors: 1 }));
      assert.deepEqual(err, [`${missing}: MAILBOX_UNREADABLE`]);
    } finally {
      if (saved !== undefined) process.env.DATABASE_URL = saved;
      await rm(dir, { recursive: true, force: true });
    }
  });
});
