import type { ReaderLimits } from '../../domain/manuscript/limits.js';
import {
  emptyFacts,
  type Manuscript,
  type ManuscriptFacts,
  type ManuscriptFormat,
  type ReaderNote,
} from '../../domain/manuscript/model.js';
import { Tally } from '../../domain/manuscript/tally.js';
import { AppError } from '../../domain/shared/errors.js';
import type { Deadline } from '../shared/deadline.js';
import type { ZipArchive } from '../zip/zip-archive.js';
import {
  countElements,
  readCoreProperties,
  readStoredStatistics,
  readSubdocsIncluded,
} from './package-facts.js';
import { type PartContext, readPart } from './part-reading.js';
import {
  countExternalRelationships,
  type Relationship,
  readRelationships,
  relationshipsPartOf,
} from './relationships.js';
import { StoryWalker } from './story-walker.js';
import { readStyles } from './styles.js';

export interface DocxReadOptions {
  limits: ReaderLimits;
  deadline: Deadline;
  format: Extract<ManuscriptFormat, 'docx' | 'docm' | 'dotx' | 'dotm'>;
  keepText?: boolean;
}

const FLAVOURS: Record<DocxReadOptions['format'], ManuscriptFacts['flavour']> = {
  docx: null,
  docm: 'macro-enabled',
  dotx: 'template',
  dotm: 'macro-enabled-template',
};

/**
 * Reads a WordprocessingML package into the manuscript model. Parts are found through the
 * relationships, as Word does (the main part is not always word/document.xml), and streamed.
 */
export async function readDocx(archive: ZipArchive, options: DocxReadOptions): Promise<Manuscript> {
  const context: PartContext = { archive, limits: options.limits, deadline: options.deadline };
  const packageRels = await readRelationships(context, '');
  const main = targetOf(packageRels, 'officeDocument') ?? 'word/document.xml';
  if (!archive.has(main)) throw new AppError('DOCX_NO_DOCUMENT');
  const documentRels = await readRelationships(context, main);
  const target = (type: string) => targetOf(documentRels, type);

  const facts = emptyFacts();
  facts.flavour = FLAVOURS[options.format];
  const notes: ReaderNote[] = [];
  const styles = await readStyles(context, target('styles'));
  const languages = new Map(styles.languages);
  const tally = new Tally(options.keepText ?? true);
  const walk = (story: 'body' | 'footnote' | 'endnote', part: string | undefined) =>
    part
      ? readPart(
          context,
          part,
          new StoryWalker({ tally, styles, facts, notes, languages, story, countRaw: story === 'body' }),
        )
      : Promise.resolve(false);

  await walk('body', main);
  await walk('footnote', target('footnotes'));
  await walk('endnote', target('endnotes'));

  const subdocsIncluded = await readSubdocsIncluded(context, target('settings'));
  facts.comments = await countElements(context, target('comments'), 'w:comment');
  facts.headersFooters = documentRels.filter(
    (r) => !r.external && (r.type === 'header' || r.type === 'footer'),
  ).length;
  tally.headersFooters(facts.headersFooters > 0);
  facts.images = new Set(documentRels.filter((r) => r.type === 'image').map((r) => r.target)).size;
  facts.embeddedObjects = documentRels.filter((r) => r.type === 'oleObject' || r.type === 'package').length;
  facts.macros = archive.names().some((n) => n.toLowerCase().endsWith('vbaproject.bin'));
  // The two .rels parts read above are counted from what was read, not read again.
  const readRels = new Map<string, Relationship[]>();
  if (archive.has(relationshipsPartOf(''))) readRels.set(relationshipsPartOf('').toLowerCase(), packageRels);
  if (archive.has(relationshipsPartOf(main)))
    readRels.set(relationshipsPartOf(main).toLowerCase(), documentRels);
  facts.externalRelationships = await countExternalRelationships(context, readRels);
  facts.stored = await readStoredStatistics(
    context,
    targetOf(packageRels, 'extended-properties') ?? 'docProps/app.xml',
  );
  facts.core = await readCoreProperties(
    context,
    targetOf(packageRels, 'core-properties') ?? 'docProps/core.xml',
  );
  facts.languages = [...languages.entries()].sort((a, b) => b[1] - a[1]).map(([lang]) => lang);

  const { counts, paragraphs } = tally.finish({ subdocsIncluded, hasRawLength: true });
  facts.hiddenText = counts.leftOut.hiddenChars > 0;
  return { format: options.format, counts, paragraphs, facts, notes };
}

function targetOf(rels: Relationship[], type: string): string | undefined {
  return rels.find((r) => r.type === type && !r.external)?.target;
}
