import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LocalDraftAnalyses } from '../../src/adapters/files/draft-analyses.js';
import { analyseManuscript } from '../../src/adapters/manuscript/analyse-manuscript.js';
import { AppError } from '../../src/domain/shared/errors.js';
import { makeDocx } from '../helpers/docx-fixtures.js';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describe('remembered draft analyses', () => {
  let root: string;
  let store: LocalDraftAnalyses;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'appel-drafts-'));
    store = new LocalDraftAnalyses(join(root, 'drafts'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('give back what reading a .docx gave, under its hash, in a private file', async () => {
    const bytes = await makeDocx({ body: '<w:p><w:r><w:t>Un « texte » à lire.</w:t></w:r></w:p>' });
    const analysis = await analyseManuscript({ bytes, name: 'manuscrit.docx' });
    assert.ok(analysis.manuscript);
    await store.remember(A, { byteSize: bytes.length, analysis });
    const found = await store.find(A);
    const { file: _file, ...rest } = analysis;
    assert.deepEqual(found, { byteSize: bytes.length, analysis: JSON.parse(JSON.stringify(rest)) });
    assert.equal(statSync(join(root, 'drafts', `${A}.json`)).mode & 0o077, 0, 'not readable by others');
    assert.equal(await store.find(B), null, 'nothing under another hash');
  });

  it('give back a coded error as an AppError with its parameters', async () => {
    const error = new AppError('NOT_A_WORD_FILE', { kind: 'un PDF', kindEn: 'a PDF' });
    await store.remember(B, {
      byteSize: 12,
      analysis: { kind: 'pdf', manuscript: null, error },
    });
    const found = await store.find(B);
    assert.ok(found?.analysis.error instanceof AppError);
    assert.equal(found.analysis.error.code, 'NOT_A_WORD_FILE');
    assert.deepEqual(found.analysis.error.params, error.params);
    assert.deepEqual(found.analysis.error.text, error.text);
  });

  it('answer nothing for a damaged entry, an entry copied under another hash, or a code no longer known', async () => {
    const path = (sha: string) => join(root, 'drafts', `${sha}.json`);
    const bytes = await makeDocx({ body: '<w:p><w:r><w:t>Texte.</w:t></w:r></w:p>' });
    await store.remember(A, {
      byteSize: bytes.length,
      analysis: await analyseManuscript({ bytes, name: 'm.docx' }),
    });
    const good = readFileSync(path(A), 'utf8');

    writeFileSync(path(A), good.replace('Texte.', 'Texta.'));
    assert.equal(await store.find(A), null, 'body changed: the digest no longer matches');
    writeFileSync(path(A), good.slice(0, good.length - 10));
    assert.equal(await store.find(A), null, 'cut short');
    const C = 'c'.repeat(64);
    writeFileSync(path(C), good);
    assert.equal(await store.find(C), null, 'written for other bytes');
    writeFileSync(path(A), good);
    assert.ok(await store.find(A), 'the intact entry is found again');

    await store.remember(B, {
      byteSize: 1,
      analysis: { kind: 'pdf', manuscript: null, error: new AppError('FILE_UNREADABLE') },
    });
    writeFileSync(path(B), rewrite(readFileSync(path(B), 'utf8'), 'FILE_UNREADABLE', 'NO_SUCH_CODE'));
    assert.equal(await store.find(B), null);
    assert.equal(await store.find('../../etc/passwd'), null, 'only hashes are looked up');
  });

  it('forget an entry, and forgetting twice is no error', async () => {
    await store.forget(A);
    assert.equal(await store.find(A), null);
    await store.forget(A);
  });
});

/** Changes the body and recomputes its digest, as a past version of appel would have written it. */
function rewrite(entry: string, from: string, to: string): string {
  const newline = entry.indexOf('\n');
  const header = JSON.parse(entry.slice(0, newline)) as { digest: string };
  const body = entry.slice(newline + 1).replace(from, to);
  header.digest = createHash('sha256').update(body, 'utf8').digest('hex');
  return `${JSON.stringify(header)}\n${body}`;
}
