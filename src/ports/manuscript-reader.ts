import type { Analysis, ManuscriptSource } from '../app/analysis.js';
import type { ReaderLimits } from '../domain/manuscript/limits.js';

export interface ReadOptions {
  limits?: Partial<ReaderLimits>;
  /** Keep each paragraph's text in the model (previews, anonymity checks); off for pure counting. */
  keepText?: boolean;
}

/** Turns a file into the manuscript model, or a coded reason why it cannot. Never throws for bad input. */
export type ManuscriptReader = (source: ManuscriptSource, options?: ReadOptions) => Promise<Analysis>;
