import type { Attributes } from '../xml/tokenizer.js';
import { type PartContext, readPart } from './part-reading.js';

export interface StyleInfo {
  name: string;
  /** 0-based outline level (0 = heading 1) when the style or one it is based on sets one. */
  outlineLevel?: number;
  /** The style hides its text (w:vanish), directly or through the style it is based on. */
  hidden: boolean;
}

interface RawStyle {
  name: string;
  basedOn?: string;
  outlineLevel?: number;
  vanish?: boolean;
}

export interface Styles {
  get(id: string | undefined): StyleInfo | undefined;
  languages: Map<string, number>;
}

const OTHER_TYPES = new Set(['table', 'numbering']);

/** `w:val` on a toggle property: absent, "1", "true", "on" mean on. */
export function toggleOn(value: string | undefined): boolean {
  return value === undefined || !['0', 'false', 'off'].includes(value.toLowerCase());
}

/** Reads word/styles.xml: names, outline levels and hidden flags, with basedOn inheritance. */
export async function readStyles(context: PartContext, part: string | undefined): Promise<Styles> {
  const raw = new Map<string, RawStyle>();
  const languages = new Map<string, number>();
  let current: RawStyle | null = null;
  let inRunProperties = 0;
  if (part) {
    await readPart(context, part, {
      open(name, attributes) {
        // Latent styles are the program's list of built-in styles to offer, often half the
        // part's bytes; they style nothing.
        if (name === 'w:latentStyles') return true;
        if (name === 'w:style') {
          // Table and numbering styles style tables and lists, never a paragraph's or a run's
          // text (a pStyle or rStyle cannot name them): a fifth of a styles part, unread.
          if (OTHER_TYPES.has(attributes.get('w:type') ?? '')) return true;
          current = { name: '' };
          raw.set(attributes.get('w:styleId') ?? '', current);
        } else if (name === 'w:lang') {
          const lang = attributes.get('w:val');
          if (lang) languages.set(lang, (languages.get(lang) ?? 0) + 1);
        } else if (name === 'w:rPr') {
          inRunProperties++;
        } else if (current !== null) {
          readStyleProperty(current, name, attributes, inRunProperties > 0);
        }
        return false;
      },
      close(name) {
        if (name === 'w:style') current = null;
        else if (name === 'w:rPr') inRunProperties--;
      },
      text() {},
    });
  }
  const resolved = new Map<string, StyleInfo>();
  return {
    get(id) {
      if (id === undefined) return undefined;
      return resolve(id, raw, resolved, 0);
    },
    languages,
  };
}

/**
 * w:val is read only on the four properties that matter: reading it parses the element's
 * attributes, and a style holds many more (fonts, sizes, spacing, borders…).
 */
function readStyleProperty(style: RawStyle, name: string, attributes: Attributes, inRun: boolean): void {
  if (name === 'w:name') style.name = attributes.get('w:val') ?? '';
  else if (name === 'w:basedOn') style.basedOn = attributes.get('w:val');
  else if (name === 'w:outlineLvl') {
    const value = attributes.get('w:val');
    if (value !== undefined) style.outlineLevel = Number(value);
  } else if (name === 'w:vanish' && inRun) style.vanish = toggleOn(attributes.get('w:val'));
}

function resolve(
  id: string,
  raw: Map<string, RawStyle>,
  resolved: Map<string, StyleInfo>,
  depth: number,
): StyleInfo | undefined {
  const done = resolved.get(id);
  if (done) return done;
  const style = raw.get(id);
  if (!style) return undefined;
  // basedOn chains are short in practice; the depth cap stops a hostile cycle.
  const parent = style.basedOn && depth < 20 ? resolve(style.basedOn, raw, resolved, depth + 1) : undefined;
  const info: StyleInfo = {
    name: style.name,
    hidden: style.vanish ?? parent?.hidden ?? false,
  };
  const level = style.outlineLevel ?? parent?.outlineLevel ?? headingLevelFromName(style.name);
  if (level !== undefined && level >= 0 && level <= 8) info.outlineLevel = level;
  resolved.set(id, info);
  return info;
}

/** Built-in heading styles are named "heading 1" … "heading 9" in the file, whatever Word's language. */
function headingLevelFromName(name: string): number | undefined {
  const match = /^heading ([1-9])$/i.exec(name);
  return match ? Number(match[1]) - 1 : undefined;
}
