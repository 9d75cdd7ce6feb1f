import { isAppError } from '../domain/shared/errors.js';
import { foldForSearch } from '../domain/shared/search-fold.js';
import type { FileStore } from '../ports/file-store.js';
import type { ManuscriptReader } from '../ports/manuscript-reader.js';
import type { ManuscriptTextIndex } from '../ports/manuscript-texts.js';

/** A manuscript's words kept for the search, at most: far above any call's length window. */
export const MAX_SEARCH_CHARS = 2_000_000;

export interface SearchTextDeps {
  index: ManuscriptTextIndex;
  files: Pick<FileStore, 'read'>;
  read: ManuscriptReader;
}

/** The file a submission's search looks into: its latest version's. */
export interface SearchedFile {
  submissionId: string;
  sha256: string;
  fileName: string;
}

/**
 * Use case: the submissions whose latest manuscript contains each word (folded). The texts not
 * kept yet are read from the store first and kept (a file's text never changes), so the first
 * search of a call reads its manuscripts once and later ones read nothing. A file that is not a
 * readable manuscript (a PDF, a damaged one) is kept as an empty text: it matches nothing and is
 * not read again; one the store cannot give now is tried again at the next search.
 */
export async function submissionsContaining(
  searched: readonly SearchedFile[],
  words: readonly string[],
  deps: SearchTextDeps,
): Promise<Map<string, Set<string>>> {
  const hits = new Map<string, Set<string>>(words.map((w) => [w, new Set<string>()]));
  if (words.length === 0 || searched.length === 0) return hits;
  await keepTexts(searched, deps);
  const files = await deps.index.containing(
    searched.map((s) => s.sha256),
    words,
  );
  for (const s of searched) {
    for (const word of words) if (files.get(word)?.has(s.sha256)) hits.get(word)?.add(s.submissionId);
  }
  return hits;
}

/** Reads and keeps the texts of those files not kept yet; how many were kept now. */
export async function keepTexts(searched: readonly SearchedFile[], deps: SearchTextDeps): Promise<number> {
  const missing = new Set(await deps.index.missing(searched.map((s) => s.sha256)));
  let kept = 0;
  for (const s of searched) {
    if (!missing.has(s.sha256)) continue;
    missing.delete(s.sha256);
    const folded = await foldedText(s, deps);
    if (folded === null) continue;
    await deps.index.put(s.sha256, folded);
    kept += 1;
  }
  return kept;
}

/** The file's words, folded; null when the store cannot give the file now. */
async function foldedText(file: SearchedFile, deps: Omit<SearchTextDeps, 'index'>): Promise<string | null> {
  let bytes: Buffer;
  try {
    bytes = await deps.files.read(file.sha256);
  } catch {
    return null;
  }
  let paragraphs: readonly { text: string }[];
  try {
    const analysis = await deps.read({ bytes, name: file.fileName }, { keepText: true });
    paragraphs = analysis.manuscript?.paragraphs ?? [];
  } catch (e) {
    // A refusal with a code (hostile or broken file) is an answer: nothing to search in it.
    if (isAppError(e)) return '';
    throw e;
  }
  return foldForSearch(paragraphs.map((p) => p.text).join('\n')).slice(0, MAX_SEARCH_CHARS);
}
