import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { type Ask, callCommand } from '../../src/cli/call-command.js';
import type { CliIo } from '../../src/cli/io.js';
import { validateCall } from '../../src/domain/call/parse-call.js';

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'appel-call-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(args: string[], ask?: Ask) {
  const out: string[] = [];
  const err: string[] = [];
  let code = 0;
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), setExitCode: (c) => (code = c) };
  const deps = { now: () => new Date('2022-08-15T10:00:00Z'), cwd: dir, ...(ask ? { ask } : {}) };
  await callCommand(io, deps).exitOverride().parseAsync(args, { from: 'user' });
  return { out: out.join('\n'), err: err.join('\n'), code };
}

const flags = [
  'new',
  '--journal',
  'Revue Exemple',
  '--issue',
  '12',
  '--theme',
  'Le travail social demain',
  '--deadline',
  '31/01/2025',
  '--publication',
  '06/2025',
  '--min',
  '8 000',
  '--max',
  '25000',
  '--coordinator',
  'Ada Lovelace <ada@exemple.fr>',
  '--email',
  'depot@exemple.fr',
];

describe('appel call show', () => {
  it('prints the default call in readable French, with the deadline in Paris time', async () => {
    const r = await run(['show']);
    assert.equal(r.code, 0);
    assert.match(r.out, /Sociographe — n°\u00a081\u00a0: Impacts du numérique en travail social/);
    assert.match(r.out, /jeudi 1er septembre 2022 à 23\u00a0h\u00a059 \(heure de Paris\), jour inclus/);
    assert.match(r.out, /État de l’appel aujourd’hui\u00a0: ouvert/);
    assert.match(r.out, /Axes de réflexion\n {2}1\. La relation d’accompagnement/);
    assert.match(r.out, /entre 5\u202f000 et 30\u202f000 signes/);
    assert.match(r.out, /Alexis Mombelet/);
  });
  it('prints it in English on request', async () => {
    const r = await run(['show', '--lang', 'en']);
    assert.match(r.out, /Submission deadline: Thursday 1 September 2022 at 23:59 \(Paris time\)/);
  });
  it('refuses a broken file with the field named', async () => {
    const file = join(dir, 'broken.yaml');
    await writeFile(file, 'id: x\njournal: Revue\n');
    const r = await run(['show', file]);
    assert.equal(r.code, 1);
    assert.match(r.err, /Le champ «\u202ftheme\u202f» manque/);
  });
});

describe('appel call validate', () => {
  it('accepts the default call (exit 0)', async () => {
    const r = await run(['validate']);
    assert.equal(r.code, 0);
    assert.match(r.out, /Fichier d’appel valide\u00a0: Sociographe n°\u00a081/);
    assert.match(r.out, /Valid call file: Sociographe no\. 81/);
  });
  it('refuses a call file with a wrong field (exit 1), naming it in French and English', async () => {
    const file = join(dir, 'wrong.yaml');
    await writeFile(file, 'id: x\njournal: Revue\nissue: 3\ntheme: T\nsummary: S\ndeadine: 2025-01-01\n');
    const r = await run(['validate', file]);
    assert.equal(r.code, 1);
    assert.match(r.err, /deadine/);
    assert.match(r.err, /vouliez-vous écrire «\u202fdeadline\u202f»/);
    assert.match(r.err, /did you mean “deadline”/);
  });
  it('reports a missing file (exit 1)', async () => {
    const r = await run(['validate', 'nulle-part.yaml']);
    assert.equal(r.code, 1);
    assert.match(r.err, /introuvable/);
  });
});

describe('appel call new', () => {
  it('writes a valid call file from flags, read the French way', async () => {
    const r = await run([...flags, '--output', 'revue.yaml']);
    assert.equal(r.code, 0, r.err);
    const text = await readFile(join(dir, 'revue.yaml'), 'utf8');
    assert.match(text, /^# Appel à auteurs/);
    const v = validateCall(parse(text));
    assert.ok(v.ok);
    assert.equal(v.call.id, 'revue-exemple-12');
    assert.equal(v.call.deadline.date, '2025-01-31');
    assert.deepEqual(v.call.publication, { year: 2025, month: 6 });
    assert.equal(v.call.manuscript.minSignes, 8000);
    assert.deepEqual(v.call.coordinators[0], {
      name: 'Ada Lovelace',
      role: 'coordination du dossier',
      email: 'ada@exemple.fr',
    });
    const shown = await run(['validate', 'revue.yaml']);
    assert.equal(shown.code, 0);
  });
  it('refuses to overwrite an existing file unless --force', async () => {
    const file = join(dir, 'exists.yaml');
    await writeFile(file, 'ancien contenu\n');
    const r = await run([...flags, '--output', file]);
    assert.equal(r.code, 1);
    assert.match(r.err, /existe déjà/);
    assert.equal(await readFile(file, 'utf8'), 'ancien contenu\n');
    const forced = await run([...flags, '--output', file, '--force']);
    assert.equal(forced.code, 0);
    assert.match(await readFile(file, 'utf8'), /journal: Revue Exemple/);
  });
  it('names the missing flags when there is no terminal to ask (exit 2)', async () => {
    const r = await run(['new', '--journal', 'Revue']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--issue --theme --deadline --publication --coordinator --email/);
  });
  it('refuses an unreadable date flag', async () => {
    const r = await run([...flags.slice(0, 7), '--deadline', '31 février', '--output', 'x.yaml']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--deadline/);
  });
  it('asks the questions on a terminal, re-asking after an unreadable answer', async () => {
    const answers = [
      'Revue Test',
      '7',
      'Un thème',
      '',
      'pas une date',
      '15/03/2026',
      '09/2026',
      '',
      '',
      'Jean Dupont <jean@exemple.fr>',
      '',
      'depot@exemple.fr',
    ];
    const asked: string[] = [];
    const ask: Ask = async (q) => {
      asked.push(q);
      return answers.shift() ?? '';
    };
    const r = await run(['new', '--output', 'asked.yaml'], ask);
    assert.equal(r.code, 0, r.err);
    assert.equal(answers.length, 0);
    assert.match(asked[0] ?? '', /Nom de la revue \/ Journal name/);
    const v = validateCall(parse(await readFile(join(dir, 'asked.yaml'), 'utf8')));
    assert.ok(v.ok);
    assert.equal(v.call.deadline.date, '2026-03-15');
    assert.equal(v.call.manuscript.maxSignes, 30000);
    assert.match(v.call.summary, /Un thème/);
  });
});
