import { citation, type Random, sentence, sentences } from './large-text.js';

/**
 * WordprocessingML as Word writes it (rsid attributes, rPr on every run, proofErr and bookmarks),
 * with the figures the file must give: the visible count (Word's dialog) and the raw story length
 * (shared/corpus/README.md), kept as the XML is written so that the bench can check the reader.
 */

export interface Expected {
  signesBody: number;
  signesNotes: number;
  /** Body + notes: notes are included (no doNotIncludeSubdocsInStats in settings.xml). */
  signesTotal: number;
  rawStoryLength: number;
  footnotes: number;
}

const RPR =
  '<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="24"/><w:lang w:val="fr-FR"/></w:rPr>';
const RPR_ITALIC =
  '<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:i/><w:iCs/><w:sz w:val="24"/><w:lang w:val="fr-FR"/></w:rPr>';
const RPR_NOTE_REF = '<w:rPr><w:rStyle w:val="Appelnotedebasdep"/></w:rPr>';

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export class BodyWriter {
  readonly chunks: string[] = [];
  readonly notes: string[] = [];
  bytes = 0;
  paragraphs = 0;
  private readonly rsids: string[];
  private bookmark = 0;
  readonly expected: Expected = {
    signesBody: 0,
    signesNotes: 0,
    signesTotal: 0,
    rawStoryLength: 0,
    footnotes: 0,
  };

  constructor(
    private readonly random: Random,
    private readonly words: readonly string[],
  ) {
    this.rsids = Array.from({ length: 40 }, () => random.hex(8));
  }

  private emit(xml: string): void {
    this.chunks.push(xml);
    this.bytes += Buffer.byteLength(xml);
  }

  private rsid(): string {
    return this.random.pick(this.rsids);
  }

  /** A text run: counts in both figures. */
  private run(text: string, italic = false): string {
    this.expected.signesBody += text.length;
    this.expected.rawStoryLength += text.length;
    const space = text.startsWith(' ') || text.endsWith(' ') ? ' xml:space="preserve"' : '';
    return `<w:r w:rsidR="${this.rsid()}">${italic ? RPR_ITALIC : RPR}<w:t${space}>${esc(text)}</w:t></w:r>`;
  }

  /** A run-level mark (tab, line break): one visible character, one raw character. */
  private markRun(element: string): string {
    this.expected.signesBody++;
    this.expected.rawStoryLength++;
    return `<w:r w:rsidR="${this.rsid()}">${RPR}${element}</w:r>`;
  }

  paragraph(): void {
    const parts: string[] = [];
    for (const s of sentences(this.random, this.words, 2, 6)) {
      const roll = this.random.next();
      if (roll < 0.15) parts.push(this.run(`${s.slice(0, -1)} `), this.field(), this.run(`${s.slice(-1)} `));
      else if (roll < 0.3) parts.push(this.run(s), this.footnoteReference(), this.run(' '));
      else if (roll < 0.4) parts.push(this.italicSplit(s));
      else if (roll < 0.43) parts.push(this.markRun('<w:tab/>'), this.run(`${s} `));
      else if (roll < 0.45) parts.push(this.run(s), this.markRun('<w:br/>'));
      else parts.push(this.run(`${s} `));
    }
    this.emitParagraph(
      parts.join(''),
      '<w:spacing w:after="120" w:line="360" w:lineRule="auto"/><w:jc w:val="both"/>',
    );
  }

  heading(level: 1 | 2): void {
    const id = this.bookmark++;
    const title = sentence(this.random, this.words).replace(/[.?!\s\u00a0\u202f]+$/, '');
    const xml = `<w:bookmarkStart w:id="${id}" w:name="_Toc${100000 + id}"/>${this.run(title)}<w:bookmarkEnd w:id="${id}"/>`;
    this.emitParagraph(xml, `<w:pStyle w:val="Titre${level}"/>`);
  }

  /** A 4-column table with a header row; each cell one paragraph (its mark is the cell mark). */
  table(rows: number): void {
    const grid =
      '<w:tblGrid><w:gridCol w:w="2265"/><w:gridCol w:w="2265"/><w:gridCol w:w="2266"/><w:gridCol w:w="2266"/></w:tblGrid>';
    this.emit(
      `<w:tbl><w:tblPr><w:tblStyle w:val="Grilledutableau"/><w:tblW w:w="0" w:type="auto"/><w:tblLook w:val="04A0"/></w:tblPr>${grid}`,
    );
    for (let r = 0; r < rows; r++) {
      this.emit(`<w:tr w:rsidR="${this.rsid()}" w:rsidTr="${this.rsid()}">`);
      for (let c = 0; c < 4; c++) {
        const text =
          r === 0
            ? `Colonne ${c + 1}`
            : `${this.random.skewed(this.words)} ${this.random.int(1000)}${'\u00a0'}%`;
        this.emit('<w:tc><w:tcPr><w:tcW w:w="2265" w:type="dxa"/></w:tcPr>');
        this.emitParagraph(this.run(text), '');
        this.emit('</w:tc>');
      }
      this.emit('</w:tr>');
      this.expected.rawStoryLength++;
    }
    this.emit('</w:tbl>');
  }

  private emitParagraph(content: string, pPr: string): void {
    const r = this.rsid();
    const props = pPr ? `<w:pPr>${pPr}</w:pPr>` : '';
    this.emit(
      `<w:p w:rsidR="${r}" w:rsidRDefault="${r}" w:rsidP="${this.rsid()}">${props}<w:proofErr w:type="gramStart"/>${content}<w:proofErr w:type="gramEnd"/></w:p>`,
    );
    this.expected.rawStoryLength++;
    this.paragraphs++;
  }

  private italicSplit(s: string): string {
    const cut = s.indexOf(' ', s.length >> 1);
    if (cut < 0) return this.run(`${s} `);
    return this.run(s.slice(0, cut + 1)) + this.run(s.slice(cut + 1), true) + this.run(' ');
  }

  /** A Zotero citation: field code (raw only) and result (both figures); 3 fldChar (raw only). */
  private field(): string {
    const { result, code } = citation(this.random);
    this.expected.rawStoryLength += code.length + 3;
    const fld = (type: string) =>
      `<w:r w:rsidR="${this.rsid()}">${RPR}<w:fldChar w:fldCharType="${type}"/></w:r>`;
    const instr = `<w:r w:rsidR="${this.rsid()}">${RPR}<w:instrText xml:space="preserve">${esc(code)}</w:instrText></w:r>`;
    return fld('begin') + instr + fld('separate') + this.run(result) + fld('end');
  }

  /** A footnote reference (raw 1, visible 0) and its note in footnotes.xml (visible). */
  private footnoteReference(): string {
    const id = ++this.expected.footnotes;
    const text = sentences(this.random, this.words, 1, 2).join(' ');
    this.expected.signesNotes += 1 + text.length;
    this.notes.push(
      `<w:footnote w:id="${id}"><w:p w:rsidR="${this.rsid()}" w:rsidRDefault="${this.rsid()}"><w:pPr><w:pStyle w:val="Notedebasdepage"/></w:pPr><w:r>${RPR_NOTE_REF}<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r><w:r w:rsidR="${this.rsid()}">${RPR}<w:t>${esc(text)}</w:t></w:r></w:p></w:footnote>`,
    );
    this.expected.rawStoryLength++;
    return `<w:r w:rsidR="${this.rsid()}">${RPR_NOTE_REF}<w:footnoteReference w:id="${id}"/></w:r>`;
  }

  finish(): void {
    this.expected.signesTotal = this.expected.signesBody + this.expected.signesNotes;
  }
}
