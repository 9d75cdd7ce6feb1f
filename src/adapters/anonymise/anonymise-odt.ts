import {
  ANONYMOUS_LABELS,
  type AnonymousLabels,
  type AnonymousRole,
  type Identity,
  type NameFinder,
} from '../../domain/manuscript/author-names.js';
import type { ReaderLimits } from '../../domain/manuscript/limits.js';
import type { AnonymisedCopy } from '../../ports/anonymiser.js';
import { rewritePackage } from './rewrite-package.js';
import { emptyElements, finderFor, type PartResult, steps } from './rules.js';
import { rewriteAttributes, rewriteOdfText, rewriteTextNodes } from './xml-text.js';

/** The preview LibreOffice stores at save time: a picture of the first page, names included. */
const THUMBNAIL = /^Thumbnails\//i;

/**
 * The anonymised copy of an .odt (LibreOffice), by the same rules as a .docx: names and addresses
 * become « [Auteur] » in every XML part (a name cut by a span included); meta.xml's initial
 * creator, creator and printed-by are emptied; tracked changes' and annotations' creators become
 * « Auteur »; the preview picture goes, with its line in the manifest. `mimetype` stays first and
 * uncompressed, as ODF requires. A reader's annotated file (`role` reader) gets « Relecture ».
 */
export async function anonymiseOdt(
  bytes: Buffer,
  people: readonly Identity[],
  role: AnonymousRole = 'author',
  limits?: ReaderLimits,
): Promise<AnonymisedCopy> {
  const finder = finderFor(people);
  const labels = ANONYMOUS_LABELS[role];
  return rewritePackage(
    bytes,
    {
      drop: (name) => THUMBNAIL.test(name),
      embedded: (name) => /^Object[ _]?\d+\/content\.xml$/i.test(name),
      stored: (name) => name === 'mimetype',
      rewrite: (name, xml) => part(name, xml, finder, labels),
    },
    limits,
  );
}

function part(name: string, xml: string, finder: NameFinder, labels: AnonymousLabels): PartResult {
  const { placeholder } = labels;
  if (/^META-INF\/manifest\.xml$/i.test(name)) return withoutThumbnail(xml);
  if (/^meta\.xml$/i.test(name)) {
    return steps(xml, [
      (x) => emptyElements(x, ['meta:initial-creator', 'dc:creator', 'meta:printed-by']),
      (x) => rewriteAttributes(x, finder, placeholder, labels),
      (x) => rewriteTextNodes(x, finder, placeholder),
    ]);
  }
  return steps(xml, [
    // Inside content: who made a tracked change, who wrote an annotation.
    (x) => emptyElements(x, ['dc:creator'], labels.who),
    (x) => emptyElements(x, ['meta:creator-initials'], labels.initials),
    (x) => rewriteAttributes(x, finder, placeholder, labels),
    (x) => rewriteOdfText(x, finder, placeholder),
  ]);
}

function withoutThumbnail(xml: string): PartResult {
  let count = 0;
  const out = xml.replace(
    /<manifest:file-entry\b[^>]*manifest:full-path="Thumbnails\/[^"]*"[^>]*\/>/g,
    () => {
      count++;
      return '';
    },
  );
  return { xml: out, count };
}
