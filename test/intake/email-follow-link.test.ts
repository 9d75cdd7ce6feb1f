import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { readPaths } from '../../src/adapters/mail-in/read-paths.js';
import { importMailbox } from '../../src/app/import-mailbox.js';
import { drainOutbox } from '../../src/app/process-outbox.js';
import { type RunningDesk, startDesk } from '../helpers/http-server.js';
import { textOf, Visitor } from '../http/author-support.js';
import {
  docxAttachment,
  mailFrom,
  manuscriptDocx,
  ON_TIME,
  PEOPLE,
  type Person,
} from './support/fixtures.js';
import { type Letter, readLetters } from './support/world.js';

/**
 * A submission by e-mail gets the same private link as one through the web form: the desk composed
 * by openContext (APPEL_PUBLIC_URL set, as behind a proxy), messages imported by the real sources
 * and use case, receipts written as .eml files by the outbox worker, and the link in each receipt
 * opened on the real server. The public address is the proxy's: its path is what reaches the desk.
 */

const PUBLIC = 'https://appel.sociographe.example/';
const LINK = /https:\/\/appel\.sociographe\.example(\/suivi\/([A-Za-z0-9_-]{43}))(?![A-Za-z0-9_-])/g;
const NOW = new Date('2022-08-20T10:00:00Z');

interface Desk {
  desk: RunningDesk;
  errors: string[];
  /** `appel mail import FILE` on this desk's data folder. */
  importMail(name: string, bytes: Buffer): Promise<void>;
  /** `appel worker --once`, then every letter written so far. */
  letters(): Promise<Letter[]>;
  /** Every row of every table but the outbox (which holds the letters, link included), as text. */
  dumpWithoutOutbox(): string;
}

async function openDesk(env: NodeJS.ProcessEnv): Promise<Desk> {
  const desk = await startDesk({ now: () => NOW }, env);
  const errors: string[] = [];
  const inbox = join(desk.context.dataDir, 'in');
  return {
    desk,
    errors,
    async importMail(name, bytes) {
      await mkdir(inbox, { recursive: true });
      await writeFile(join(inbox, name), bytes);
      await importMailbox(readPaths([join(inbox, name)]), desk.context.intake, {
        onError: (code) => errors.push(code),
      });
    },
    async letters() {
      const { outbox, mailer } = desk.context;
      await drainOutbox({ outbox, mailer, worker: 'test', messageIdDomain: 'journal.example' });
      return readLetters(desk.context.outboxDir as string);
    },
    dumpWithoutOutbox() {
      const db = new Database(join(desk.context.dataDir, 'appel.sqlite'), { readonly: true });
      try {
        const tables = db
          .prepare("select name from sqlite_master where type = 'table' and name <> 'outbox'")
          .all() as { name: string }[];
        return JSON.stringify(tables.map((t) => db.prepare(`select * from "${t.name}"`).all()));
      } finally {
        db.close();
      }
    },
  };
}

function submissionMail(who: Person, seed: number, subject: string, messageId: string) {
  return manuscriptDocx(seed).then((docx) =>
    mailFrom({
      from: who,
      subject,
      messageId,
      received: ON_TIME,
      attachments: [docxAttachment(`${who.surname.toLowerCase()}.docx`, docx)],
    }),
  );
}

function linksIn(letter: Letter): { path: string; token: string }[] {
  return [...letter.text.matchAll(LINK)].map((m) => ({ path: m[1] as string, token: m[2] as string }));
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('an e-mail submission’s receipt carries its private link', () => {
  let d: Desk;
  const claire = { title: 'Le numérique dans la relation d’aide', messageId: '<claire.1@exemple.fr>' };
  const louis = { title: 'Des écrans entre nous', messageId: '<louis.1@exemple.fr>' };

  before(async () => {
    d = await openDesk({ APPEL_PUBLIC_URL: PUBLIC });
    await d.importMail('claire.eml', await submissionMail(PEOPLE.claire, 11, claire.title, claire.messageId));
    await d.importMail('louis.eml', await submissionMail(PEOPLE.louis, 12, louis.title, louis.messageId));
  });
  after(() => d.desk.close());

  it('each receipt gives one /suivi/ link on the public address, and each opens its own submission only', async () => {
    assert.deepEqual(d.errors, []);
    const letters = await d.letters();
    assert.equal(letters.length, 2);
    const byTitle = new Map<string, { path: string; token: string }>();
    for (const [who, title] of [
      [PEOPLE.claire, claire.title],
      [PEOPLE.louis, louis.title],
    ] as const) {
      const letter = letters.find((l) => l.to === who.address);
      assert.ok(letter, `a receipt for ${who.given}`);
      assert.match(letter.subject, /^Accusé de réception/);
      assert.match(letter.text, /Suivre votre proposition\n-+\n/);
      assert.match(letter.text, /Vous pouvez suivre votre proposition à tout moment à cette adresse :\n/);
      assert.match(letter.text, /Ce lien est personnel : il ouvre votre dossier sans mot de passe\./);
      const links = linksIn(letter);
      assert.equal(links.length, 1, letter.text);
      byTitle.set(title, links[0] as { path: string; token: string });
    }
    const mine = byTitle.get(claire.title);
    const theirs = byTitle.get(louis.title);
    assert.ok(mine && theirs);
    assert.notEqual(mine.token, theirs.token);

    for (const [link, own, other] of [
      [mine, claire.title, louis.title],
      [theirs, louis.title, claire.title],
    ] as const) {
      const page = await new Visitor(d.desk.url).get(link.path);
      assert.equal(page.status, 200);
      const text = textOf(page.html);
      assert.ok(text.includes(own), `${link.path} shows « ${own} »`);
      assert.ok(!text.includes(other), `${link.path} does not show « ${other} »`);
      assert.match(text, /Version 1/);
    }
    // One character changed: a token nobody was given opens nothing.
    const forged = `${mine.token.slice(0, -1)}${mine.token.endsWith('A') ? 'B' : 'A'}`;
    assert.equal((await new Visitor(d.desk.url).get(`/suivi/${forged}`)).status, 404);
  });

  it('stores only the SHA-256 of each token, and the token nowhere but in the letter', async () => {
    const letters = await d.letters();
    const tokens = letters.flatMap(linksIn).map((l) => l.token);
    assert.equal(tokens.length, 2);
    const dump = d.dumpWithoutOutbox();
    for (const token of tokens) {
      assert.ok(!dump.includes(token), 'the token is stored nowhere but in the outbox’s letter');
      assert.ok(dump.includes(sha256(token)), 'its hash is');
    }
  });

  it('a new version sent by e-mail in the thread adds no second link; the first one shows it', async () => {
    const before = (await d.letters()).flatMap(linksIn);
    const revised = await mailFrom({
      from: PEOPLE.claire,
      subject: `Re: ${claire.title}`,
      messageId: '<claire.2@exemple.fr>',
      inReplyTo: claire.messageId,
      references: [claire.messageId],
      received: ON_TIME,
      attachments: [docxAttachment('fontaine-v2.docx', await manuscriptDocx(21))],
    });
    await d.importMail('claire-2.eml', revised);
    assert.deepEqual(d.errors, []);

    const links = await d.desk.context.intake.uow.run(async (s) => {
      const all = await s.submissions.listByCall(d.desk.context.callId);
      return Promise.all(all.map((r) => s.authorLinks.listForSubmission(r.id)));
    });
    assert.deepEqual(
      links.map((l) => l.length),
      [1, 1],
      'one link per submission, still',
    );
    const after = (await d.letters()).flatMap(linksIn);
    assert.deepEqual(after, before, 'no letter gives another link');

    const pages = await Promise.all(before.map((l) => new Visitor(d.desk.url).get(l.path)));
    const withVersion2 = pages.filter((p) => /Version 2/.test(textOf(p.html)));
    assert.equal(withVersion2.length, 1, 'the version went to one submission');
    assert.ok(textOf(withVersion2[0]?.html ?? '').includes(claire.title));
  });
});

describe('without a public address', () => {
  it('the receipt has no private link, and none is stored', async () => {
    const d = await openDesk({});
    try {
      await d.importMail(
        'nadia.eml',
        await submissionMail(PEOPLE.nadia, 31, 'Accompagner sans écran', '<nadia.1@exemple.fr>'),
      );
      const [letter] = await d.letters();
      assert.ok(letter);
      assert.match(letter.subject, /^Accusé de réception/);
      assert.doesNotMatch(letter.text, /\/suivi\//);
      const links = await d.desk.context.intake.uow.run(async (s) => {
        const [record] = await s.submissions.listByCall(d.desk.context.callId);
        return record ? s.authorLinks.listForSubmission(record.id) : null;
      });
      assert.deepEqual(links, []);
    } finally {
      await d.desk.close();
    }
  });
});
