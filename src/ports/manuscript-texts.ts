/**
 * The manuscripts' words for the desk's search, keyed by the file's hash (a text derived from a
 * file never changes: it is written once, when first needed). Texts are folded (foldForSearch).
 */
export interface ManuscriptTextIndex {
  /** Those of these files whose text is not kept yet. */
  missing(sha256s: readonly string[]): Promise<string[]>;
  /** Keeps a file's folded text; a second write for the same file changes nothing. */
  put(sha256: string, folded: string): Promise<void>;
  /** For each word (folded), the files among these whose text contains it. */
  containing(sha256s: readonly string[], words: readonly string[]): Promise<Map<string, Set<string>>>;
}
