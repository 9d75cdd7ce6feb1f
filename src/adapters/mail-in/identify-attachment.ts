import { DEFAULT_LIMITS } from '../../domain/manuscript/limits.js';
import type { FileKind } from '../../domain/manuscript/model.js';
import { Deadline } from '../shared/deadline.js';
import { oleKind, SNIFF_BYTES, sniffBytes, zipKind } from '../sniff/identify.js';
import { ZipArchive } from '../zip/zip-archive.js';

/**
 * What an attachment is, by its content (the same recognition as the manuscript reader): a
 * "texte.docx" that is really a .doc, or a PDF named .docx, is known for what it is.
 */
export async function identifyAttachment(bytes: Buffer): Promise<FileKind> {
  const sniffed = sniffBytes(bytes.subarray(0, SNIFF_BYTES));
  if (sniffed === 'ole-container') return oleKind(bytes);
  if (sniffed !== 'zip-container') return sniffed;
  let archive: ZipArchive | undefined;
  try {
    archive = await ZipArchive.open(bytes, DEFAULT_LIMITS, new Deadline(5_000));
    return await zipKind(archive);
  } catch {
    // A damaged or hostile zip is still a zip; the manuscript reader will say what is wrong.
    return 'zip';
  } finally {
    archive?.close();
  }
}
