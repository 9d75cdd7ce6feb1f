import { DEFAULT_LIMITS, type ReaderLimits } from '../../domain/manuscript/limits.js';
import { AppError } from '../../domain/shared/errors.js';
import type { AnonymisedCopy } from '../../ports/anonymiser.js';
import { Deadline } from '../shared/deadline.js';
import { writeZip, type ZipEntryToWrite } from '../zip/write-zip.js';
import { ZipArchive } from '../zip/zip-archive.js';

const XML_PART = /\.(xml|rels)$/i;

export interface PackageRules {
  /** Entries left out of the copy (preview pictures). */
  drop(name: string): boolean;
  /** An XML part's new text and how many replacements it took. */
  rewrite(name: string, xml: string): { xml: string; count: number };
  /** Entries that hold a whole embedded document, to be looked at by hand. */
  embedded(name: string): boolean;
  /** Entries stored without compression, as the format requires (ODF's mimetype). */
  stored?(name: string): boolean;
}

/**
 * A zip package (.docx, .odt) copied entry by entry in its own order, its XML parts rewritten by
 * the format's rules, read through the capped archive reader (entry count, sizes, ratio, time)
 * like every reader. A part with a DOCTYPE is refused as the readers refuse it.
 */
export async function rewritePackage(
  bytes: Buffer,
  rules: PackageRules,
  limits: ReaderLimits = DEFAULT_LIMITS,
): Promise<AnonymisedCopy> {
  const archive = await ZipArchive.open(bytes, limits, new Deadline(limits.maxMilliseconds));
  const entries: ZipEntryToWrite[] = [];
  const report: AnonymisedCopy['report'] = { replaced: 0, partsChanged: [], droppedParts: [], embedded: 0 };
  try {
    for (const name of archive.names()) {
      if (name.endsWith('/')) continue;
      if (rules.drop(name)) {
        report.droppedParts.push(name);
        continue;
      }
      if (rules.embedded(name)) report.embedded++;
      const original = await entryBytes(archive, name);
      let out = original;
      if (XML_PART.test(name)) {
        const xml = original.toString('utf8');
        // As every reader does: an entity declaration could expand into anything (billion laughs).
        if (/<!DOCTYPE/i.test(xml)) throw new AppError('XML_DOCTYPE');
        const changed = rules.rewrite(name, xml);
        if (changed.count > 0) {
          report.replaced += changed.count;
          report.partsChanged.push(name);
          out = Buffer.from(changed.xml, 'utf8');
        }
      }
      entries.push({ name, data: out, compress: !(rules.stored?.(name) ?? false) });
    }
  } finally {
    archive.close();
  }
  // Written with fixed dates: the same file anonymised twice gives the same bytes.
  return { bytes: await writeZip(entries), report };
}

async function entryBytes(archive: ZipArchive, name: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of archive.stream(name)) chunks.push(chunk);
  return Buffer.concat(chunks);
}
