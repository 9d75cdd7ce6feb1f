import type { Attributes, XmlHandler } from '../xml/tokenizer.js';
import { type OdtStyles, StyleCollector } from './odt-styles.js';

const HEADER_FOOTER = new Set([
  'style:header',
  'style:footer',
  'style:header-left',
  'style:footer-left',
  'style:header-first',
  'style:footer-first',
]);

/**
 * Reads styles.xml: the named styles (into `styles`) and the page styles' headers and footers.
 * A header counts only when it shows something: LibreOffice writes an empty paragraph for a
 * header switched on and left blank, and style:display="false" for one switched off.
 */
export class StylesReader implements XmlHandler {
  headersFooters = 0;
  private readonly collector: StyleCollector;
  private depth = 0;
  private stylesDepth = -1;
  private headerDepth = -1;
  private headerHasContent = false;

  constructor(styles: OdtStyles) {
    this.collector = new StyleCollector(styles, false);
  }

  open(name: string, attributes: Attributes): void {
    this.depth++;
    if (this.stylesDepth >= 0) {
      this.collector.open(name, attributes);
    } else if (name === 'office:styles') {
      this.stylesDepth = this.depth;
    } else if (this.headerDepth >= 0) {
      if (name.startsWith('draw:')) this.headerHasContent = true;
    } else if (HEADER_FOOTER.has(name) && attributes.get('style:display') !== 'false') {
      this.headerDepth = this.depth;
      this.headerHasContent = false;
    }
  }

  close(name: string): void {
    if (this.depth === this.stylesDepth) this.stylesDepth = -1;
    else if (this.stylesDepth >= 0) this.collector.close(name);
    if (this.depth === this.headerDepth) {
      if (this.headerHasContent) this.headersFooters++;
      this.headerDepth = -1;
    }
    this.depth--;
  }

  text(text: string): void {
    if (this.headerDepth >= 0 && text.trim().length > 0) this.headerHasContent = true;
  }
}
