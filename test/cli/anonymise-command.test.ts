import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { analyseManuscript } from '../../src/adapters/manuscript/analyse-manuscript.js';
import { cli } from '../helpers/cli.js';
import { makeDocx, p } from '../helpers/docx-fixtures.js';
import { makeOdt, odtContent } from '../helpers/zip-fixtures.js';

describe('appel anonymise', () => {
  let dir = '';
  let manuscript = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'appel-anonyme-'));
    manuscript = join(dir, 'Mon article.docx');
    await writeFile(
      manuscript,
      await makeDocx({
        body: p('Par Camille Martin et Anne de La Fontaine.') + p('Martin (2018) le disait déjà.'),
        core: '<dc:creator>Camille Martin</dc:creator>',
      }),
    );
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('writes « … - anonyme.docx » beside the file, without the names, and says what it did', async () => {
    const r = await cli([
      'anonymise',
      manuscript,
      '--author',
      'Camille Martin',
      '--author',
      'de La Fontaine, Anne',
    ]);
    assert.equal(r.code, 0, r.err);
    const out = join(dir, 'Mon article - anonyme.docx');
    assert.match(r.out, /Copie anonyme \/ anonymised copy: .*Mon article - anonyme\.docx/);
    assert.match(r.out, /Les images ne sont pas examinées/);
    const read = await analyseManuscript({ bytes: await readFile(out), name: 'copie.docx' });
    const text = (read.manuscript?.paragraphs ?? []).map((x) => x.text).join('\n');
    assert.equal(text, 'Par [Auteur] et [Auteur].\n[Auteur] (2018) le disait déjà.');
    assert.equal(read.manuscript?.facts.core.creator ?? null, null);
    const again = await cli(['anonymise', manuscript, '--author', 'Camille Martin']);
    assert.equal(again.code, 2, 'never over an existing file');
    assert.match(again.err, /existe déjà/);
  });

  it('makes the copy of an .odt too, keeping its extension', async () => {
    const odt = join(dir, 'article.odt');
    await writeFile(
      odt,
      await makeOdt(odtContent('<text:p>Par <text:span>Camille</text:span> Martin.</text:p>')),
    );
    const r = await cli(['anonymise', odt, '--author', 'Camille Martin']);
    assert.equal(r.code, 0, r.err);
    const read = await analyseManuscript({
      bytes: await readFile(join(dir, 'article - anonyme.odt')),
      name: 'c.odt',
    });
    assert.equal((read.manuscript?.paragraphs ?? []).map((x) => x.text).join('\n'), 'Par [Auteur].');
  });

  it('says how to get a .docx when given another format, and asks for names when none is given', async () => {
    const pdf = join(dir, 'article.pdf');
    await writeFile(pdf, '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const r = await cli(['anonymise', pdf, '--author', 'Camille Martin', '--out', join(dir, 'x.docx')]);
    assert.equal(r.code, 2);
    assert.match(r.err, /Enregistrer sous|PDF/);
    assert.ok(!existsSync(join(dir, 'x.docx')));
    const none = await cli(['anonymise', manuscript]);
    assert.equal(none.code, 2);
    assert.match(none.err, /Aucun nom d’auteur à retirer/);
  });
});
