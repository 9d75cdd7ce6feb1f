import { CANONICAL_PREFIX } from './namespaces.js';

interface Scope {
  depth: number;
  /** What each prefix the scope rebinds was bound to before ('\u0000': unbound). */
  previous: Map<string, string>;
}

/**
 * The namespace bindings in force while the tokenizer walks a document, and the canonical names
 * they give (namespaces.ts): `ns0:p` → `w:p` when ns0 is bound to WordprocessingML; unknown
 * namespaces keep their prefix. Names are cached until a scope changes (in Word files: only on
 * the root element).
 */
export class NamespaceScopes {
  private readonly scopes: Scope[] = [];
  private readonly bindings = new Map<string, string>();
  private readonly elementNames = new Map<string, string>();
  private readonly attributeNames = new Map<string, string>();

  /** The element at `depth` declares these prefixes ('' for the default namespace). */
  declare(depth: number, declared: ReadonlyMap<string, string>): void {
    if (declared.size === 0) return;
    const previous = new Map<string, string>();
    for (const [prefix, uri] of declared) {
      previous.set(prefix, this.bindings.get(prefix) ?? '\u0000');
      this.bindings.set(prefix, uri);
    }
    this.scopes.push({ depth, previous });
    this.clearCaches();
  }

  /** The element at `depth` closes: its declarations, if any, end. */
  leave(depth: number): void {
    const top = this.scopes[this.scopes.length - 1];
    if (!top || top.depth !== depth) return;
    this.scopes.pop();
    for (const [prefix, uri] of top.previous) {
      if (uri === '\u0000') this.bindings.delete(prefix);
      else this.bindings.set(prefix, uri);
    }
    this.clearCaches();
  }

  elementName(raw: string): string {
    const cached = this.elementNames.get(raw);
    if (cached !== undefined) return cached;
    const name = this.canonical(raw, false);
    this.elementNames.set(raw, name);
    return name;
  }

  /** An unprefixed attribute is in no namespace, whatever the default namespace. */
  attributeName(raw: string): string {
    const cached = this.attributeNames.get(raw);
    if (cached !== undefined) return cached;
    const name = this.canonical(raw, true);
    this.attributeNames.set(raw, name);
    return name;
  }

  private canonical(raw: string, isAttribute: boolean): string {
    const colon = raw.indexOf(':');
    if (colon > 0) {
      const prefix = this.prefixFor(this.bindings.get(raw.slice(0, colon)));
      return prefix === undefined ? raw : `${prefix}:${raw.slice(colon + 1)}`;
    }
    if (isAttribute) return raw;
    const prefix = this.prefixFor(this.bindings.get(''));
    return prefix === undefined ? raw : `${prefix}:${raw}`;
  }

  private prefixFor(uri: string | undefined): string | undefined {
    return uri === undefined ? undefined : CANONICAL_PREFIX[uri];
  }

  private clearCaches(): void {
    this.elementNames.clear();
    this.attributeNames.clear();
  }
}
