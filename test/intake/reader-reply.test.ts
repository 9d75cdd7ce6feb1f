import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { KyselyAccountStore } from '../../src/adapters/db/repositories/accounts.js';
import { hashToken } from '../../src/app/accounts/secrets.js';
import { askForReview } from '../../src/app/desk-ask-review.js';
import { remindReviewer } from '../../src/app/desk-remind-reviewer.js';
import { attachReviewFile } from '../../src/app/reviewer-attach-file.js';
import { giveOpinion } from '../../src/app/reviewer-give-opinion.js';
import { SOCIOGRAPHE_81 } from '../../src/domain/call/sociographe-81.js';
import { submissionReference } from '../../src/domain/submission/reference.js';
import { randomIds } from '../../src/ports/id-generator.js';
import { docxEntries, p } from '../helpers/docx-fixtures.js';
import { makeZip } from '../helpers/zip-fixtures.js';
import { docxAttachment, mailFrom, manuscriptDocx, PEOPLE } from './support/fixtures.js';
import { type DialectName, forEachDialect, openWorld, plain, type World } from './support/world.js';

/**
 * A reader who answers the review request by e-mail — « Re: » with the annotated text attached —
 * on real storage: never a new submission, never an author's receipt. The files go to the review
 * as from the reader's page (with the copy without their name), the reader is told what was kept
 * and that the opinion is given through the link. Only the reader's own address, replying to a
 * letter appel really sent, is taken for the reader.
 */

const READER = 'rita.vasseur@exemple.fr';
const TITLE = 'Proposition : le numérique au foyer';

/** A reader's annotated copy: a comment signed with their name. */
function annotated(): Promise<Buffer> {
  return makeZip(
    docxEntries({
      body: p('Le texte de [Auteur].'),
      comments: `<w:comment w:id="0" w:author="Rita Vasseur" w:initials="RV">${p('À préciser.')}</w:comment>`,
    }),
  );
}

/** A submission in review, a reader asked, the request sent: the request letter. */
async function requestSent(w: World) {
  const first = await mailFrom({
    from: PEOPLE.louis,
    messageId: '<louis.first@exemple.fr>',
    subject: TITLE,
    attachments: [docxAttachment('garnier.docx', await manuscriptDocx(901))],
  });
  await w.importPaths(await w.put('first.eml', first));
  const [summary] = await w.deps.uow.run((s) => s.submissions.listByCall(w.callId));
  assert.ok(summary);
  await w.deps.uow.run((s) =>
    s.submissions.changeStatus({
      submissionId: summary.id,
      expectedVersion: summary.version,
      to: 'in_review',
      event: { actor: { kind: 'coordinator', id: 'acc-1' }, channel: 'web', action: 'test.setup' },
    }),
  );
  const account = await new KyselyAccountStore(w.handle.db, randomIds).createAccount({
    email: 'coordination@exemple.fr',
    displayName: 'Coordination',
    role: 'coordinator',
    totpSecret: 'JBSWY3DPEHPK3PXP',
    at: new Date('2022-08-01T00:00:00Z'),
  });
  assert.ok(account);
  const asked = await askForReview(
    {
      submissionId: summary.id,
      accountId: account.id,
      askedByName: 'Coordination',
      readerName: 'Rita Vasseur',
      readerEmail: READER,
      dueOn: '',
      note: '',
      today: '2022-08-21',
    },
    { uow: w.deps.uow, call: SOCIOGRAPHE_81, publicBase: 'https://appel.example' },
  );
  assert.ok(asked.ok);
  await w.drain();
  const request = (await w.letters()).find((l) => l.to === READER);
  assert.ok(request, 'the request letter went out');
  const remind = async () => {
    const reminded = await remindReviewer(
      {
        submissionId: summary.id,
        reviewId: asked.review.id,
        accountId: account.id,
        askedByName: 'Coordination',
      },
      { uow: w.deps.uow, call: SOCIOGRAPHE_81, publicBase: 'https://appel.example' },
    );
    assert.ok(reminded.ok);
    await w.drain();
    return (await w.letters()).filter((l) => l.to === READER).at(-1);
  };
  return { id: summary.id, request, remind };
}

/** The reference of the world's one submission, as letters quote it. */
async function reference(w: World): Promise<string> {
  const [summary] = await w.deps.uow.run((s) => s.submissions.listByCall(w.callId));
  return submissionReference(summary?.id ?? '');
}

async function reply(w: World, name: string, from: string, inReplyTo: string, files: Buffer[]) {
  const mail = await mailFrom({
    from: { ...PEOPLE.louis, given: 'Rita', surname: 'Vasseur', address: from },
    messageId: `<${name}@exemple.fr>`,
    inReplyTo,
    references: [inReplyTo],
    subject: `Re: Relecture de la proposition`,
    text: 'Bonjour,\nVoici mes annotations. Le texte me semble publiable après quelques reprises.\nRita',
    attachments: files.map((f, i) => docxAttachment(`annotations-${i + 1}.docx`, f)),
  });
  return w.importPaths(await w.put(`${name}.eml`, mail));
}

function suite(dialect: DialectName) {
  describe(`a reader’s reply by e-mail (${dialect})`, () => {
    let w: World;
    beforeEach(async () => {
      w = await openWorld(dialect);
    });
    afterEach(() => w.close());

    it('adds the annotated text to the review, makes no submission, and tells the reader', async () => {
      const { id, request } = await requestSent(w);
      const summary = await reply(w, 'rita-1', READER, request.messageId, [await annotated()]);
      assert.equal(summary.readerReplies, 1);
      assert.equal(summary.submissions, 0);
      assert.equal(await w.count('submissions'), 1, 'no submission made of the reply');
      const files = await w.deps.uow.run((s) => s.reviewFiles.listForSubmission(id));
      assert.equal(files.length, 1);
      assert.equal(files[0]?.fileName, 'annotations-1.docx');
      assert.ok(files[0]?.anonymised, 'the copy without the reader’s name is made');

      const ledger = await w.handle.db.selectFrom('messages').selectAll().orderBy('id').execute();
      assert.deepEqual(
        ledger.map((m) => [m.outcome, m.submission_id]),
        [
          ['submission', id],
          ['reader-reply', id],
        ],
      );
      const events = await w.deps.uow.run((s) => s.submissions.listEvents(id));
      assert.deepEqual(
        events.filter((e) => e.actor.kind === 'reviewer').map((e) => [e.action, e.channel]),
        [
          ['review.file_added', 'email'],
          ['review.email_received', 'email'],
        ],
      );

      await w.drain();
      const letters = (await w.letters()).filter((l) => l.to === READER);
      const told = letters.find((l) => l.inReplyTo === '<rita-1@exemple.fr>');
      assert.ok(told, 'the reader gets an answer in their thread');
      assert.match(told.text, /votre texte annoté est bien reçu/);
      assert.match(told.text, /annotations-1\.docx/);
      assert.match(told.text, /Votre avis, lui, se donne par le lien/);
      assert.doesNotMatch(told.text, /proposition est bien reçue|accusé de réception/i);
    });

    it('tells the coordinator of an annotated text sent well after the opinion, by e-mail or from the link', async () => {
      const { request } = await requestSent(w);
      const token = /\/relecture\/([A-Za-z0-9_-]+)/.exec(request.text)?.[1];
      assert.ok(token);
      const answer = {
        uow: w.deps.uow,
        call: SOCIOGRAPHE_81,
        accounts: new KyselyAccountStore(w.handle.db, randomIds),
        publicBase: 'https://appel.example',
      };
      const given = await giveOpinion(
        hashToken(token),
        { recommendation: 'revisions', forAuthors: 'À reprendre.', forCommittee: '' },
        answer,
      );
      assert.ok(given.ok);
      const toCoordinator = async () => {
        await w.drain();
        return (await w.letters())
          .filter((l) => l.to === 'coordination@exemple.fr')
          .map((l) => plain(l.subject));
      };
      assert.deepEqual(await toCoordinator(), [
        `Avis de relecture reçu : proposition ${await reference(w)} (Sociographe n° 81)`,
      ]);
      w.clock.advance(10 * 60 * 1000);
      await reply(w, 'rita-aussitot', READER, request.messageId, [await annotated()]);
      assert.equal((await toCoordinator()).length, 1, 'within the hour: part of the same answer');
      w.clock.advance(2 * 60 * 60 * 1000);
      await reply(w, 'rita-plus-tard', READER, request.messageId, [await annotated(), await annotated()]);
      const late = await toCoordinator();
      assert.equal(late.length, 2, 'one letter for the message, however many files');
      assert.match(late[1] ?? '', /^Texte annoté reçu : proposition /);
      const sent = await attachReviewFile(
        hashToken(token),
        { name: 'encore.docx', bytes: await annotated() },
        { ...w.deps, tell: { ...answer, clock: w.clock } },
      );
      assert.ok(sent.ok);
      assert.equal((await toCoordinator()).length, 3, 'and one for a file sent from the link');
      const text = (await w.letters()).filter((l) => l.to === 'coordination@exemple.fr').at(-1)?.text ?? '';
      assert.match(
        plain(text),
        /Rita Vasseur, qui avait déjà donné son avis sur la proposition .*, vient d’envoyer un texte annoté/,
      );
    });

    it('answers a reply without a file as the reader’s, never « no manuscript found »', async () => {
      const { id, request } = await requestSent(w);
      const summary = await reply(w, 'rita-mot', READER, request.messageId, []);
      assert.deepEqual([summary.readerReplies, summary.ignored, summary.submissions], [1, 0, 0]);
      await w.drain();
      const told = (await w.letters()).find((l) => l.inReplyTo === '<rita-mot@exemple.fr>');
      assert.ok(told);
      assert.match(told.text, /il est arrivé dans la boîte de la revue/);
      assert.match(told.text, /Ce que vous écrivez dans un courriel n’est pas compté comme un avis/);
      const events = await w.deps.uow.run((s) => s.submissions.listEvents(id));
      assert.ok(events.some((e) => e.action === 'review.email_received'));
    });

    it('knows a reply to a reminder, even after a later reminder replaced its link', async () => {
      const { id, remind } = await requestSent(w);
      const first = await remind();
      const second = await remind();
      assert.ok(first && second && first.messageId !== second.messageId);
      const summary = await reply(w, 'rita-rappel', READER, first.messageId, [await annotated()]);
      assert.deepEqual([summary.readerReplies, summary.submissions], [1, 0]);
      assert.equal((await w.deps.uow.run((s) => s.reviewFiles.listForSubmission(id))).length, 1);
    });

    it('keeps nothing once the review is closed, and says so', async () => {
      const { id, request } = await requestSent(w);
      const record = await w.deps.uow.run((s) => s.submissions.findById(id));
      assert.ok(record);
      await w.deps.uow.run((s) =>
        s.submissions.changeStatus({
          submissionId: id,
          expectedVersion: record.version,
          to: 'accepted',
          event: { actor: { kind: 'coordinator', id: 'acc-1' }, channel: 'web', action: 'test.setup' },
        }),
      );
      const summary = await reply(w, 'rita-late', READER, request.messageId, [await annotated()]);
      assert.equal(summary.readerReplies, 1);
      assert.equal((await w.deps.uow.run((s) => s.reviewFiles.listForSubmission(id))).length, 0);
      await w.drain();
      const told = (await w.letters()).find((l) => l.inReplyTo === '<rita-late@exemple.fr>');
      assert.ok(told);
      assert.match(told.text, /La relecture de la proposition .* est close/);
    });

    it('is not fooled by another sender, nor by a Message-ID appel did not give', async () => {
      const { id, request } = await requestSent(w);
      const other = await reply(w, 'autre', 'quelqu.un@exemple.fr', request.messageId, [
        await manuscriptDocx(902),
      ]);
      assert.equal(other.readerReplies, 0, 'someone else replying is not the reader');
      const forged = request.messageId.replace(/\.([0-9a-f]{16})@/, '.0000000000000000@');
      const fake = await reply(w, 'faux', READER, forged, [await manuscriptDocx(903)]);
      assert.equal(fake.readerReplies, 0, 'a made-up Message-ID names no letter');
      assert.equal((await w.deps.uow.run((s) => s.reviewFiles.listForSubmission(id))).length, 0);
    });
  });
}

await forEachDialect(suite);
