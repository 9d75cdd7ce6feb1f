import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The shared corpus (../shared/corpus beside the checkout, or APPEL_CORPUS): real .docx and .odt
 * files with the statistics their producers stored. Only bench/ uses it; tests never do.
 */

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface CorpusRow {
  /** Absolute path of the file. */
  path: string;
  /** Path as the index gives it (relative to the corpus folder). */
  file: string;
  application: string;
  /** The stored characters_with_spaces, or null when absent. */
  cws: number | null;
  /** docx only: story-length-1, visible-text, both(ambiguous), neither(stale?), n/a. */
  model: string;
}

export interface Corpus {
  dir: string;
  /** How the folder is named in messages: as given, relative to the repository root. */
  shown: string;
  docx: CorpusRow[];
  odt: CorpusRow[];
}

export function corpusDir(): { dir: string; shown: string } {
  const override = process.env.APPEL_CORPUS;
  if (override) return { dir: resolve(override), shown: override };
  const dir = join(REPO_ROOT, '..', 'shared', 'corpus');
  return { dir, shown: relative(REPO_ROOT, dir) || dir };
}

/** The corpus, or null when its folder (or an index) is absent. */
export function loadCorpus(): Corpus | null {
  const { dir, shown } = corpusDir();
  const docxIndex = join(dir, 'docx-index.tsv');
  const odtIndex = join(dir, 'odt-index.tsv');
  if (!existsSync(docxIndex)) return null;
  return {
    dir,
    shown,
    docx: readIndex(dir, docxIndex),
    odt: existsSync(odtIndex) ? readIndex(dir, odtIndex) : [],
  };
}

function readIndex(dir: string, file: string): CorpusRow[] {
  const lines = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.length > 0);
  const header = (lines.shift() ?? '').split('\t');
  const column = (cells: string[], name: string) => cells[header.indexOf(name)] ?? '';
  return lines.map((line) => {
    const cells = line.split('\t');
    const cws = column(cells, 'characters_with_spaces').trim();
    return {
      path: join(dir, column(cells, 'file')),
      file: column(cells, 'file'),
      application: column(cells, 'application'),
      cws: /^\d+$/.test(cws) ? Number(cws) : null,
      model: column(cells, 'cws_model'),
    };
  });
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
