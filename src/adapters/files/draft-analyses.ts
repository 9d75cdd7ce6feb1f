import { createHash } from 'node:crypto';
import { mkdir, readFile, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppError, ERRORS, type ErrorCode, type ErrorParams } from '../../domain/shared/errors.js';
import type { DraftAnalyses, RememberedAnalysis } from '../../ports/draft-analyses.js';
import { syncDir, writeDurably } from './durable.js';

const SHA256 = /^[0-9a-f]{64}$/;
/** Raised when what is written changes shape: older entries are then ignored, not misread. */
const FORMAT = 1;

interface Header {
  format: number;
  sha256: string;
  byteSize: number;
  /** SHA-256 of the body as written: a torn or altered entry is never trusted. */
  digest: string;
}

/**
 * Remembered analyses as files: DATA/drafts/<sha256>.json, private to the server (never served).
 * One header line (the file's hash and size, the body's digest), then the analysis as JSON.
 *
 * Written like every file we keep (temp, fsync, rename, folder fsync), yet only a shortcut: an
 * entry that is missing, unreadable, of another format, for other bytes or not matching its digest
 * is answered null, and the caller reads the file itself as before.
 */
export class LocalDraftAnalyses implements DraftAnalyses {
  private dirMade = false;

  constructor(readonly dir: string) {}

  async find(sha256: string): Promise<RememberedAnalysis | null> {
    if (!SHA256.test(sha256)) return null;
    let text: string;
    try {
      text = await readFile(this.pathOf(sha256), 'utf8');
    } catch {
      return null;
    }
    return decode(text, sha256);
  }

  async remember(sha256: string, remembered: RememberedAnalysis): Promise<void> {
    if (!SHA256.test(sha256)) throw new AppError('STORED_FILE_MISSING', { sha256: 'invalid reference' });
    await this.makeDir();
    await writeDurably(this.dir, `${sha256}.json`, Buffer.from(encode(sha256, remembered), 'utf8'));
  }

  async forget(sha256: string): Promise<void> {
    if (!SHA256.test(sha256)) return;
    await unlink(this.pathOf(sha256)).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
  }

  /** The folder, made once; a folder just made is a new name in its parent, fsynced too. */
  private async makeDir(): Promise<void> {
    if (this.dirMade) return;
    const first = await mkdir(this.dir, { recursive: true, mode: 0o700 });
    if (first !== undefined) await syncDir(dirname(this.dir));
    this.dirMade = true;
  }

  private pathOf(sha256: string): string {
    return join(this.dir, `${sha256}.json`);
  }
}

function encode(sha256: string, { byteSize, analysis }: RememberedAnalysis): string {
  const body = JSON.stringify({
    kind: analysis.kind,
    manuscript: analysis.manuscript,
    error: analysis.error ? { code: analysis.error.code, params: analysis.error.params } : null,
  });
  const header: Header = { format: FORMAT, sha256, byteSize, digest: digestOf(body) };
  return `${JSON.stringify(header)}\n${body}`;
}

function decode(text: string, sha256: string): RememberedAnalysis | null {
  const newline = text.indexOf('\n');
  if (newline < 0) return null;
  try {
    const header = JSON.parse(text.slice(0, newline)) as Partial<Header>;
    const body = text.slice(newline + 1);
    if (header.format !== FORMAT || header.sha256 !== sha256 || typeof header.byteSize !== 'number') {
      return null;
    }
    if (header.digest !== digestOf(body)) return null;
    const parsed = JSON.parse(body) as {
      kind: RememberedAnalysis['analysis']['kind'];
      manuscript: RememberedAnalysis['analysis']['manuscript'];
      error: { code: string; params: ErrorParams } | null;
    };
    const error = parsed.error ? errorOf(parsed.error.code, parsed.error.params) : null;
    if (parsed.error && !error) return null;
    return {
      byteSize: header.byteSize,
      analysis: { kind: parsed.kind, manuscript: parsed.manuscript, error },
    };
  } catch {
    return null;
  }
}

/** The coded error again; null for a code this version no longer has (the entry is then ignored). */
function errorOf(code: string, params: ErrorParams): AppError | null {
  return Object.hasOwn(ERRORS, code) ? new AppError(code as ErrorCode, params) : null;
}

function digestOf(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex');
}
