import type { ReaderLimits } from '../../domain/manuscript/limits.js';
import type { Deadline } from '../shared/deadline.js';
import { parseXmlStream } from '../xml/parse-stream.js';
import type { XmlHandler } from '../xml/tokenizer.js';
import type { ZipArchive } from '../zip/zip-archive.js';

export interface PartContext {
  archive: ZipArchive;
  limits: ReaderLimits;
  deadline: Deadline;
}

/** Streams one XML part of the package through a handler; a missing part is simply skipped. */
export async function readPart(context: PartContext, part: string, handler: XmlHandler): Promise<boolean> {
  if (!context.archive.has(part)) return false;
  await parseXmlStream(context.archive.stream(part), handler, {
    part,
    maxDepth: context.limits.maxXmlDepth,
    deadline: context.deadline,
  });
  return true;
}

/** Collects the text of leaf elements with the given names (docProps/app.xml, core.xml …). */
export async function readLeafTexts(
  context: PartContext,
  part: string,
  wanted: ReadonlySet<string>,
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  let current: string | null = null;
  let text = '';
  await readPart(context, part, {
    open(name) {
      current = wanted.has(name) && !found.has(name) ? name : null;
      text = '';
    },
    text(t) {
      if (current !== null) text += t;
    },
    close(name) {
      if (current === name) found.set(name, text.trim());
      current = null;
    },
  });
  return found;
}

/**
 * Resolves a relationship target against the folder of its source part, as OPC says: `media/a.png`
 * from `word/document.xml` is `word/media/a.png`; `/word/x.xml` is absolute. The result is only
 * ever used to look up an entry in memory, never as a path on disk.
 */
export function resolvePartName(sourcePart: string, target: string): string {
  const base = target.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const segment of target.replace(/^\/+/, '').split('/')) {
    if (segment === '..') base.pop();
    else if (segment !== '.' && segment !== '') base.push(segment);
  }
  return base.join('/');
}

export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}
