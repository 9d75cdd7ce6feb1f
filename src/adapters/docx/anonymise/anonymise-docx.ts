import yazl from 'yazl';
import {
  AUTHOR_PLACEHOLDER,
  type Identity,
  type NameFinder,
  nameFinder,
} from '../../../domain/manuscript/author-names.js';
import { DEFAULT_LIMITS, type ReaderLimits } from '../../../domain/manuscript/limits.js';
import { AppError } from '../../../domain/shared/errors.js';
import type { AnonymisedCopy } from '../../../ports/anonymiser.js';
import { Deadline } from '../../shared/deadline.js';
import { ZipArchive } from '../../zip/zip-archive.js';
import { rewriteAttributes, rewriteRunText, rewriteTextNodes } from './xml-text.js';

/** The page preview Word stores at save time: a picture of the first page, names included. */
const THUMBNAIL = /^docProps\/thumbnail\.[a-z]+$/i;
const XML_PART = /\.(xml|rels)$/i;
/** Parts whose w:t runs carry the text: body, notes, headers, footers, comments, glossary. */
const WORD_PART = /^word\/.*\.xml$/i;
/** Where a placeholder must stay a valid URI: relationship targets. */
const RELS_PLACEHOLDER = 'auteur-anonyme';
/** Every entry of the copy gets this date: the same file anonymised twice gives the same bytes. */
const ENTRY_DATE = new Date('2000-01-01T00:00:00Z');

/**
 * Makes the copy of a .docx that a blind review needs. In every XML part, the authors' names and
 * addresses become « [Auteur] » (split runs included); the properties that say who wrote or
 * changed the file are emptied (creator, last modified by, company, manager, tracked changes'
 * and comments' authors, people.xml); the template's path (it often holds a login name) becomes
 * Normal.dotm; the first-page preview picture is dropped. Everything else — text, styles,
 * pictures, notes — is copied byte for byte, so the copy opens and counts as the original.
 * Not covered, and said so in the report: names inside pictures, embedded objects, and .odt/.doc.
 */
export async function anonymiseDocx(
  bytes: Buffer,
  people: readonly Identity[],
  limits: ReaderLimits = DEFAULT_LIMITS,
): Promise<AnonymisedCopy> {
  const finder = nameFinder(people);
  if (finder === null) throw new AppError('ANONYMISE_NO_NAMES', {});
  const archive = await ZipArchive.open(bytes, limits, new Deadline(limits.maxMilliseconds));
  const zip = new yazl.ZipFile();
  const report: AnonymisedCopy['report'] = { replaced: 0, partsChanged: [], droppedParts: [], embedded: 0 };
  try {
    for (const name of archive.names()) {
      if (name.endsWith('/')) continue;
      if (THUMBNAIL.test(name)) {
        report.droppedParts.push(name);
        continue;
      }
      if (/^word\/embeddings\//i.test(name)) report.embedded++;
      const original = await entryBytes(archive, name);
      const changed = XML_PART.test(name) ? anonymisePart(name, original.toString('utf8'), finder) : null;
      if (changed && changed.count > 0) {
        report.replaced += changed.count;
        report.partsChanged.push(name);
      }
      const out = changed ? Buffer.from(changed.xml, 'utf8') : original;
      zip.addBuffer(out, name, { mtime: ENTRY_DATE, compress: true });
    }
  } finally {
    archive.close();
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  return { bytes: Buffer.concat(chunks), report };
}

async function entryBytes(archive: ZipArchive, name: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of archive.stream(name)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

interface PartResult {
  xml: string;
  count: number;
}

function anonymisePart(name: string, xml: string, finder: NameFinder): PartResult {
  // As every reader does: an entity declaration could expand into anything (billion laughs).
  if (/<!DOCTYPE/i.test(xml)) throw new AppError('XML_DOCTYPE');
  if (/\.rels$/i.test(name)) return anonymiseRelationships(xml, finder);
  let count = 0;
  let out = xml;
  const step = (result: PartResult) => {
    out = result.xml;
    count += result.count;
  };
  step(emptyProperties(out, name));
  step(rewriteAttributes(out, finder, AUTHOR_PLACEHOLDER));
  step(
    WORD_PART.test(name)
      ? rewriteRunText(out, finder, AUTHOR_PLACEHOLDER)
      : rewriteTextNodes(out, finder, AUTHOR_PLACEHOLDER),
  );
  return { xml: out, count };
}

/** The document properties that name who wrote, changed or owns the file, emptied. */
const WHO_PROPERTIES: Record<string, readonly string[]> = {
  'docprops/core.xml': ['dc:creator', 'cp:lastModifiedBy'],
  'docprops/app.xml': ['Company', 'Manager'],
};

function emptyProperties(xml: string, name: string): PartResult {
  let count = 0;
  let out = xml;
  for (const element of WHO_PROPERTIES[name.toLowerCase()] ?? []) {
    const full = new RegExp(`<${element}(\\s[^>]*)?>[^<]+</${element}>`, 'g');
    out = out.replace(full, (_whole, attributes: string | undefined) => {
      count++;
      return `<${element}${attributes ?? ''}></${element}>`;
    });
  }
  return { xml: out, count };
}

/**
 * Relationships: targets that hold a name or an address (a mailto: link) get a URI-safe
 * placeholder; the attached template's path (C:\Users\login\…) becomes Normal.dotm; the
 * preview picture's relationship goes with the picture.
 */
function anonymiseRelationships(xml: string, finder: NameFinder): PartResult {
  let count = 0;
  const withoutThumbnail = xml.replace(
    /<Relationship\b[^>]*Target="\/?docProps\/thumbnail\.[a-z]+"[^>]*\/>/gi,
    () => {
      count++;
      return '';
    },
  );
  const templated = withoutThumbnail.replace(
    /(<Relationship\b[^>]*Type="[^"]*\/attachedTemplate"[^>]*Target=")([^"]*)(")/g,
    (whole, before: string, target: string, after: string) => {
      if (target === 'Normal.dotm') return whole;
      count++;
      return `${before}Normal.dotm${after}`;
    },
  );
  const named = rewriteAttributes(templated, finder, RELS_PLACEHOLDER);
  return { xml: named.xml, count: count + named.count };
}
