import type { ReaderLimits } from '../../domain/manuscript/limits.js';
import {
  emptyFacts,
  type Manuscript,
  type ManuscriptFacts,
  type ReaderNote,
} from '../../domain/manuscript/model.js';
import { Tally } from '../../domain/manuscript/tally.js';
import { AppError, isAppError } from '../../domain/shared/errors.js';
import type { Deadline } from '../shared/deadline.js';
import { notAWordFile } from '../sniff/describe-kind.js';
import { parseXmlStream } from '../xml/parse-stream.js';
import type { XmlHandler } from '../xml/tokenizer.js';
import type { ZipArchive } from '../zip/zip-archive.js';
import { OdtStyles } from './odt-styles.js';
import { applyFigures, ContentReader } from './read-content.js';
import { ManifestReader } from './read-manifest.js';
import { MetaReader } from './read-meta.js';
import { StylesReader } from './read-styles.js';

export interface ReadOdtOptions {
  limits: ReaderLimits;
  deadline: Deadline;
  keepText?: boolean;
}

const TEXT = 'application/vnd.oasis.opendocument.text';
const SMALL_PART = 1024 * 1024;

/**
 * Reads an OpenDocument text (.odt, .ott) the way DESIGN.md counts a .docx: content.xml through
 * the tally (notes and text boxes included, comments, tracked deletions and hidden text left
 * out), styles.xml for hidden styles, languages and headers, meta.xml for the stored figures.
 */
export async function readOdt(archive: ZipArchive, options: ReadOdtOptions): Promise<Manuscript> {
  const notes: ReaderNote[] = [];
  const manifest = new ManifestReader();
  await optionalPart(archive, 'META-INF/manifest.xml', manifest, options, notes, SMALL_PART);
  const facts = emptyFacts();
  facts.flavour = await flavourOf(archive, manifest.rootMediaType);
  if (manifest.encrypted.has('content.xml')) throw new AppError('ODT_ENCRYPTED');
  if (!archive.has('content.xml')) throw new AppError('ODT_NO_CONTENT');

  const styles = new OdtStyles();
  const stylesReader = new StylesReader(styles);
  await optionalPart(archive, 'styles.xml', stylesReader, options, notes);

  const tally = new Tally(options.keepText ?? true);
  const content = new ContentReader(tally, styles, options.limits.maxPartBytes);
  await parse(archive, 'content.xml', content, options);
  applyFigures(facts, content.figures);
  facts.languages = rankLanguages(content.figures.languages, styles.defaultLanguage());
  facts.headersFooters = stylesReader.headersFooters;
  tally.headersFooters(stylesReader.headersFooters > 0);
  facts.macros = archive.names().some(isMacro);
  await readMeta(archive, facts, options, notes);

  const { counts, paragraphs } = tally.finish({ subdocsIncluded: true, hasRawLength: false });
  return { format: 'odt', counts, paragraphs, facts, notes };
}

/** .odt or .ott; anything else handed to this reader is not a text document. */
async function flavourOf(
  archive: ZipArchive,
  manifestType: string | null,
): Promise<ManuscriptFacts['flavour']> {
  const mimetype = (await archive.text('mimetype', 256))?.trim() ?? manifestType;
  if (mimetype === TEXT) return null;
  if (mimetype === `${TEXT}-template`) return 'template';
  throw notAWordFile(
    mimetype?.startsWith('application/vnd.oasis.opendocument.') ? 'opendocument-other' : 'zip',
  );
}

function parse(
  archive: ZipArchive,
  part: string,
  handler: XmlHandler,
  options: ReadOdtOptions,
  maxBytes = options.limits.maxPartBytes,
): Promise<void> {
  return parseXmlStream(archive.stream(part, maxBytes), handler, {
    part,
    maxDepth: options.limits.maxXmlDepth,
    deadline: options.deadline,
  });
}

/**
 * styles.xml and meta.xml help but are not the text: when one is damaged we say so in a note and
 * go on. Hostile content (a DOCTYPE, a bomb, a timeout) still stops the whole reading.
 */
async function optionalPart(
  archive: ZipArchive,
  part: string,
  handler: XmlHandler,
  options: ReadOdtOptions,
  notes: ReaderNote[],
  maxBytes = options.limits.maxPartBytes,
): Promise<boolean> {
  if (!archive.has(part)) return false;
  try {
    await parse(archive, part, handler, options, maxBytes);
    return true;
  } catch (e) {
    if (!isAppError(e) || (e.code !== 'XML_MALFORMED' && e.code !== 'ZIP_INVALID')) throw e;
    notes.push({ code: 'ODT_PART_UNREADABLE', detail: `${part}: ${e.text.en}` });
    return false;
  }
}

async function readMeta(
  archive: ZipArchive,
  facts: ManuscriptFacts,
  options: ReadOdtOptions,
  notes: ReaderNote[],
): Promise<void> {
  const meta = new MetaReader();
  if (!(await optionalPart(archive, 'meta.xml', meta, options, notes))) return;
  const { stored, core } = meta.result();
  facts.stored = stored;
  facts.core = core;
}

/** Languages by the number of characters written in them; the default one when none is set. */
function rankLanguages(used: Map<string, number>, fallback: string | undefined): string[] {
  const ranked = [...used.entries()].sort((a, b) => b[1] - a[1]).map(([language]) => language);
  if (ranked.length === 0 && fallback !== undefined) ranked.push(fallback);
  return ranked;
}

/**
 * LibreOffice Basic modules (Basic/<library>/<module>.xml) and script folders. The library
 * descriptors alone (script-lc.xml, script-lb.xml) are written for an empty library too.
 */
function isMacro(name: string): boolean {
  if (/^Scripts\/.+[^/]$/i.test(name)) return true;
  const match = /^Basic\/[^/]+\/([^/]+\.xml)$/i.exec(name);
  return match !== null && !/^(script|dialog)-lb\.xml$/i.test(match[1] as string);
}
