import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openDatabase } from '../../src/adapters/db/connect.js';
import { KyselyAttemptCounter } from '../../src/adapters/db/kysely-attempt-counter.js';
import { KyselyOutbox } from '../../src/adapters/db/kysely-outbox.js';
import { migrateToLatest } from '../../src/adapters/db/migrate.js';
import { LocalDraftAnalyses } from '../../src/adapters/files/draft-analyses.js';
import { LocalFileStore } from '../../src/adapters/files/local-file-store.js';
import { letterJob } from '../../src/app/process-outbox.js';
import type { LetterInput } from '../../src/domain/letters/model.js';
import { systemClock } from '../../src/ports/clock.js';
import { sha256 as hashOf } from '../db/support/fixtures.js';
import { goldenCases } from '../domain/letters/fixtures.js';
import { cli } from '../helpers/cli.js';

const NBSP = '\u00a0';

describe('appel sweep', () => {
  const root = mkdtempSync(join(tmpdir(), 'appel-sweep-cli-'));
  after(() => rmSync(root, { recursive: true, force: true }));

  it('say what a dry run would remove, remove it when asked, never naming a file', async () => {
    const data = join(root, 'donnees');
    const files = new LocalFileStore(join(data, 'files'));
    const { sha256 } = await files.put(Buffer.from('un brouillon abandonné'));
    await new LocalDraftAnalyses(join(data, 'drafts')).remember(sha256, {
      byteSize: 23,
      analysis: { kind: 'pdf', manuscript: null, error: null },
    });
    const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000);
    utimesSync(files.pathOf(sha256), eightDaysAgo, eightDaysAgo);
    utimesSync(join(data, 'drafts', `${sha256}.json`), eightDaysAgo, eightDaysAgo);
    // Two sign-in attempts an hour old: one out of its minute, one still counted.
    const db = await openDatabase({ kind: 'sqlite', file: join(data, 'appel.sqlite') });
    await migrateToLatest(db);
    const counter = new KyselyAttemptCounter(db.db);
    const anHourAgo = new Date(Date.now() - 3_600_000);
    await counter.take(hashOf('une minute'), { max: 5, windowMs: 60_000 }, anHourAgo);
    await counter.take(hashOf('un jour'), { max: 5, windowMs: 86_400_000 }, anHourAgo);
    // A receipt sent before sent rows lost their private /suivi/ link.
    const outbox = new KyselyOutbox(db.db, 'sqlite', systemClock);
    const receipt = goldenCases('fr').find((c) => c.name === 'receipt-clean')?.letter as LetterInput;
    const { id } = await outbox.enqueue(letterJob({ to: { address: 'camille@example.org' } }, receipt));
    await outbox.claimDue({ worker: 'old:1' });
    assert.equal(await outbox.markSent(id, 'old:1'), true);
    await db.close();

    const dry = await cli(['sweep', '--data', data, '--dry-run']);
    assert.equal(dry.code, 0);
    assert.match(
      dry.out,
      new RegExp(
        `^Nettoyage à blanc : 1 analyse de brouillon \\(\\d+${NBSP}octets\\), 1 fichier jamais confirmé \\(23${NBSP}octets\\), 0 fichier temporaire \\(0${NBSP}octets\\), 1 tentative de connexion expirée, 1 lien secret retiré des lettres envoyées seraient supprimés\\.\\n` +
          `Dry run: would remove 1 draft analysis \\(\\d+${NBSP}bytes\\), 1 file never confirmed \\(23${NBSP}bytes\\), 0 temporary files \\(0${NBSP}bytes\\), 1 expired sign-in attempt, 1 secret link removed from sent letters\\.$`,
      ),
    );
    assert.ok(existsSync(files.pathOf(sha256)), 'a dry run removes nothing');

    const run = await cli(['sweep', '--data', data]);
    assert.equal(run.code, 0);
    assert.match(
      run.out,
      /^Nettoyage : 1 analyse de brouillon .*, 1 fichier jamais confirmé .*, 1 tentative de connexion expirée, 1 lien secret retiré des lettres envoyées supprimés\.\nSweep: removed 1 draft analysis .*, 1 expired sign-in attempt, 1 secret link removed from sent letters\.$/,
    );
    assert.equal(existsSync(files.pathOf(sha256)), false);
    assert.equal(existsSync(join(data, 'drafts', `${sha256}.json`)), false);
    assert.doesNotMatch(`${dry.out}${run.out}`, new RegExp(sha256.slice(0, 12)));

    const again = await cli(['sweep', '--data', data]);
    assert.match(
      again.out,
      /^Nettoyage : 0 analyse de brouillon .*, 0 tentative de connexion expirée, 0 lien secret retiré des lettres envoyées supprimés\.\nSweep: removed 0 draft analyses .*, 0 expired sign-in attempts, 0 secret links removed from sent letters\.$/,
    );
  });

  it('explain, in both languages, a data folder that cannot be used', async () => {
    const file = join(root, 'un-fichier');
    writeFileSync(file, 'x');
    const c = await cli(['sweep', '--data', join(file, 'dessous')]);
    assert.equal(c.code, 2);
    assert.match(c.err, /n’est pas utilisable[\s\S]*cannot be used/);
  });
});
