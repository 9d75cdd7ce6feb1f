import { readDocx } from '../../src/adapters/docx/read-docx.js';
import { Deadline } from '../../src/adapters/shared/deadline.js';
import { ZipArchive } from '../../src/adapters/zip/zip-archive.js';
import { DEFAULT_LIMITS } from '../../src/domain/manuscript/limits.js';
import type { Manuscript } from '../../src/domain/manuscript/model.js';
import { type DocxParts, makeDocx } from './docx-fixtures.js';

/** Builds a .docx from parts and reads it with the docx reader alone. */
export async function readDocxParts(
  parts: DocxParts,
  format: 'docx' | 'docm' | 'dotx' = 'docx',
): Promise<Manuscript> {
  const bytes = await makeDocx(parts);
  const deadline = new Deadline(DEFAULT_LIMITS.maxMilliseconds);
  const archive = await ZipArchive.open(bytes, DEFAULT_LIMITS, deadline);
  try {
    return await readDocx(archive, { limits: DEFAULT_LIMITS, deadline, format });
  } finally {
    archive.close();
  }
}

/** Total signes of a body, notes and text boxes included. */
export async function signesOf(body: string, extra: Omit<DocxParts, 'body'> = {}): Promise<number> {
  return (await readDocxParts({ body, ...extra })).counts.signes.total;
}
