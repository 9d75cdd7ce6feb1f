/**
 * Which stored files the records name: a manuscript version's file (and the files table that
 * lists them), a message's raw bytes in the ledger. A file named here is never swept, however old.
 */
export interface FileReferences {
  /** The hashes among `sha256s` that some record names. */
  referenced(sha256s: readonly string[]): Promise<Set<string>>;
}
