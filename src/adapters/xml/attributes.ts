import { APOS, QUOTE } from './chars.js';

/** What attribute parsing needs from the tokenizer: namespace-aware names, and the strict parser. */
export interface AttributeReader {
  attributeName(raw: string): string;
  parseAttributes(text: string, canonical: boolean): Map<string, string>;
}

/**
 * Attributes of the element being reported. The same object is reused for every element, so a
 * handler reads what it needs during open() and keeps nothing. Parsed only when asked: most of
 * Word's attributes (rsids, fonts, sizes) are never read.
 */
export class Attributes {
  raw = '';
  /** 0: not parsed yet; 1: parsed by the fast path (positions below); 2: parsed into `parsed`. */
  private state = 0;
  private count = 0;
  private readonly names: string[] = [];
  private readonly valueStart: number[] = [];
  private readonly valueEnd: number[] = [];
  private parsed: Map<string, string> | null = null;

  constructor(private readonly tokenizer: AttributeReader) {}

  reset(raw: string): void {
    this.raw = raw;
    this.state = 0;
    this.parsed = null;
  }

  /** Value of an attribute by canonical name (`w:val`, `text:c`, `Target`), decoded. */
  get(name: string): string | undefined {
    if (this.raw.length === 0) return undefined;
    if (this.state === 0) this.parse();
    if (this.state === 2) return (this.parsed as Map<string, string>).get(name);
    for (let i = 0; i < this.count; i++) {
      if (this.names[i] === name) return this.raw.slice(this.valueStart[i], this.valueEnd[i]);
    }
    return undefined;
  }

  private parse(): void {
    if (!this.parseSimple()) {
      this.parsed = this.tokenizer.parseAttributes(this.raw, true);
      this.state = 2;
    }
  }

  /**
   * The common case, without a regular expression or a map: ASCII names, `=`, quoted values, no
   * entity to decode. Anything else (an `&`, odd spacing, a malformed list) returns false and goes
   * through parseAttributes, which decodes, or refuses exactly as before.
   */
  private parseSimple(): boolean {
    const raw = this.raw;
    if (raw.indexOf('&') >= 0) return false;
    const len = raw.length;
    let n = 0;
    let i = 0;
    while (true) {
      let c = raw.charCodeAt(i);
      while (c === 32 || c === 9 || c === 10 || c === 13) c = raw.charCodeAt(++i);
      if (i >= len) break;
      const nameStart = i;
      while (isNameChar(c)) c = raw.charCodeAt(++i);
      if (i === nameStart) return false;
      const nameEnd = i;
      while (c === 32 || c === 9 || c === 10 || c === 13) c = raw.charCodeAt(++i);
      if (c !== 61 /* = */) return false;
      c = raw.charCodeAt(++i);
      while (c === 32 || c === 9 || c === 10 || c === 13) c = raw.charCodeAt(++i);
      if (c !== QUOTE && c !== APOS) return false;
      const close = raw.indexOf(c === QUOTE ? '"' : "'", i + 1);
      if (close < 0) return false;
      const name = this.tokenizer.attributeName(raw.slice(nameStart, nameEnd));
      let seen = false;
      for (let k = 0; k < n; k++) if (this.names[k] === name) seen = true;
      if (!seen) {
        this.names[n] = name;
        this.valueStart[n] = i + 1;
        this.valueEnd[n] = close;
        n++;
      }
      i = close + 1;
    }
    this.count = n;
    this.state = 1;
    return true;
  }
}

/** Letters, digits, `:`, `_`, `-`, `.`: what attribute names are made of, all outside `\s` and `=`. */
function isNameChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 58) || c === 95 || c === 45 || c === 46
  );
}
