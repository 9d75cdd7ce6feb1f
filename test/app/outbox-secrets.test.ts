import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import { KyselyAttemptCounter } from '../../src/adapters/db/kysely-attempt-counter.js';
import { KyselyFileReferences } from '../../src/adapters/db/kysely-file-references.js';
import { KyselyOutbox } from '../../src/adapters/db/kysely-outbox.js';
import { migrateToLatest } from '../../src/adapters/db/migrate.js';
import { LocalDraftAnalyses } from '../../src/adapters/files/draft-analyses.js';
import { LocalFileStore } from '../../src/adapters/files/local-file-store.js';
import { FolderMailer } from '../../src/adapters/mail-out/folder-mailer.js';
import { SmtpMailer } from '../../src/adapters/mail-out/smtp-mailer.js';
import { drainOutbox, letterJob, type ProcessOutboxDeps } from '../../src/app/process-outbox.js';
import { LINK_REMOVED } from '../../src/app/sent-letter-secrets.js';
import { type SweepDeps, sweepData } from '../../src/app/sweep-data.js';
import type { LetterInput } from '../../src/domain/letters/model.js';
import { renderLetter } from '../../src/domain/letters/render-letter.js';
import { manualClock } from '../../src/ports/clock.js';
import type { JsonObject } from '../../src/ports/json.js';
import type { Mailer } from '../../src/ports/mailer.js';
import type { RetryPolicy } from '../../src/ports/outbox.js';
import {
  type MakeDatabase,
  makePostgres,
  makeSqlite,
  probePostgres,
  type TestDatabase,
  testDatabaseUrl,
} from '../db/support/databases.js';
import { goldenCases } from '../domain/letters/fixtures.js';
import { startSmtpSink } from '../mail-out/smtp-sink.js';

/**
 * Once a letter is sent, its outbox row is the record of what was sent, kept for good: it must
 * not hold a live secret any more (the invitation's one-time link, the author's private /suivi/
 * link), or every database dump and backup would. The token goes as the row is marked sent; the
 * recipient, the letter (so its subject), its kind and the time stay.
 */

const FROM = { address: 'redaction@sociographe.example', name: 'Sociographe' };
const POLICY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 60_000, maxDelayMs: 3_600_000 };
const ENVELOPE = { to: { address: 'camille@example.org', name: 'Camille Durand' } };
const root = mkdtempSync(join(tmpdir(), 'appel-outbox-secrets-'));
after(() => rmSync(root, { recursive: true, force: true }));

const letters = new Map(goldenCases('fr').map((c) => [c.name, c.letter]));
const letter = (name: string): LetterInput => letters.get(name) as LetterInput;
const tokenOf = (link: string) => link.slice(link.lastIndexOf('/') + 1);
/** A sent message's text, its quoted-printable soft line breaks joined. */
const unwrapped = (raw: string) => raw.replace(/=\r?\n/g, '');
const INVITATION_URL = (letter('invitation') as { url: string }).url;
const FOLLOW_URL = (letter('receipt-clean') as { followUrl: string }).followUrl;

function secretsSuite(dialect: string, makeDb: MakeDatabase): void {
  describe(`secret links in sent letters (${dialect})`, () => {
    let db: TestDatabase;
    let outbox: KyselyOutbox;
    let clock: ReturnType<typeof manualClock>;
    let n = 0;

    beforeEach(async () => {
      db = await makeDb();
      await migrateToLatest(db.handle);
      clock = manualClock('2022-08-25T12:05:00Z');
      outbox = new KyselyOutbox(db.handle.db, db.dialect, clock, POLICY);
    });
    afterEach(() => db.drop());

    const deps = (mailer: Mailer): ProcessOutboxDeps => ({
      outbox,
      mailer,
      worker: 'test:1',
      messageIdDomain: 'sociographe.example',
    });
    const folder = () => join(root, `${dialect}-${++n}`);
    /** The table as a dump would show it. */
    const dump = async () => JSON.stringify(await db.handle.db.selectFrom('outbox').selectAll().execute());
    const storedLetter = async (id: number) => {
      const job = await outbox.get(id);
      assert.ok(job, `job ${id} is kept`);
      return (job.payload as { letter: JsonObject }).letter;
    };

    it('an invitation, once sent, keeps its record but not its one-time link', async () => {
      const { id } = await outbox.enqueue(letterJob(ENVELOPE, letter('invitation'), 'invitation:hash'));
      const dir = folder();
      assert.equal((await drainOutbox(deps(new FolderMailer(dir, { from: FROM })))).sent, 1);

      const [eml] = readdirSync(dir).filter((f) => f.endsWith('.eml'));
      const sent = unwrapped(readFileSync(join(dir, eml as string), 'utf8'));
      assert.ok(sent.includes(INVITATION_URL), 'the letter had it');
      assert.ok(!(await dump()).includes(tokenOf(INVITATION_URL)), 'the table no longer has it');

      const job = await outbox.get(id);
      assert.equal(job?.status, 'sent');
      assert.equal(job?.sentAt, '2022-08-25T12:05:00.000Z');
      assert.equal(job?.kind, 'letter');
      assert.deepEqual(job?.payload.to, ENVELOPE.to);
      const kept = await storedLetter(id);
      assert.equal(kept.url, `https://appel.example.org/compte/activation/${LINK_REMOVED}`);
      assert.equal(kept.kind, 'invitation');
      assert.equal(
        renderLetter(kept as LetterInput).subject,
        renderLetter(letter('invitation')).subject,
        'what was sent can still be told: same letter, same subject',
      );
    });

    it('every letter with the private /suivi/ link loses its token; the others stay as they were', async () => {
      const withLink = ['receipt-clean', 'receipt-to-complete', 'late', 'new-version'];
      const without = ['no-manuscript'];
      const ids = new Map<string, number>();
      for (const name of [...withLink, ...without]) {
        ids.set(name, (await outbox.enqueue(letterJob(ENVELOPE, letter(name)))).id);
      }
      const summary = await drainOutbox(deps(new FolderMailer(folder(), { from: FROM })));
      assert.equal(summary.sent, withLink.length + without.length);
      assert.ok(!(await dump()).includes(tokenOf(FOLLOW_URL)));
      for (const name of withLink) {
        const kept = await storedLetter(ids.get(name) as number);
        assert.equal(kept.followUrl, `https://appel.sociographe.example/suivi/${LINK_REMOVED}`, name);
      }
      for (const name of without) {
        assert.deepEqual(
          (await outbox.get(ids.get(name) as number))?.payload,
          letterJob(ENVELOPE, letter(name)).payload,
          `${name} has no secret: its row is unchanged`,
        );
      }
    });

    it('a refused send keeps the link for the retry, and loses it once the retry is sent', async () => {
      const sink = await startSmtpSink({ failFirst: 1 });
      const mailer = new SmtpMailer({
        host: '127.0.0.1',
        port: sink.port,
        from: FROM,
        timeouts: { socketMs: 5_000 },
      });
      try {
        const { id } = await outbox.enqueue(letterJob(ENVELOPE, letter('invitation')));
        assert.equal((await drainOutbox(deps(mailer))).retrying, 1);
        assert.equal((await storedLetter(id)).url, INVITATION_URL, 'the retry needs it');
        clock.advance(POLICY.baseDelayMs);
        assert.equal((await drainOutbox(deps(mailer))).sent, 1);
        assert.ok(unwrapped(sink.received[0]?.raw.toString('utf8') ?? '').includes(INVITATION_URL));
        assert.equal(
          (await storedLetter(id)).url,
          `https://appel.example.org/compte/activation/${LINK_REMOVED}`,
        );
      } finally {
        await mailer.close();
        await sink.close();
      }
    });

    it('a worker that lost its lease writes nothing, the link included', async () => {
      const { id } = await outbox.enqueue(letterJob(ENVELOPE, letter('receipt-clean')));
      await outbox.claimDue({ worker: 'slow:1', leaseMs: 30_000 });
      clock.advance(30_001);
      const [job] = await outbox.claimDue({ worker: 'rescuer:2', leaseMs: 30_000 });
      assert.equal(job?.id, id);
      const redacted = { ...job.payload, letter: { kind: 'receipt', followUrl: LINK_REMOVED } };
      assert.equal(await outbox.markSent(id, 'slow:1', redacted), false);
      assert.equal((await storedLetter(id)).followUrl, FOLLOW_URL);
      assert.equal((await outbox.get(id))?.status, 'sending');
    });

    /** The data sweep over this database, and an empty data folder. */
    const sweep = (dryRun = false) => {
      const dir = folder();
      const files = new LocalFileStore(join(dir, 'files'));
      const analyses = new LocalDraftAnalyses(join(dir, 'drafts'));
      const sweepDeps: SweepDeps = {
        files,
        analyses,
        temporaries: [files, analyses],
        references: new KyselyFileReferences(db.handle.db),
        attempts: new KyselyAttemptCounter(db.handle.db),
        outbox,
        clock,
      };
      return sweepData({ dryRun }, sweepDeps);
    };
    /** A letter sent before sent rows lost their secrets: marked sent without a new payload. */
    const sentTheOldWay = async (name: string) => {
      const { id } = await outbox.enqueue(letterJob(ENVELOPE, letter(name)));
      await outbox.claimDue({ worker: 'old:1' });
      assert.equal(await outbox.markSent(id, 'old:1'), true);
      return id;
    };

    it('the data sweep removes the links letters sent before this still hold, and only theirs', async () => {
      const receipt = await sentTheOldWay('receipt-clean');
      const invitation = await sentTheOldWay('invitation');
      const plain = await sentTheOldWay('no-manuscript');
      const unsent = (await outbox.enqueue(letterJob(ENVELOPE, letter('receipt-to-complete')))).id;
      assert.ok((await dump()).includes(tokenOf(FOLLOW_URL)));
      const before = await dump();

      assert.equal((await sweep(true)).sentLetterSecrets, 2, 'a dry run counts');
      assert.equal(await dump(), before, 'a dry run changes nothing');

      assert.equal((await sweep()).sentLetterSecrets, 2);
      assert.equal(
        (await storedLetter(receipt)).followUrl,
        `https://appel.sociographe.example/suivi/${LINK_REMOVED}`,
      );
      assert.equal(
        (await storedLetter(invitation)).url,
        `https://appel.example.org/compte/activation/${LINK_REMOVED}`,
      );
      assert.equal((await outbox.get(receipt))?.status, 'sent');
      assert.equal((await outbox.get(receipt))?.sentAt, '2022-08-25T12:05:00.000Z');
      assert.deepEqual(
        (await outbox.get(plain))?.payload,
        letterJob(ENVELOPE, letter('no-manuscript')).payload,
      );
      assert.equal((await storedLetter(unsent)).followUrl, FOLLOW_URL, 'an unsent letter keeps its link');
      assert.equal((await outbox.get(unsent))?.status, 'pending');
      assert.ok(!(await dump()).includes(tokenOf(INVITATION_URL)));

      const after = await dump();
      assert.equal((await sweep()).sentLetterSecrets, 0, 'a second sweep has nothing more');
      assert.equal(await dump(), after);
    });

    it('the data sweep leaves a letter being sent alone, and redacts it once sent', async () => {
      const { id } = await outbox.enqueue(letterJob(ENVELOPE, letter('receipt-clean')));
      await outbox.claimDue({ worker: 'w:1' });
      assert.equal((await sweep()).sentLetterSecrets, 0);
      assert.equal((await storedLetter(id)).followUrl, FOLLOW_URL, 'the send needs it');
      assert.equal(await outbox.markSent(id, 'w:1'), true);
      assert.equal((await sweep()).sentLetterSecrets, 1);
      assert.ok(!(await dump()).includes(tokenOf(FOLLOW_URL)));
    });
  });
}

secretsSuite('sqlite', makeSqlite);

const url = testDatabaseUrl();
const probe = await probePostgres(url);
if (probe.ok) secretsSuite('postgres', makePostgres(url));
else describe('secret links in sent letters (postgres)', { skip: probe.reason }, () => {});
