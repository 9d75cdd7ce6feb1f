import type { CoreProperties, StoredStatistics } from '../../domain/manuscript/model.js';
import type { Attributes, XmlHandler } from '../xml/tokenizer.js';

/** What meta.xml holds that we report: stored statistics and the document's people and title. */
export interface OdtMeta {
  stored: StoredStatistics;
  core: CoreProperties;
}

/** Elements whose text we keep; anything longer than this is cut (a title is not a book). */
const TEXT_ELEMENTS = new Set(['meta:generator', 'dc:title', 'dc:creator', 'meta:initial-creator']);
const MAX_VALUE = 1000;

function count(attributes: Attributes, name: string): number | null {
  const raw = attributes.get(name);
  if (raw === undefined || !/^\d{1,12}$/.test(raw.trim())) return null;
  return Number(raw.trim());
}

/**
 * Reads meta.xml. In ODF, meta:initial-creator is the author and dc:creator the person who last
 * saved the file; both matter for anonymity, so both are kept.
 */
export class MetaReader implements XmlHandler {
  private readonly values = new Map<string, string>();
  private currentText: string | null = null;
  private currentName = '';
  readonly stored: StoredStatistics = {
    charactersWithSpaces: null,
    characters: null,
    words: null,
    paragraphs: null,
    pages: null,
    application: null,
    appVersion: null,
  };

  open(name: string, attributes: Attributes): void {
    if (name === 'meta:document-statistic') {
      this.stored.charactersWithSpaces = count(attributes, 'meta:character-count');
      this.stored.characters = count(attributes, 'meta:non-whitespace-character-count');
      this.stored.words = count(attributes, 'meta:word-count');
      this.stored.paragraphs = count(attributes, 'meta:paragraph-count');
      this.stored.pages = count(attributes, 'meta:page-count');
    } else if (TEXT_ELEMENTS.has(name) && !this.values.has(name)) {
      this.currentName = name;
      this.currentText = '';
    }
  }

  close(name: string): void {
    if (this.currentText !== null && name === this.currentName) {
      this.values.set(name, this.currentText.trim().slice(0, MAX_VALUE));
      this.currentText = null;
    }
  }

  text(text: string): void {
    if (this.currentText !== null && this.currentText.length < MAX_VALUE) this.currentText += text;
  }

  result(): OdtMeta {
    const generator = this.values.get('meta:generator');
    if (generator) {
      // "LibreOffice/7.6.4.1$Linux_X86_64 LibreOffice_project/…" → LibreOffice, 7.6.4.1
      const match = /^([^/$\s]+)(?:\/([^$\s]+))?/.exec(generator);
      this.stored.application = match?.[1] ?? generator;
      this.stored.appVersion = match?.[2] ?? null;
    }
    const core: CoreProperties = {
      creator: this.values.get('meta:initial-creator') || null,
      lastModifiedBy: this.values.get('dc:creator') || null,
      title: this.values.get('dc:title') || null,
    };
    return { stored: this.stored, core };
  }
}
