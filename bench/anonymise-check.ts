import { readFile } from 'node:fs/promises';
import { anonymiseManuscript } from '../src/adapters/anonymise/anonymise-manuscript.js';
import { analyseManuscript } from '../src/adapters/manuscript/analyse-manuscript.js';
import { makeAnonymisedCopy } from '../src/app/anonymised-copy.js';
import type { Identity } from '../src/domain/manuscript/author-names.js';
import type { CorpusRow } from './corpus.js';

/**
 * The anonymiser over real files (conformance, not a test): a copy made for someone who is not
 * in the file must read back with the very same text and counts (the copy corrupts nothing), and a
 * copy made for the file's own creator (docProps dc:creator, when it reads as a given name and a
 * surname) must hold that name nowhere the reader looks.
 */
export interface AnonymiserResult {
  files: number;
  unchanged: number;
  changedMisses: { file: string; detail: string }[];
  withCreator: number;
  creatorGone: number;
  creatorMisses: { file: string; detail: string }[];
}

const STRANGER: Identity = { givenName: 'Zéphyrine', surname: 'Quidam-Xylographe' };

export async function checkAnonymiser(rows: readonly CorpusRow[]): Promise<AnonymiserResult> {
  const result: AnonymiserResult = {
    files: 0,
    unchanged: 0,
    changedMisses: [],
    withCreator: 0,
    creatorGone: 0,
    creatorMisses: [],
  };
  const deps = { read: analyseManuscript, anonymise: anonymiseManuscript };
  for (const row of rows) {
    const bytes = await readFile(row.path);
    const before = await analyseManuscript({ bytes, name: row.file }, { keepText: true });
    if (before.error || (before.kind !== 'docx' && before.kind !== 'odt') || !before.manuscript) continue;
    result.files++;
    try {
      const copy = await makeAnonymisedCopy({ bytes, fileName: row.file, people: [STRANGER] }, deps);
      const after = await analyseManuscript({ bytes: copy.bytes, name: row.file }, { keepText: true });
      const same =
        JSON.stringify(after.manuscript?.counts) === JSON.stringify(before.manuscript.counts) &&
        after.manuscript?.paragraphs.map((p) => p.text).join('\n') ===
          before.manuscript.paragraphs.map((p) => p.text).join('\n');
      if (same) result.unchanged++;
      else result.changedMisses.push({ file: row.file, detail: 'text or counts differ' });
    } catch (e) {
      result.changedMisses.push({ file: row.file, detail: String((e as Error).message) });
    }
    const creator = before.manuscript.facts.core.creator?.trim() ?? '';
    const words = creator.split(/\s+/).filter((w) => /^\p{Lu}[\p{L}'’-]+$/u.test(w));
    if (words.length < 2 || words.length !== creator.split(/\s+/).length) continue;
    result.withCreator++;
    const person: Identity = { givenName: words[0] as string, surname: words.slice(1).join(' ') };
    try {
      const copy = await makeAnonymisedCopy({ bytes, fileName: row.file, people: [person] }, deps);
      if (copy.remaining === 0) result.creatorGone++;
      else result.creatorMisses.push({ file: row.file, detail: `${copy.remaining} left` });
    } catch (e) {
      result.creatorMisses.push({ file: row.file, detail: String((e as Error).message) });
    }
  }
  return result;
}
