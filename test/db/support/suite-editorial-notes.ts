import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KyselyAccountStore } from '../../../src/adapters/db/repositories/accounts.js';
import { KyselyEditorialNoteStore } from '../../../src/adapters/db/repositories/editorial-notes.js';
import { writeEditorialNote } from '../../../src/app/desk-write-note.js';
import type { CallRecord } from '../../../src/ports/call-store.js';
import { randomIds } from '../../../src/ports/id-generator.js';
import type { MakeDatabase, TestDatabase } from './databases.js';
import { newSubmission, storesFor, T0 } from './fixtures.js';

/** The desk's notes on a submission, on each dialect with the real migrations. */
export function editorialNotesSuite(makeDb: MakeDatabase): void {
  describe('editorial notes', () => {
    let t: TestDatabase;
    let s: Awaited<ReturnType<typeof storesFor>>;
    let notes: KyselyEditorialNoteStore;
    let call: CallRecord;
    const accounts: string[] = [];
    before(async () => {
      t = await makeDb();
      s = await storesFor(t.handle);
      notes = new KyselyEditorialNoteStore(t.handle.db, s.clock, randomIds);
      call = await s.calls.saveCall('notes-redaction', { journal: 'Sociographe' });
      const store = new KyselyAccountStore(t.handle.db, randomIds);
      for (const [email, displayName] of [
        ['claire@exemple.fr', 'Claire Petit'],
        ['marc@exemple.fr', 'Marc Comité'],
      ] as const) {
        const account = await store.createAccount({
          email,
          displayName,
          role: 'coordinator',
          totpSecret: 'JBSWY3DPEHPK3PXP',
          at: new Date(T0),
        });
        assert.ok(account);
        accounts.push(account.id);
      }
    });
    after(() => t.drop());

    const submission = async () => (await s.submissions.recordSubmission(newSubmission(call.id))).id;

    it('keep notes as written, list them per submission oldest first, and find one by id', async () => {
      const [claire, marc] = accounts as [string, string];
      const id = await submission();
      const other = await submission();
      const first = await notes.add({ submissionId: id, accountId: claire, body: 'Bon texte,\nà relire.' });
      s.clock.advance(60_000);
      const second = await notes.add({ submissionId: id, accountId: marc, body: 'D’accord.' });
      await notes.add({ submissionId: other, accountId: marc, body: 'Autre texte.' });
      assert.deepEqual(first, {
        id: first.id,
        submissionId: id,
        accountId: claire,
        body: 'Bon texte,\nà relire.',
        writtenAt: T0,
        removedAt: null,
      });
      assert.deepEqual(
        (await notes.listForSubmission(id)).map((n) => n.body),
        ['Bon texte,\nà relire.', 'D’accord.'],
      );
      assert.deepEqual(await notes.findById(second.id), second);
      assert.equal(await notes.findById('inconnue'), null);
    });

    it('take a note back for its writer only, once: the row stays, the words go', async () => {
      const [claire, marc] = accounts as [string, string];
      const id = await submission();
      const note = await notes.add({ submissionId: id, accountId: claire, body: 'Une idée fausse.' });
      assert.equal(await notes.remove(note.id, marc), false, 'not the writer');
      assert.equal((await notes.findById(note.id))?.body, 'Une idée fausse.');
      s.clock.advance(1000);
      assert.equal(await notes.remove(note.id, claire), true);
      const removed = await notes.findById(note.id);
      assert.equal(removed?.body, '');
      assert.ok(removed?.removedAt && removed.removedAt > note.writtenAt);
      assert.equal(await notes.remove(note.id, claire), false, 'already taken back');
      assert.equal((await notes.listForSubmission(id)).length, 1);
    });

    it('count the standing notes of each submission of one call, for the dashboard', async () => {
      const [claire, marc] = accounts as [string, string];
      const elsewhere = await s.calls.saveCall('autre-appel-notes', { journal: 'Sociographe' });
      const counted = new KyselyEditorialNoteStore(t.handle.db, s.clock, randomIds);
      const before = await counted.countsForCall(elsewhere.id);
      assert.deepEqual(before, new Map());
      const a = (await s.submissions.recordSubmission(newSubmission(elsewhere.id))).id;
      const b = (await s.submissions.recordSubmission(newSubmission(elsewhere.id))).id;
      await s.submissions.recordSubmission(newSubmission(elsewhere.id));
      await notes.add({ submissionId: a, accountId: claire, body: 'Un.' });
      await notes.add({ submissionId: a, accountId: marc, body: 'Deux.' });
      const gone = await notes.add({ submissionId: b, accountId: marc, body: 'Retirée.' });
      await notes.remove(gone.id, marc);
      assert.deepEqual(await counted.countsForCall(elsewhere.id), new Map([[a, 2]]));
    });

    it('refuse, in the database itself, an empty standing note or words left on a removed one', async () => {
      const [claire] = accounts as [string];
      const id = await submission();
      const row = { submission_id: id, account_id: claire, written_at: T0 };
      await assert.rejects(
        t.handle.db
          .insertInto('editorial_notes')
          .values({ ...row, id: 'vide', body: '', removed_at: null })
          .execute(),
        /editorial_notes_body_until_removed/,
      );
      await assert.rejects(
        t.handle.db
          .insertInto('editorial_notes')
          .values({ ...row, id: 'restes', body: 'encore là', removed_at: T0 })
          .execute(),
        /editorial_notes_body_until_removed/,
      );
      await assert.rejects(notes.add({ submissionId: 'inconnue', accountId: claire, body: 'Perdue.' }));
    });

    it('write a note and its line in the history in one transaction, and only on the call’s own submission', async () => {
      const [claire] = accounts as [string];
      const id = await submission();
      const written = await writeEditorialNote(
        {
          submissionId: id,
          callId: call.id,
          accountId: claire,
          actor: 'coordinator',
          text: '  À revoir.\r\n',
        },
        { uow: s.unitOfWork },
      );
      assert.ok(written.ok);
      assert.equal(written.note.body, 'À revoir.');
      const events = await s.submissions.listEvents(id);
      const event = events.find((e) => e.action === 'note.written');
      assert.deepEqual(event?.detail, { note: written.note.id }, 'the history names the note, not its words');
      const elsewhere = await writeEditorialNote(
        { submissionId: id, callId: 'autre-appel', accountId: claire, actor: 'coordinator', text: 'Non.' },
        { uow: s.unitOfWork },
      );
      assert.deepEqual(elsewhere, { ok: false, reason: 'not-found' });
      assert.equal((await notes.listForSubmission(id)).length, 1);
    });
  });
}
