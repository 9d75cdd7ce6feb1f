/**
 * Caps every reader keeps. Untrusted input is the normal case: a file that goes past a cap gets a
 * coded error, never a crash, a hang or a swollen process.
 */
export interface ReaderLimits {
  /** Size of the file as received. */
  maxFileBytes: number;
  /** Entries in a zip container (.docx, .odt). */
  maxEntries: number;
  /** Sum of the declared uncompressed sizes of the entries we read. */
  maxTotalUncompressedBytes: number;
  /** One XML part, uncompressed (document.xml, content.xml …). */
  maxPartBytes: number;
  /** Uncompressed / compressed, for entries above 1 MiB. Deflate itself tops out near 1032. */
  maxCompressionRatio: number;
  /** Element nesting in any XML part. */
  maxXmlDepth: number;
  /** Wall-clock time for one file. */
  maxMilliseconds: number;
}

export const DEFAULT_LIMITS: ReaderLimits = {
  maxFileBytes: 100 * 1024 * 1024,
  maxEntries: 5000,
  maxTotalUncompressedBytes: 400 * 1024 * 1024,
  maxPartBytes: 50 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxXmlDepth: 256,
  maxMilliseconds: 30_000,
};
