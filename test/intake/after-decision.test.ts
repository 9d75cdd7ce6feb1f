import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { readPaths } from '../../src/adapters/mail-in/read-paths.js';
import { importMailbox } from '../../src/app/import-mailbox.js';
import { SOCIOGRAPHE_81 } from '../../src/domain/call/sociographe-81.js';
import type { Status } from '../../src/domain/submission/status.js';
import type { ManuscriptReader } from '../../src/ports/manuscript-reader.js';
import { docxAttachment, mailFrom, manuscriptDocx, ON_TIME, PEOPLE } from './support/fixtures.js';
import { type DialectName, forEachDialect, openWorld, sha256, type World } from './support/world.js';

/**
 * A new file by e-mail for a submission already decided on (accepted, declined, withdrawn), on
 * real storage: as on the author's private link, nothing is added. The message is in the ledger
 * with its submission (version-refused), the submission's timeline says a file came and was
 * refused, and the author gets one letter, French then English: the decision on « title » is
 * final, nothing was added, write to the coordinators. The version's own transaction decides it,
 * so a decision taken while the file is being judged is refused the same way.
 */

const TITLE = 'Proposition : plaider devant un algorithme';
const FIRST_ID = '<louis.first@exemple.fr>';
let seed = 700;

async function submitted(w: World) {
  const first = await mailFrom({
    from: PEOPLE.louis,
    messageId: FIRST_ID,
    subject: TITLE,
    attachments: [docxAttachment('garnier.docx', await manuscriptDocx(++seed))],
  });
  await w.importPaths(await w.put('first.eml', first));
  const [summary] = await w.deps.uow.run((s) => s.submissions.listByCall(w.callId));
  assert.ok(summary);
  return summary.id;
}

/** Puts the submission in `status` as the desk would have (the store records, it does not judge). */
async function decided(w: World, id: string, status: Status) {
  const record = await w.deps.uow.run((s) => s.submissions.findById(id));
  assert.ok(record);
  await w.deps.uow.run((s) =>
    s.submissions.changeStatus({
      submissionId: id,
      expectedVersion: record.version,
      to: status,
      event: { actor: { kind: 'coordinator', id: 'acc-1' }, channel: 'web', action: 'test.setup' },
    }),
  );
}

async function newFile(k: string, minutes: number) {
  return mailFrom({
    from: PEOPLE.louis,
    messageId: `<louis.${k}@exemple.fr>`,
    date: new Date(ON_TIME.getTime() + minutes * 60_000),
    inReplyTo: FIRST_ID,
    references: [FIRST_ID],
    subject: `Re: ${TITLE}`,
    attachments: [docxAttachment(`garnier-${k}.docx`, await manuscriptDocx(++seed))],
  });
}

async function ledger(w: World) {
  const rows = await w.handle.db.selectFrom('messages').selectAll().orderBy('id').execute();
  return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail ?? 'null') }));
}

function suite(dialect: DialectName) {
  describe(`a new file by e-mail after the decision (${dialect})`, () => {
    let w: World;
    beforeEach(async () => {
      w = await openWorld(dialect);
    });
    afterEach(() => w.close());

    const cases = [
      { status: 'declined', decision: 'decline', said: /le comité de rédaction ne l’a pas retenue/ },
      { status: 'accepted', decision: 'accept', said: /le comité de rédaction l’a acceptée/ },
      { status: 'withdrawn', decision: 'withdraw', said: /vous l’avez retirée/ },
    ] as const;
    for (const { status, decision, said } of cases) {
      it(`« ${status} »: not added, recorded and flagged, one letter saying the decision is final`, async () => {
        const id = await submitted(w);
        assert.equal((await w.drain()).sent, 1);
        await decided(w, id, status);

        const raw = await newFile('late-v2', 60);
        const path = await w.put('v2.eml', raw);
        const imported = await w.importPaths(path);
        assert.deepEqual([imported.messages, imported.versions, imported.ignored], [1, 0, 1]);

        const record = await w.deps.uow.run((s) => s.submissions.findById(id));
        assert.equal(record?.status, status);
        assert.equal(record?.versions.length, 1);
        const [, refused] = await ledger(w);
        assert.deepEqual(
          refused && [refused.outcome, refused.submission_id, refused.replied, refused.detail],
          ['version-refused', id, 1, { decision, status, files: 1 }],
        );
        assert.equal(refused?.sha256, sha256(raw));
        const events = await w.deps.uow.run((s) => s.submissions.listEvents(id));
        const last = events[events.length - 1];
        assert.deepEqual(last && [last.action, last.actor, last.channel, last.fromStatus, last.detail], [
          'version.refused',
          { kind: 'author' },
          'email',
          null,
          { decision, status, files: 1 },
        ]);

        assert.equal((await w.drain()).sent, 1);
        const letter = (await w.letters()).find((l) => l.inReplyTo === '<louis.late-v2@exemple.fr>');
        assert.ok(letter, 'the author is answered');
        assert.equal(letter.to, PEOPLE.louis.address);
        assert.equal(letter.autoSubmitted, 'auto-replied');
        assert.match(
          letter.subject,
          /^Votre proposition pour Sociographe n° 81 : la décision est définitive/,
        );
        assert.match(letter.text, /votre proposition « Proposition : plaider devant un algorithme »/);
        assert.match(letter.text, said);
        assert.match(letter.text, /Nous n’avons donc rien ajouté à votre proposition/);
        assert.match(letter.text, /garnier-late-v2\.docx/);
        for (const c of SOCIOGRAPHE_81.coordinators) assert.ok(letter.text.includes(c.email), c.name);
        assert.ok(letter.text.indexOf('Hello') > letter.text.indexOf('Bonjour'), 'French, then English');

        // The same message again: known to the ledger, nothing more.
        const again = await w.importPaths(path);
        assert.deepEqual([again.messages, again.duplicates], [1, 1]);
        assert.equal((await ledger(w)).length, 2);
        assert.equal(await w.count('outbox'), 2);
      });
    }

    it('still answers a few the same day, then records without answering (letters that record nothing)', async () => {
      const id = await submitted(w);
      await decided(w, id, 'declined');
      const path = await w.mbox('three.mbox', [
        await newFile('a', 10),
        await newFile('b', 20),
        await newFile('c', 30),
      ]);
      const imported = await w.importPaths(path);
      assert.deepEqual([imported.messages, imported.ignored], [3, 3]);
      // The receipt of the submission and two letters: three replies to this sender in 24 hours.
      assert.deepEqual(
        (await ledger(w)).map((e) => [e.outcome, e.replied]),
        [
          ['submission', 1],
          ['version-refused', 1],
          ['version-refused', 1],
          ['version-refused', 0],
        ],
      );
      assert.equal((await w.deps.uow.run((s) => s.submissions.findById(id)))?.versions.length, 1);
      const refusals = (await w.deps.uow.run((s) => s.submissions.listEvents(id))).filter(
        (e) => e.action === 'version.refused',
      );
      assert.equal(refusals.length, 3);
    });

    it('a decision taken while the file is judged: refused the same way, the message not failed', async () => {
      const id = await submitted(w);
      assert.equal((await w.drain()).sent, 1);
      await decided(w, id, 'revisions_requested');
      // The submission is open when the message is matched to it; the desk declines it during the
      // seconds the new file takes to read, before the version's transaction begins.
      let declined = false;
      const read: ManuscriptReader = async (source, options) => {
        if (!declined) {
          declined = true;
          await decided(w, id, 'declined');
        }
        return w.deps.read(source, options);
      };
      const errors: string[] = [];
      const raw = await newFile('racing', 60);
      const imported = await importMailbox(
        readPaths([await w.put('racing.eml', raw)]),
        { ...w.deps, read },
        { onError: (code) => errors.push(code) },
      );
      assert.ok(declined, 'the file was read');
      assert.deepEqual(errors, []);
      assert.deepEqual([imported.messages, imported.versions, imported.ignored], [1, 0, 1]);

      const record = await w.deps.uow.run((s) => s.submissions.findById(id));
      assert.deepEqual([record?.status, record?.versions.length], ['declined', 1]);
      const [, refused] = await ledger(w);
      assert.deepEqual(refused && [refused.outcome, refused.sha256, refused.replied, refused.detail], [
        'version-refused',
        sha256(raw),
        1,
        { decision: 'decline', status: 'declined', files: 1 },
      ]);
      const actions = (await w.deps.uow.run((s) => s.submissions.listEvents(id))).map((e) => e.action);
      assert.equal(actions[actions.length - 1], 'version.refused');
      assert.ok(!actions.includes('version.received'), actions.join(', '));

      assert.equal((await w.drain()).sent, 1, 'one letter, and no receipt');
      const letter = (await w.letters()).find((l) => l.inReplyTo === '<louis.racing@exemple.fr>');
      assert.match(letter?.subject ?? '', /la décision est définitive/);
      assert.match(letter?.text ?? '', /le comité de rédaction ne l’a pas retenue/);
    });

    it('a submission waiting for revisions still takes the new file, with its receipt', async () => {
      const id = await submitted(w);
      await decided(w, id, 'revisions_requested');
      const imported = await w.importPaths(await w.put('v2.eml', await newFile('v2', 60)));
      assert.equal(imported.versions, 1);
      const record = await w.deps.uow.run((s) => s.submissions.findById(id));
      assert.deepEqual([record?.status, record?.versions.length], ['in_review', 2]);
      assert.deepEqual(
        (await ledger(w)).map((e) => [e.outcome, e.replied]),
        [
          ['submission', 1],
          ['version', 1],
        ],
      );
    });
  });
}

await forEachDialect(suite);
