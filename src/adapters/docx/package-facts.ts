import type { CoreProperties, StoredStatistics } from '../../domain/manuscript/model.js';
import { type PartContext, readLeafTexts, readPart } from './part-reading.js';
import { toggleOn } from './styles.js';

const APP_FIELDS = new Set([
  'ep:Application',
  'ep:AppVersion',
  'ep:Characters',
  'ep:CharactersWithSpaces',
  'ep:Words',
  'ep:Paragraphs',
  'ep:Pages',
]);
const CORE_FIELDS = new Set(['dc:creator', 'cp:lastModifiedBy', 'dc:title']);

function count(value: string | undefined): number | null {
  if (value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : null;
}

/** The statistics the producing program stored in docProps/app.xml (information, never the verdict). */
export async function readStoredStatistics(
  context: PartContext,
  part: string,
): Promise<StoredStatistics | null> {
  if (!context.archive.has(part)) return null;
  const fields = await readLeafTexts(context, part, APP_FIELDS);
  return {
    charactersWithSpaces: count(fields.get('ep:CharactersWithSpaces')),
    characters: count(fields.get('ep:Characters')),
    words: count(fields.get('ep:Words')),
    paragraphs: count(fields.get('ep:Paragraphs')),
    pages: count(fields.get('ep:Pages')),
    application: fields.get('ep:Application') || null,
    appVersion: fields.get('ep:AppVersion') || null,
  };
}

export async function readCoreProperties(context: PartContext, part: string): Promise<CoreProperties> {
  const fields = await readLeafTexts(context, part, CORE_FIELDS);
  return {
    creator: fields.get('dc:creator') || null,
    lastModifiedBy: fields.get('cp:lastModifiedBy') || null,
    title: fields.get('dc:title') || null,
  };
}

/**
 * Word's "include text boxes, footnotes and endnotes" box: unticked, settings.xml carries
 * w:doNotIncludeSubdocsInStats and the dialog counts the main text only.
 */
export async function readSubdocsIncluded(context: PartContext, part: string | undefined): Promise<boolean> {
  let included = true;
  if (!part) return included;
  let depth = 0;
  await readPart(context, part, {
    // Only the root's children are looked at: their content (w:rsids above all) is jumped over.
    open(name, attributes) {
      depth++;
      if (name === 'w:doNotIncludeSubdocsInStats') included = !toggleOn(attributes.get('w:val'));
      return depth === 2;
    },
    close() {
      depth--;
    },
    text() {},
  });
  return included;
}

/** Counts the elements of one name in a part (comments in comments.xml …). */
export async function countElements(
  context: PartContext,
  part: string | undefined,
  element: string,
): Promise<number> {
  let n = 0;
  if (!part) return n;
  await readPart(context, part, {
    open(name) {
      if (name !== element) return false;
      n++;
      return true; // what a comment says is not ours to read
    },
    close() {},
    text() {},
  });
  return n;
}
