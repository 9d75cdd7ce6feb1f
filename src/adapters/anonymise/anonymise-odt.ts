import { AUTHOR_PLACEHOLDER, type Identity, type NameFinder } from '../../domain/manuscript/author-names.js';
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
 * uncompressed, as ODF requires.
 */
export async function anonymiseOdt(
  bytes: Buffer,
  people: readonly Identity[],
  limits?: ReaderLimits,
): Promise<AnonymisedCopy> {
  const finder = finderFor(people);
  return rewritePackage(
    bytes,
    {
      drop: (name) => THUMBNAIL.test(name),
      embedded: (name) => /^Object[ _]?\d+\/content\.xml$/i.test(name),
      stored: (name) => name === 'mimetype',
      rewrite: (name, xml) => part(name, xml, finder),
    },
    limits,
  );
}

function part(name: string, xml: string, finder: NameFinder): PartResult {
  if (/^META-INF\/manifest\.xml$/i.test(name)) return withoutThumbnail(xml);
  if (/^meta\.xml$/i.test(name)) {
    return steps(xml, [
      (x) => emptyElements(x, ['meta:initial-creator', 'dc:creator', 'meta:printed-by']),
      (x) => rewriteAttributes(x, finder, AUTHOR_PLACEHOLDER),
      (x) => rewriteTextNodes(x, finder, AUTHOR_PLACEHOLDER),
    ]);
  }
  return steps(xml, [
    // Inside content: who made a tracked change, who wrote an annotation.
    (x) => emptyElements(x, ['dc:creator'], 'Auteur'),
    (x) => emptyElements(x, ['meta:creator-initials'], 'A'),
    (x) => rewriteAttributes(x, finder, AUTHOR_PLACEHOLDER),
    (x) => rewriteOdfText(x, finder, AUTHOR_PLACEHOLDER),
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
