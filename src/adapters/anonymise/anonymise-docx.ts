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
import { rewriteAttributes, rewriteRunText, rewriteTextNodes } from './xml-text.js';

/** The page preview Word stores at save time: a picture of the first page, names included. */
const THUMBNAIL = /^docProps\/thumbnail\.[a-z]+$/i;
/** Parts whose w:t runs carry the text: body, notes, headers, footers, comments, glossary. */
const WORD_PART = /^word\/.*\.xml$/i;
/** Where a placeholder must stay a valid URI: relationship targets. */
const RELS_PLACEHOLDER = 'auteur-anonyme';

/** The document properties that name who wrote, changed or owns the file, emptied. */
const WHO_PROPERTIES: Record<string, readonly string[]> = {
  'docprops/core.xml': ['dc:creator', 'cp:lastModifiedBy'],
  'docprops/app.xml': ['Company', 'Manager'],
};

/**
 * Makes the copy of a .docx that a blind review needs. In every XML part, the authors' names and
 * addresses become « [Auteur] » (split runs included); the properties that say who wrote or
 * changed the file are emptied (creator, last modified by, company, manager, tracked changes'
 * and comments' authors, people.xml); the template's path (it often holds a login name) becomes
 * Normal.dotm; the first-page preview picture is dropped. Everything else — text, styles,
 * pictures, notes — is copied byte for byte, so the copy opens and counts as the original.
 * Not covered, and said so in the report: names inside pictures and embedded objects.
 * For a reader's annotated file (`role` reader), the same rules with « [Relecture] » and
 * « Relecture » as the comments' and changes' author.
 */
export async function anonymiseDocx(
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
      embedded: (name) => /^word\/embeddings\//i.test(name),
      rewrite: (name, xml) =>
        /\.rels$/i.test(name) ? relationships(xml, finder) : part(name, xml, finder, labels),
    },
    limits,
  );
}

function part(name: string, xml: string, finder: NameFinder, labels: AnonymousLabels): PartResult {
  const { placeholder } = labels;
  return steps(xml, [
    (x) => emptyElements(x, WHO_PROPERTIES[name.toLowerCase()] ?? []),
    (x) => rewriteAttributes(x, finder, placeholder, labels),
    (x) =>
      WORD_PART.test(name)
        ? rewriteRunText(x, finder, placeholder)
        : rewriteTextNodes(x, finder, placeholder),
  ]);
}

/**
 * Relationships: targets that hold a name or an address (a mailto: link) get a URI-safe
 * placeholder; the attached template's path (C:\Users\login\…) becomes Normal.dotm; the
 * preview picture's relationship goes with the picture.
 */
function relationships(xml: string, finder: NameFinder): PartResult {
  return steps(xml, [
    (x) => {
      let count = 0;
      const out = x.replace(/<Relationship\b[^>]*Target="\/?docProps\/thumbnail\.[a-z]+"[^>]*\/>/gi, () => {
        count++;
        return '';
      });
      return { xml: out, count };
    },
    (x) => {
      let count = 0;
      const out = x.replace(
        /(<Relationship\b[^>]*Type="[^"]*\/attachedTemplate"[^>]*Target=")([^"]*)(")/g,
        (whole, before: string, target: string, after: string) => {
          if (target === 'Normal.dotm') return whole;
          count++;
          return `${before}Normal.dotm${after}`;
        },
      );
      return { xml: out, count };
    },
    (x) => rewriteAttributes(x, finder, RELS_PLACEHOLDER),
  ]);
}
