import type { FileKind, Manuscript } from '../domain/manuscript/model.js';
import type { AppError } from '../domain/shared/errors.js';

/** What reading one file gave: a manuscript, or a coded error saying why not. */
export interface Analysis {
  /** The file's name or path as given (never used to open anything but the file itself). */
  file: string;
  kind: FileKind;
  manuscript: Manuscript | null;
  error: AppError | null;
}

export type ManuscriptSource = { path: string } | { bytes: Buffer; name: string };
