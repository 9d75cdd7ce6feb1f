import { AppError } from '../../domain/shared/errors.js';
import { Attributes } from './attributes.js';
import { APOS, GT, LT, QUOTE, SLASH } from './chars.js';
import { decodedLength, decodeEntities } from './entities.js';
import { NO_RESUME, type Resume, scanHeldPiece, tail } from './held-markup.js';
import { NamespaceScopes } from './namespace-scopes.js';
import { findSubtreeEnd, type SkipState } from './skip-subtree.js';

export { Attributes };

export interface XmlHandler {
  /**
   * Called for every start tag; self-closing tags get open() then close(). Returning true skips
   * the element's content: the next call is its close() (see skip-subtree.ts for the price).
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: handlers that never skip return nothing.
  open(name: string, attributes: Attributes): boolean | void;
  close(name: string): void;
  /** Character data (entities decoded), in pieces: a text node may arrive in several calls. */
  text(text: string): void;
  /**
   * Optional, with textLength: whether the next piece of text is wanted for its length only. It
   * is then given to textLength, decoded length and checked references the same, without the
   * decoded string being built (a field code's CSL JSON is full of &quot;).
   */
  wantsLengthOnly?(): boolean;
  textLength?(length: number): void;
}

export interface TokenizerOptions {
  /** Part name, for error messages. */
  part: string;
  maxDepth: number;
}

const EMIT_PENDING_TEXT_ABOVE = 1 << 20;

/**
 * A strict, non-validating, streaming XML tokenizer. It refuses any DOCTYPE (so no entity can be
 * declared or expanded, and nothing external is ever fetched), caps nesting, checks that tags
 * balance, and resolves namespace prefixes to the canonical ones of namespaces.ts. Written by hand
 * because the analysis must run within a few times the cost of inflating the XML: see
 * docs/decisions/001-xml-tokenizer.md and the differential test against sax.
 */
export class XmlTokenizer {
  private buffer = '';
  /** Open elements: the names as written (to check the closing tags) and canonical (to report). */
  private readonly stack: string[] = [];
  private readonly names: string[] = [];
  private readonly namespaces = new NamespaceScopes();
  private readonly attributes = new Attributes(this);
  private sawRoot = false;
  /** An unfinished markup, held in pieces with how far it was scanned (see held-markup.ts). */
  private resume: Resume = NO_RESUME;
  private held: string[] = [];
  private heldTail = '';
  /** The element whose content is being skipped, if any. */
  private skipping: SkipState | null = null;
  /** Whether the handler may take text by its length only (wantsLengthOnly and textLength). */
  private readonly measuresText: boolean;

  constructor(
    private readonly handler: XmlHandler,
    private readonly options: TokenizerOptions,
  ) {
    this.measuresText = handler.wantsLengthOnly !== undefined && handler.textLength !== undefined;
  }

  write(chunk: string): void {
    if (this.held.length > 0) {
      const next = scanHeldPiece(this.resume, this.heldTail, chunk);
      this.held.push(chunk);
      if (next !== null) {
        this.resume = next.resume;
        this.heldTail = next.heldTail;
        return;
      }
      chunk = this.held.join('');
      this.held = [];
    }
    this.buffer = this.buffer.length === 0 ? chunk : this.buffer + chunk;
    const consumed = this.scan(false);
    this.buffer = consumed >= this.buffer.length ? '' : this.buffer.slice(consumed);
    if (this.resume.scanned > 0) this.hold();
  }

  end(): void {
    if (this.held.length > 0) this.buffer = this.held.join('');
    this.held = [];
    this.scan(true);
    this.buffer = '';
    if (this.stack.length > 0) this.fail(`unclosed element <${this.stack[this.stack.length - 1]}>`);
    if (!this.sawRoot) this.fail('no root element');
  }

  /** Sets the unfinished markup (the whole buffer, scanned to its end) aside. */
  private hold(): void {
    const terminator = this.resume.terminator;
    this.heldTail = terminator === null ? '' : tail(this.buffer, terminator.length - 1);
    this.held = [this.buffer];
    this.buffer = '';
  }

  private fail(detail: string): never {
    throw new AppError('XML_MALFORMED', { part: this.options.part, detail });
  }

  /** Processes as much of the buffer as is complete; returns how many characters were consumed. */
  private scan(final: boolean): number {
    const buf = this.buffer;
    const len = buf.length;
    let pos = 0;
    while (pos < len) {
      if (this.skipping !== null) {
        this.skipping.searchFrom = Math.max(this.skipping.searchFrom, pos);
        const end = findSubtreeEnd(buf, this.skipping);
        if (end < 0) return this.keepForSkip(pos);
        this.skipping = null;
        pos = end;
      }
      if (buf.charCodeAt(pos) !== LT) {
        const lt = buf.indexOf('<', pos);
        if (lt < 0) {
          if (final) {
            this.emitText(buf.slice(pos));
            return len;
          }
          return this.emitLongPendingText(buf, pos);
        }
        this.emitText(buf.slice(pos, lt));
        pos = lt;
      }
      const next = this.markup(buf, pos, final);
      if (next < 0) return pos;
      pos = next;
    }
    return pos;
  }

  /** Consumes what the skip has searched, but the two characters a closing '</' may need. */
  private keepForSkip(pos: number): number {
    const skipping = this.skipping as SkipState;
    const keep = Math.max(pos, skipping.searchFrom - 2);
    skipping.searchFrom -= keep;
    return keep;
  }

  /** Text without a following '<' yet: hold it, unless it is long, then emit up to a safe cut. */
  private emitLongPendingText(buf: string, pos: number): number {
    if (buf.length - pos < EMIT_PENDING_TEXT_ABOVE) return pos;
    const amp = buf.lastIndexOf('&');
    const cut = amp >= pos && buf.indexOf(';', amp) < 0 ? amp : buf.length;
    this.emitText(buf.slice(pos, cut));
    return cut;
  }

  private emitText(raw: string): void {
    if (raw.length === 0) return;
    if (this.stack.length === 0) {
      if (raw.trim().length > 0) this.fail('text outside the root element');
      return;
    }
    if (this.measuresText && (this.handler.wantsLengthOnly as () => boolean)()) {
      (this.handler.textLength as (length: number) => void)(decodedLength(raw, this.options.part));
    } else {
      this.handler.text(decodeEntities(raw, this.options.part));
    }
  }

  /** Handles the markup at buf[pos] === '<'; returns the index after it, or -1 if incomplete. */
  private markup(buf: string, pos: number, final: boolean): number {
    // A resumed scan is always of the markup left at the start of the buffer.
    const resumed = pos === 0 ? this.resume : NO_RESUME;
    this.resume = NO_RESUME;
    const c1 = buf.charCodeAt(pos + 1);
    if (Number.isNaN(c1)) return this.incomplete(final);
    if (c1 === SLASH) return this.closeTag(buf, pos, final, resumed);
    if (c1 === 63 /* ? */) return this.skipPast(buf, pos, pos, '?>', final, resumed);
    if (c1 === 33 /* ! */) return this.declaration(buf, pos, final, resumed);
    return this.openTag(buf, pos, final, resumed);
  }

  private incomplete(final: boolean): number {
    if (final) this.fail('unexpected end of document');
    return -1;
  }

  /** Searches `terminator` from `from`, or from where the previous chunk's search stopped. */
  private find(buf: string, pos: number, from: number, terminator: string, resumed: Resume): number {
    const at = buf.indexOf(terminator, Math.max(from, pos + resumed.scanned - terminator.length + 1));
    if (at < 0) this.resume = { scanned: buf.length - pos, quote: 0, nameEnd: -1, terminator };
    return at;
  }

  private skipPast(
    buf: string,
    pos: number,
    from: number,
    terminator: string,
    final: boolean,
    resumed: Resume,
  ) {
    const end = this.find(buf, pos, from, terminator, resumed);
    return end < 0 ? this.incomplete(final) : end + terminator.length;
  }

  private declaration(buf: string, pos: number, final: boolean, resumed: Resume): number {
    if (buf.startsWith('<!--', pos)) return this.skipPast(buf, pos, pos + 4, '-->', final, resumed);
    if (buf.startsWith('<![CDATA[', pos)) {
      const end = this.find(buf, pos, pos + 9, ']]>', resumed);
      if (end < 0) return this.incomplete(final);
      if (this.stack.length === 0) this.fail('CDATA outside the root element');
      this.handler.text(buf.slice(pos + 9, end));
      return end + 3;
    }
    if (buf.length - pos < 9 && !final) return -1;
    if (buf.startsWith('<!DOCTYPE', pos) || buf.startsWith('<!ENTITY', pos)) {
      throw new AppError('XML_DOCTYPE');
    }
    return this.fail('unexpected <! declaration');
  }

  private closeTag(buf: string, pos: number, final: boolean, resumed: Resume): number {
    const top = this.stack.length - 1;
    if (resumed.scanned === 0 && top >= 0) {
      // The common case, `</name>` right after the name that is open: no slice, no lookup. A name
      // ending in a non-ASCII character goes the long way, whose trimEnd() may see a space in it.
      const open = this.stack[top] as string;
      const end = pos + 2 + open.length;
      if (
        buf.charCodeAt(end) === GT &&
        open.charCodeAt(open.length - 1) < 128 &&
        buf.startsWith(open, pos + 2)
      ) {
        this.stack.pop();
        this.handler.close(this.names.pop() as string);
        this.leaveScope();
        return end + 1;
      }
    }
    const gt = this.find(buf, pos, pos + 2, '>', resumed);
    if (gt < 0) return this.incomplete(final);
    const raw = buf.slice(pos + 2, gt).trimEnd();
    const open = this.stack.pop();
    if (open !== raw) this.fail(`</${raw.slice(0, 40)}> does not close <${(open ?? '').slice(0, 40)}>`);
    this.handler.close(this.names.pop() as string);
    this.leaveScope();
    return gt + 1;
  }

  private openTag(buf: string, pos: number, final: boolean, resumed: Resume): number {
    if (resumed.scanned === 0) {
      const gt = buf.indexOf('>', pos + 1);
      if (gt > 0) {
        const end = this.openTagFast(buf, pos, gt);
        if (end > 0) return end;
      }
    }
    return this.openTagSlow(buf, pos, final, resumed);
  }

  /**
   * The common case: the first '>' ends the tag, which holds no apostrophe and no '<' outside its
   * double-quoted values, and no quote in the name. Then no '>' can be quoted and the
   * character-by-character state machine of openTagSlow would find the same name and end.
   * Returns -1 for anything else, which openTagSlow reads (or refuses) as before.
   */
  private openTagFast(buf: string, pos: number, gt: number): number {
    let i = pos + 1;
    for (; i < gt; i++) {
      const c = buf.charCodeAt(i);
      if (c <= 32 || c === SLASH) break;
      if (c === QUOTE || c === APOS || c === LT) return -1;
    }
    const nameEnd = i < gt ? i : -1;
    // The attributes: quoted values are jumped over with indexOf (most of a tag's length, e.g.
    // the 370 w:lsdException of a styles part), only what lies between them is looked at.
    let x = false;
    while (i < gt) {
      const c = buf.charCodeAt(i);
      if (c === QUOTE) {
        const close = buf.indexOf('"', i + 1);
        if (close < 0 || close > gt) return -1;
        i = close + 1;
        continue;
      }
      if (c === APOS || c === LT) return -1;
      // Without an 'x' outside the values no attribute can be named xmlns: no need to search.
      if (c === 120 /* x */) x = true;
      i++;
    }
    this.endOpenTag(buf, pos, gt, nameEnd, x);
    return gt + 1;
  }

  private openTagSlow(buf: string, pos: number, final: boolean, resumed: Resume): number {
    const len = buf.length;
    let i = pos + Math.max(1, resumed.scanned);
    let quote = resumed.quote;
    let nameEnd = resumed.nameEnd < 0 ? -1 : pos + resumed.nameEnd;
    for (; i < len; i++) {
      const c = buf.charCodeAt(i);
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === GT) {
        break;
      } else if (c === QUOTE || c === APOS) {
        quote = c;
      } else if (nameEnd < 0 && (c <= 32 || c === SLASH)) {
        nameEnd = i;
      } else if (c === LT) {
        this.fail('"<" inside a tag');
      }
    }
    if (i >= len) {
      this.resume = { scanned: i - pos, quote, nameEnd: nameEnd < 0 ? -1 : nameEnd - pos, terminator: null };
      return this.incomplete(final);
    }
    this.endOpenTag(buf, pos, i, nameEnd);
    return i + 1;
  }

  /** The tag at buf[pos] ends with the '>' at gt; its name ends at nameEnd (-1: at the end). */
  private endOpenTag(buf: string, pos: number, gt: number, nameEnd: number, mayDeclare = true): void {
    const selfClosing = buf.charCodeAt(gt - 1) === SLASH;
    const tagEnd = selfClosing ? gt - 1 : gt;
    if (nameEnd < 0 || nameEnd > tagEnd) nameEnd = tagEnd;
    const raw = buf.slice(pos + 1, nameEnd);
    if (raw.length === 0) this.fail('empty tag name');
    const attributeText = nameEnd < tagEnd ? buf.slice(nameEnd, tagEnd) : '';
    this.startElement(raw, attributeText, selfClosing, mayDeclare);
  }

  private startElement(raw: string, attributeText: string, selfClosing: boolean, mayDeclare: boolean): void {
    if (this.stack.length === 0 && this.sawRoot) this.fail('a second root element');
    this.sawRoot = true;
    if (this.stack.length >= this.options.maxDepth) {
      throw new AppError('XML_TOO_DEEP', { depth: this.stack.length + 1, max: this.options.maxDepth });
    }
    this.stack.push(raw);
    if (mayDeclare && attributeText.includes('xmlns')) this.enterScope(attributeText);
    const name = this.namespaces.elementName(raw);
    this.attributes.reset(attributeText);
    const skip = this.handler.open(name, this.attributes) === true;
    if (selfClosing) {
      this.stack.pop();
      this.handler.close(name);
      this.leaveScope();
    } else {
      this.names.push(name);
      // The search starts where the scan stands after this tag (scan() moves it up).
      if (skip) this.skipping = { raw, nested: 0, searchFrom: 0 };
    }
  }

  private enterScope(attributeText: string): void {
    const declared = new Map<string, string>();
    for (const [name, value] of this.parseAttributes(attributeText, false)) {
      if (name === 'xmlns') declared.set('', value);
      else if (name.startsWith('xmlns:')) declared.set(name.slice(6), value);
    }
    this.namespaces.declare(this.stack.length, declared);
  }

  private leaveScope(): void {
    this.namespaces.leave(this.stack.length + 1);
  }

  /** An attribute's canonical name, for the Attributes reader. */
  attributeName(raw: string): string {
    return this.namespaces.attributeName(raw);
  }

  /** Parses `a="1" b='2'` into a map; with canonical = true, names are canonicalised. */
  parseAttributes(text: string, canonical: boolean): Map<string, string> {
    const out = new Map<string, string>();
    const re = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
    let consumed = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (text.slice(consumed, m.index).trim().length > 0) this.fail('malformed attribute');
      consumed = m.index + m[0].length;
      const rawName = m[1] as string;
      const name = canonical ? this.attributeName(rawName) : rawName;
      if (!out.has(name)) out.set(name, decodeEntities(m[2] ?? m[3] ?? '', this.options.part));
    }
    if (text.slice(consumed).trim().length > 0) this.fail('malformed attribute');
    return out;
  }
}
