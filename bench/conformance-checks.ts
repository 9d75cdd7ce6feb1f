import type { Analysis } from '../src/app/analysis.js';
import type { CorpusRow } from './corpus.js';
import { analyseManuscript } from './reader.js';

/**
 * The checks of the conformance run, one function per class of corpus row. Each analyses the
 * files through the application's entry point, exactly as `appel check` would.
 */

export interface Miss {
  file: string;
  expected: number;
  got: number | null;
  /** got − expected, or null when the file could not be read. */
  difference: number | null;
  error?: string;
}

export interface ClassResult {
  name: string;
  /** Whether a miss in this class fails the run (exit code 1). */
  gate: boolean;
  checked: number;
  agreed: number;
  misses: Miss[];
}

export interface Unreadable {
  file: string;
  error: string;
}

export interface DocxResult {
  classes: ClassResult[];
  files: number;
  readable: number;
  unreadable: Unreadable[];
}

export interface OdtResult {
  files: number;
  readable: number;
  unreadable: Unreadable[];
  withStoredCount: number;
  exact: number;
  within2Percent: number;
  outside2Percent: Miss[];
}

type Figure = (analysis: Analysis) => number | null;

const RAW_MINUS_ONE: Figure = (a) => {
  const raw = a.manuscript?.counts.rawStoryLength;
  return raw === undefined || raw === null ? null : raw - 1;
};
const SIGNES_TOTAL: Figure = (a) => a.manuscript?.counts.signes.total ?? null;

export async function analyse(path: string): Promise<Analysis | { crash: string }> {
  try {
    return await analyseManuscript({ path }, { keepText: false });
  } catch (e) {
    return { crash: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

function errorOf(result: Analysis | { crash: string }): string | null {
  if ('crash' in result) return `crashed (${result.crash})`;
  if (result.error) return result.error.code;
  if (!result.manuscript) return 'no manuscript';
  return null;
}

function newClass(name: string, gate: boolean): ClassResult {
  return { name, gate, checked: 0, agreed: 0, misses: [] };
}

function check(target: ClassResult, row: CorpusRow, result: Analysis | { crash: string }, figure: Figure) {
  const expected = row.cws ?? Number.NaN;
  target.checked++;
  const error = errorOf(result);
  const got = error === null ? figure(result as Analysis) : null;
  if (got === expected) {
    target.agreed++;
    return;
  }
  const miss: Miss = { file: row.file, expected, got, difference: got === null ? null : got - expected };
  if (error !== null) miss.error = error;
  target.misses.push(miss);
}

export async function checkDocx(rows: CorpusRow[]): Promise<DocxResult> {
  const story = newClass('story-length-1 (rawStoryLength − 1)', true);
  const visible = newClass('visible-text (signes.total)', true);
  const bothRaw = newClass('both(ambiguous): rawStoryLength − 1', false);
  const bothVisible = newClass('both(ambiguous): signes.total', false);
  const out: DocxResult = {
    classes: [story, visible, bothRaw, bothVisible],
    files: 0,
    readable: 0,
    unreadable: [],
  };
  for (const row of rows) {
    const result = await analyse(row.path);
    out.files++;
    const error = errorOf(result);
    if (error === null) out.readable++;
    else out.unreadable.push({ file: row.file, error });
    if (row.cws === null) continue;
    if (row.model === 'story-length-1') check(story, row, result, RAW_MINUS_ONE);
    else if (row.model === 'visible-text') check(visible, row, result, SIGNES_TOTAL);
    else if (row.model === 'both(ambiguous)') {
      check(bothRaw, row, result, RAW_MINUS_ONE);
      check(bothVisible, row, result, SIGNES_TOTAL);
    }
  }
  return out;
}

/** LibreOffice's meta:character-count includes list labels and headers: a neighbour, not an oracle. */
export async function checkOdt(rows: CorpusRow[]): Promise<OdtResult> {
  const out: OdtResult = {
    files: 0,
    readable: 0,
    unreadable: [],
    withStoredCount: 0,
    exact: 0,
    within2Percent: 0,
    outside2Percent: [],
  };
  for (const row of rows) {
    const result = await analyse(row.path);
    out.files++;
    const error = errorOf(result);
    if (error !== null) {
      out.unreadable.push({ file: row.file, error });
      continue;
    }
    out.readable++;
    if (row.cws === null) continue;
    out.withStoredCount++;
    const got = SIGNES_TOTAL(result as Analysis) ?? Number.NaN;
    const difference = got - row.cws;
    if (difference === 0) out.exact++;
    if (Math.abs(difference) <= 0.02 * row.cws) out.within2Percent++;
    else out.outside2Percent.push({ file: row.file, expected: row.cws, got, difference });
  }
  return out;
}
