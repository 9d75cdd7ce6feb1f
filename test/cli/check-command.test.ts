import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../../src/main/cli.js';
import { makeDocx, p } from '../helpers/docx-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'appel-check-'));
const sentence = 'Le numérique transforme la relation d’accompagnement en travail social. ';

async function docx(name: string, signes: number): Promise<string> {
  const text = sentence.repeat(Math.ceil(signes / sentence.length)).slice(0, signes);
  const path = join(dir, name);
  writeFileSync(path, await makeDocx({ body: p(text) }));
  return path;
}

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, {
    out: (t) => {
      out += `${t}\n`;
    },
    err: (t) => {
      err += `${t}\n`;
    },
    setExitCode: () => {},
  });
  return { code, out, err };
}

test('a manuscript within the window passes: exit 0 and a French report', async () => {
  const file = await docx('bon.docx', 12_000);
  const { code, out } = await run('check', file);
  assert.equal(code, 0);
  assert.match(out, /Verdict\s: conforme/);
  assert.match(out, /12\u202f000 signes espaces compris/);
});

test('--json gives the stable fields, one object per file, in the order given', async () => {
  const good = await docx('bon2.docx', 8000);
  const short = await docx('court.docx', 1200);
  const { code, out } = await run('check', '--json', good, short);
  assert.equal(code, 1);
  const [a, b] = JSON.parse(out) as Record<string, unknown>[];
  assert.equal(a?.file, good);
  assert.equal(a?.format, 'docx');
  assert.equal(a?.verdict, 'pass');
  assert.deepEqual(a?.signes, { body: 8000, notes: 0, textboxes: 0, total: 8000 });
  assert.equal(typeof a?.words, 'number');
  assert.equal(a?.subdocsIncluded, true);
  assert.equal(a?.rawStoryLength, 8001);
  assert.equal(a?.stored, null);
  assert.equal(b?.verdict, 'fail');
  const findings = b?.findings as { code: string; severity: string; message: string }[];
  assert.ok(
    findings.some((f) => f.code === 'LENGTH_TOO_SHORT' && f.severity === 'error' && f.message.length > 0),
  );
});

test('a PDF is unreadable as a manuscript: exit 2 and a message saying what to send instead', async () => {
  const pdf = join(dir, 'article.docx');
  writeFileSync(pdf, '%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
  const { code, out } = await run('check', '--lang', 'en', pdf);
  assert.equal(code, 2);
  assert.match(out, /unreadable/);
  assert.match(out, /not a Word file/);
  assert.match(out, /Save as/);
});

test('a missing file is unreadable, and the process lives', async () => {
  const { code, out } = await run('check', '--json', join(dir, 'absent.docx'));
  assert.equal(code, 2);
  assert.equal((JSON.parse(out) as { verdict: string }[])[0]?.verdict, 'unreadable');
});

test('submission flags make the submission rules count: a late manuscript with two contacts', async () => {
  const file = await docx('tardif.docx', 9000);
  const { out } = await run(
    'check',
    '--json',
    '--author',
    'Camille Martin <camille@example.org>',
    '--phone',
    '06 12 34 56 78',
    '--address',
    '3 rue de la Gare, 34000 Montpellier',
    '--received-at',
    '2022-09-02T09:14',
    file,
  );
  const [report] = JSON.parse(out) as { findings: { code: string }[]; notChecked: string[] }[];
  const codes = report?.findings.map((f) => f.code) ?? [];
  assert.ok(
    codes.some((c) => c.startsWith('deadline.')),
    codes.join(','),
  );
  assert.ok(!report?.notChecked.some((c) => c.startsWith('phone') || c.startsWith('deadline')));
});

test('a call file that does not validate stops the command with exit 2 and says what to fix', async () => {
  const call = join(dir, 'appel.yaml');
  writeFileSync(call, 'journal: Revue\n');
  const file = await docx('x.docx', 6000);
  const { code, err } = await run('check', '--call', call, file);
  assert.equal(code, 2);
  assert.match(err, /appel/i);
});
