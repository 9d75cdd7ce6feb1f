import type { ReaderLimits } from '../../domain/manuscript/limits.js';
import {
  type CoreProperties,
  emptyFacts,
  type Manuscript,
  type ReaderNote,
  type StoredStatistics,
} from '../../domain/manuscript/model.js';
import { Tally } from '../../domain/manuscript/tally.js';
import { AppError } from '../../domain/shared/errors.js';
import type { Deadline } from '../shared/deadline.js';
import { CompoundFile, CompoundFileError } from './compound-file.js';
import { docUnreadable } from './doc-errors.js';
import { type DocTextFigures, tallyStory } from './doc-text.js';
import { includesSubdocsInStats } from './dop.js';
import type { RawStories } from './extract-stories.js';
import { checkPieceTable, readFib } from './fib.js';
import { extractIsolated } from './isolated-extract.js';
import { DOC_SUMMARY, type PropertyValue, readPropertySet, SUMMARY } from './summary-info.js';

export interface ReadDocOptions {
  limits: ReaderLimits;
  deadline: Deadline;
  keepText?: boolean;
}

/** Why a .doc count is approximate, for whoever reads the analysis (the author sees a finding). */
const APPROXIMATE: ReaderNote = {
  code: 'DOC_APPROXIMATE',
  detail:
    'Counted from the Word 97-2003 binary format: deleted, inserted and hidden text are told apart ' +
    'by direct character formatting only, so text hidden through a style is counted.',
};

const SUBDOCS_SETTING_UNREAD: ReaderNote = {
  code: 'DOC_SUBDOCS_SETTING_UNREAD',
  detail:
    'The file holds no document properties (Dop) to say whether Word counts notes and text boxes: ' +
    'they are counted.',
};

/**
 * Reads a Word 97-2003 document (.doc): a best-effort count, flagged approximate (DESIGN.md).
 * The container and the FIB are checked here; the text comes from word-extractor, run in a
 * worker thread that the deadline can stop; the count goes through the same Tally as .docx.
 */
export async function readDoc(bytes: Buffer, options: ReadDocOptions): Promise<Manuscript> {
  const { limits, deadline } = options;
  if (bytes.length === 0) throw new AppError('FILE_EMPTY');
  if (bytes.length > limits.maxFileBytes) {
    throw new AppError('FILE_TOO_LARGE', { size: bytes.length, max: limits.maxFileBytes });
  }
  deadline.check();
  const container = openContainer(bytes);
  if (container.rootNames().includes('EncryptedPackage')) throw new AppError('ENCRYPTED');
  const wordDocument = stream(container, 'WordDocument');
  if (wordDocument === null)
    throw docUnreadable('aucun texte Word dans le fichier', 'no Word text in the file');
  const fib = readFib(wordDocument);
  const table = stream(container, fib.tableStream);
  if (table === null) throw docUnreadable('la table du texte manque', 'the text table is missing');
  checkPieceTable(fib, table, wordDocument);
  deadline.check();

  const stories = await extractIsolated(wordDocument, table, limits.maxMilliseconds);
  deadline.check();

  const subdocs = includesSubdocsInStats(fib, table);
  const manuscript = count(stories, subdocs ?? true, options.keepText ?? true);
  if (subdocs === null) manuscript.notes.push(SUBDOCS_SETTING_UNREAD);
  manuscript.facts.flavour = fib.template ? 'template' : null;
  manuscript.facts.macros = container.rootNames().includes('Macros');
  manuscript.facts.embeddedObjects = container.childCount('ObjectPool');
  const summary = readPropertySet(stream(container, '\u0005SummaryInformation'));
  const documentSummary = readPropertySet(stream(container, '\u0005DocumentSummaryInformation'));
  manuscript.facts.stored = storedStatistics(summary, documentSummary);
  manuscript.facts.core = coreProperties(summary);
  return manuscript;
}

function openContainer(bytes: Buffer): CompoundFile {
  try {
    return CompoundFile.parse(bytes);
  } catch (e) {
    if (e instanceof CompoundFileError) throw CONTAINER_DAMAGED(e);
    throw e;
  }
}

const CONTAINER_DAMAGED = (e: Error) =>
  docUnreadable('l’enveloppe du fichier est endommagée', 'the file’s container is damaged', e.message);

function stream(container: CompoundFile, name: string): Buffer | null {
  try {
    return container.stream(name);
  } catch (e) {
    if (e instanceof CompoundFileError) throw CONTAINER_DAMAGED(e);
    throw e;
  }
}

function count(stories: RawStories, subdocsIncluded: boolean, keepText: boolean): Manuscript {
  const tally = new Tally(keepText);
  const figures: DocTextFigures = { comments: 0, images: 0, deletions: 0, insertions: 0 };
  tallyStory(tally, stories.body, 'body', figures);
  tallyStory(tally, stories.footnotes, 'footnote', figures);
  tallyStory(tally, stories.endnotes, 'endnote', figures);
  tallyStory(tally, stories.textboxes, 'textbox', figures);
  tally.headersFooters(stories.headersFooters > 0);
  const facts = emptyFacts();
  facts.comments = figures.comments;
  facts.images = figures.images;
  facts.headersFooters = stories.headersFooters;
  facts.trackedChanges = { insertions: figures.insertions, deletions: figures.deletions, moves: 0 };
  const { counts, paragraphs } = tally.finish({ subdocsIncluded, hasRawLength: false, approximate: true });
  facts.hiddenText = counts.leftOut.hiddenChars > 0;
  return { format: 'doc', counts, paragraphs, facts, notes: [APPROXIMATE] };
}

function numberOf(value: PropertyValue | undefined): number | null {
  return typeof value === 'number' && value >= 0 ? value : null;
}

function textOf(value: PropertyValue | undefined): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function storedStatistics(
  summary: Map<number, PropertyValue>,
  documentSummary: Map<number, PropertyValue>,
): StoredStatistics | null {
  if (summary.size === 0 && documentSummary.size === 0) return null;
  const version = numberOf(documentSummary.get(DOC_SUMMARY.version));
  return {
    charactersWithSpaces: numberOf(documentSummary.get(DOC_SUMMARY.charsWithSpaces)),
    characters: numberOf(summary.get(SUMMARY.charCount)),
    words: numberOf(summary.get(SUMMARY.wordCount)),
    paragraphs: numberOf(documentSummary.get(DOC_SUMMARY.paragraphCount)),
    pages: numberOf(summary.get(SUMMARY.pageCount)),
    application: textOf(summary.get(SUMMARY.appName)),
    // The version is major << 16 | build, shown as in docProps/app.xml ("11.0000").
    appVersion: version === null ? null : `${version >>> 16}.${String(version & 0xffff).padStart(4, '0')}`,
  };
}

function coreProperties(summary: Map<number, PropertyValue>): CoreProperties {
  return {
    creator: textOf(summary.get(SUMMARY.author)),
    lastModifiedBy: textOf(summary.get(SUMMARY.lastAuthor)),
    title: textOf(summary.get(SUMMARY.title)),
  };
}
