import type { Analysis } from '../app/analysis.js';
import type { HoldsTemporaries } from './file-store.js';

/** What was remembered of a kept upload when it was checked: its size and what reading it gave. */
export interface RememberedAnalysis {
  byteSize: number;
  analysis: Omit<Analysis, 'file'>;
}

/**
 * The analysis of a web upload, kept server-side between the check page and the confirmation, so
 * that the confirmation neither reads nor parses the file again. Keyed by the file's SHA-256; the
 * draft the browser holds only names the hash, never the analysis.
 */
export interface DraftAnalyses {
  /** What was remembered for these bytes; null when absent, damaged, or written for other bytes. */
  find(sha256: string): Promise<RememberedAnalysis | null>;
  remember(sha256: string, remembered: RememberedAnalysis): Promise<void>;
  /** Once the submission is recorded, the analysis lives in its version: the draft's copy goes. */
  forget(sha256: string): Promise<void>;
}

/** A kept analysis as a sweep sees it. */
export interface KeptAnalysis {
  sha256: string;
  byteSize: number;
  writtenAt: Date;
}

/** What the sweep needs of the kept analyses: an author who never confirms leaves one behind. */
export interface SweepableDraftAnalyses extends HoldsTemporaries {
  listKept(): AsyncIterable<KeptAnalysis>;
  /** Removes the entry unless written after `writtenBefore`; its size when this call removed it, else null. */
  discard(sha256: string, writtenBefore: Date): Promise<number | null>;
}
