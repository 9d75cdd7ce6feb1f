import { type PartContext, readPart, relsPartOf, resolvePartName } from './part-reading.js';

export interface Relationship {
  id: string;
  /** The last segment of the relationship type URI: officeDocument, styles, footnotes, image … */
  type: string;
  /** Resolved part name, or the raw target for external relationships. */
  target: string;
  external: boolean;
}

/** Reads the relationships of one part (or of the package, with part = ''). */
export async function readRelationships(context: PartContext, part: string): Promise<Relationship[]> {
  const relsPart = relationshipsPartOf(part);
  const found: Relationship[] = [];
  await readPart(context, relsPart, {
    open(name, attributes) {
      if (name !== 'pr:Relationship') return;
      const target = attributes.get('Target') ?? '';
      const external = (attributes.get('TargetMode') ?? '').toLowerCase() === 'external';
      found.push({
        id: attributes.get('Id') ?? '',
        type: (attributes.get('Type') ?? '').split('/').pop() ?? '',
        target: external ? target : resolvePartName(part, target),
        external,
      });
    },
    close() {},
    text() {},
  });
  return found;
}

/** The .rels part that holds the relationships of `part` ('' for the package's own). */
export function relationshipsPartOf(part: string): string {
  return part === '' ? '_rels/.rels' : relsPartOf(part);
}

/**
 * Counts external relationships over every .rels part of the package. `known` holds the parts
 * already read by readRelationships (by lower-case name, as the archive looks names up), which
 * are counted from what was read instead of being inflated and parsed a second time.
 */
export async function countExternalRelationships(
  context: PartContext,
  known: ReadonlyMap<string, Relationship[]> = new Map(),
): Promise<number> {
  let count = 0;
  for (const name of context.archive.names()) {
    if (!name.endsWith('.rels')) continue;
    const read = known.get(name.toLowerCase());
    if (read !== undefined) {
      for (const r of read) if (r.external) count++;
      continue;
    }
    await readPart(context, name, {
      open(element, attributes) {
        if (
          element === 'pr:Relationship' &&
          (attributes.get('TargetMode') ?? '').toLowerCase() === 'external'
        ) {
          count++;
        }
      },
      close() {},
      text() {},
    });
  }
  return count;
}
