import type { Attributes } from '../xml/tokenizer.js';

/**
 * The styles of an OpenDocument text, as far as counting needs them: which styles hide their
 * text (text:display="none", LibreOffice's "hidden" character attribute), which language they
 * set, their outline level and the name a person sees. Automatic styles (P1, T2…) point to a
 * named style through style:parent-style-name; values are inherited along that chain.
 */
interface OdtStyle {
  parent?: string;
  displayName?: string;
  automatic: boolean;
  hidden?: boolean;
  language?: string;
  outlineLevel?: number;
}

export interface ResolvedStyle {
  hidden: boolean;
  language?: string;
  /** The nearest named (not automatic) style's display name. */
  displayName?: string;
  outlineLevel?: number;
}

const MAX_CHAIN = 32;
const NONE: ResolvedStyle = { hidden: false };

export class OdtStyles {
  private readonly styles = new Map<string, OdtStyle>();
  private readonly defaults = new Map<string, OdtStyle>();
  private readonly resolved = new Map<string, ResolvedStyle>();

  add(family: string, name: string, style: OdtStyle): void {
    this.styles.set(`${family}/${name}`, style);
    this.resolved.clear();
  }

  setDefault(family: string, style: OdtStyle): void {
    this.defaults.set(family, style);
    this.resolved.clear();
  }

  /** The default paragraph language: what unstyled text is written in. */
  defaultLanguage(): string | undefined {
    return this.defaults.get('paragraph')?.language;
  }

  resolve(family: string, name: string | undefined): ResolvedStyle {
    if (name === undefined) return NONE;
    const key = `${family}/${name}`;
    const cached = this.resolved.get(key);
    if (cached) return cached;
    const out: ResolvedStyle = { hidden: false };
    let hidden: boolean | undefined;
    let current: string | undefined = name;
    for (let i = 0; i < MAX_CHAIN && current !== undefined; i++) {
      const style = this.styles.get(`${family}/${current}`);
      if (!style) break;
      hidden ??= style.hidden;
      out.language ??= style.language;
      out.outlineLevel ??= style.outlineLevel;
      if (!style.automatic) out.displayName ??= style.displayName ?? decodeStyleName(current);
      current = style.parent;
    }
    out.hidden = hidden ?? false;
    this.resolved.set(key, out);
    return out;
  }
}

/** Style names encode what XML names cannot hold: "Heading_20_1" is "Heading 1". */
export function decodeStyleName(name: string): string {
  return name.replace(/_([0-9a-fA-F]{2,4})_/g, (_w, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

function languageOf(attributes: Attributes): string | undefined {
  const language = attributes.get('fo:language');
  if (language === undefined || language === 'none' || language === 'zxx') return undefined;
  const country = attributes.get('fo:country');
  return country && country !== 'none' ? `${language}-${country}` : language;
}

/**
 * Collects style:style and style:default-style elements of one styles container
 * (office:styles or office:automatic-styles); the caller forwards events while inside it.
 */
export class StyleCollector {
  private current: { family: string; name: string | null; style: OdtStyle } | null = null;

  constructor(
    private readonly styles: OdtStyles,
    private readonly automatic: boolean,
  ) {}

  open(name: string, attributes: Attributes): void {
    if (name === 'style:style' || name === 'style:default-style') {
      const level = Number.parseInt(attributes.get('style:default-outline-level') ?? '', 10);
      const style: OdtStyle = { automatic: this.automatic };
      const parent = attributes.get('style:parent-style-name');
      const displayName = attributes.get('style:display-name');
      if (parent !== undefined) style.parent = parent;
      if (displayName !== undefined) style.displayName = displayName;
      if (level > 0) style.outlineLevel = level;
      const family = attributes.get('style:family') ?? '';
      const styleName = name === 'style:style' ? (attributes.get('style:name') ?? null) : null;
      this.current = { family, name: styleName, style };
      return;
    }
    if (name === 'style:text-properties' && this.current) {
      const display = attributes.get('text:display');
      if (display === 'none') this.current.style.hidden = true;
      else if (display === 'true') this.current.style.hidden = false;
      const language = languageOf(attributes);
      if (language !== undefined) this.current.style.language = language;
    }
  }

  close(name: string): void {
    if ((name !== 'style:style' && name !== 'style:default-style') || !this.current) return;
    const { family, name: styleName, style } = this.current;
    if (styleName === null) this.styles.setDefault(family, style);
    else this.styles.add(family, styleName, style);
    this.current = null;
  }
}
