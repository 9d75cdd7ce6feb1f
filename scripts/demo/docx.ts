/**
 * Turns a manuscript spec into a real .docx (title, byline, headings, footnotes, docProps) with the
 * test helpers, and a one-page PDF written by hand. Everything is deterministic: fixed seeds, fixed
 * dates, and the zip helper's fixed timestamps.
 */
import { docxEntries, r } from '../../test/helpers/docx-fixtures.js';
import { makeZip } from '../../test/helpers/zip-fixtures.js';
import { Decks, seeded, type Theme, typeset } from './text-pool.js';

export interface SectionSpec {
  heading: string;
  /** The theme of each paragraph, in turn. */
  themes: Theme[];
  /** A footnote at the end of the section's first paragraph. */
  note?: string;
}

export interface FixedSection {
  heading: string;
  paragraphs: string[];
}

export interface ManuscriptSpec {
  /** File name of the attachment (also written to samples/demo/manuscripts/). */
  file: string;
  title: string;
  /** Lines under the title: author names and functions. */
  byline: string[];
  /** docProps: dc:creator and cp:lastModifiedBy. */
  creator: string;
  lastModifiedBy?: string;
  created: string;
  modified: string;
  application: 'word' | 'libreoffice';
  seed: number;
  /** Signes wanted, notes included; the generated text stops within a sentence of it. */
  target: number;
  intro: string;
  introNote?: string;
  sections: SectionSpec[];
  conclusionHeading: string;
  conclusion: string;
  /** Fixed sections after the conclusion (a bibliography), counted in the budget. */
  after?: FixedSection[];
}

export interface BuiltManuscript {
  bytes: Buffer;
  /** Our own count of what Word's "Statistics" box would show (body + notes). */
  signes: number;
  body: number;
  notes: number;
  words: number;
}

const len = (s: string) => [...s].length;

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const run = (text: string, props = '') => r(escapeXml(text), props);

interface Para {
  style?: string;
  text: string;
  /** Footnote ids referenced at the end of the paragraph. */
  noteRef?: number;
}

/** The paragraphs of the manuscript, generated to reach the target. */
function compose(spec: ManuscriptSpec): { paras: Para[]; notes: string[] } {
  const decks = new Decks(seeded(spec.seed));
  const notes: string[] = [];
  const note = (text: string) => notes.push(typeset(text));
  const fixedParas: Para[] = [
    { style: 'Titre', text: typeset(spec.title) },
    ...spec.byline.map((line) => ({ style: 'Auteur', text: typeset(line) })),
  ];
  const intro: Para = { text: typeset(spec.intro) };
  if (spec.introNote) {
    note(spec.introNote);
    intro.noteRef = notes.length;
  }
  const conclusion: Para[] = [
    { style: 'Titre1', text: typeset(spec.conclusionHeading) },
    { text: typeset(spec.conclusion) },
  ];
  const after: Para[] = (spec.after ?? []).flatMap((s) => [
    { style: 'Titre1', text: typeset(s.heading) },
    ...s.paragraphs.map((text) => ({ text: typeset(text) })),
  ]);
  for (const s of spec.sections) if (s.note) notes.push(typeset(s.note));
  const fixedChars =
    [...fixedParas, intro, ...conclusion, ...after].reduce((n, p) => n + len(p.text), 0) +
    spec.sections.reduce((n, s) => n + len(typeset(s.heading)), 0) +
    notes.reduce((n, t) => n + len(t) + 1, 0);
  const budget = Math.max(0, spec.target - fixedChars);
  const paras: Para[] = [...fixedParas, intro];
  let spent = 0;
  let noteId = spec.introNote ? 1 : 0;
  spec.sections.forEach((section, index) => {
    paras.push({ style: 'Titre1', text: typeset(section.heading) });
    const sectionParas: Para[] = [];
    // Each section spends its share of what is left, so rounding never piles up.
    const share = (budget - spent) / (spec.sections.length - index);
    let used = 0;
    for (let k = 0; used < share; k++) {
      const theme = section.themes[k % section.themes.length] as Theme;
      // Quotes stand alone, one to a paragraph; other paragraphs hold three to five sentences.
      const wanted = theme === 'Q' ? 1 : decks.between(3, 5);
      const sentences: string[] = [];
      for (let i = 0; i < wanted; i++) {
        const s = typeset(decks.draw(theme));
        const cost = len(s) + (sentences.length > 0 ? 1 : 0);
        // Stop where the next sentence would overshoot by more than it undershoots.
        if (used + cost - share > share - used) break;
        sentences.push(s);
        used += cost;
      }
      if (sentences.length === 0) break;
      sectionParas.push({ text: sentences.join(' ') });
    }
    spent += used;
    if (section.note && sectionParas[0]) sectionParas[0].noteRef = ++noteId;
    paras.push(...sectionParas);
  });
  paras.push(...conclusion, ...after);
  return { paras, notes };
}

/** The text of a manuscript as plain paragraphs and notes (for the .doc, which has no styles). */
export function manuscriptText(spec: ManuscriptSpec): { paragraphs: string[]; notes: string[] } {
  const { paras, notes } = compose(spec);
  return { paragraphs: paras.map((p) => p.text), notes };
}

const STYLES =
  '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="24"/><w:lang w:val="fr-FR"/></w:rPr></w:rPrDefault>' +
  '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="360" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Titre"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>' +
  '<w:style w:type="paragraph" w:customStyle="1" w:styleId="Auteur"><w:name w:val="Auteur"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="right"/></w:pPr><w:rPr><w:i/></w:rPr></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Notedebasdepage"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="20"/></w:rPr></w:style>' +
  '<w:style w:type="character" w:styleId="Appelnotedebasdep"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>';

const noteRef = (id: number) =>
  `<w:r><w:rPr><w:rStyle w:val="Appelnotedebasdep"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;

const footnote = (id: number, text: string) =>
  `<w:footnote w:id="${id}"><w:p><w:pPr><w:pStyle w:val="Notedebasdepage"/></w:pPr><w:r><w:rPr><w:rStyle w:val="Appelnotedebasdep"/></w:rPr><w:footnoteRef/></w:r>${run(` ${text}`)}</w:p></w:footnote>`;

const paragraphXml = (p: Para) =>
  `<w:p>${p.style ? `<w:pPr><w:pStyle w:val="${p.style}"/></w:pPr>` : ''}${run(p.text)}${p.noteRef ? noteRef(p.noteRef) : ''}</w:p>`;

const words = (s: string) => s.split(/[ \n\t]+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

export async function buildDocx(spec: ManuscriptSpec): Promise<BuiltManuscript> {
  const { paras, notes } = compose(spec);
  const body = paras.reduce((n, p) => n + len(p.text), 0);
  const noteChars = notes.reduce((n, t) => n + len(t) + 1, 0);
  const allText = [...paras.map((p) => p.text), ...notes];
  const wordCount = allText.reduce((n, t) => n + words(t), 0);
  const nonSpace = allText.reduce((n, t) => n + len(t.replace(/[\s\u00a0\u202f]/g, '')), 0);
  const refs = paras.filter((p) => p.noteRef).length;
  // What Word itself stores: its raw main story length − 1 (paragraph marks and note marks in, notes out).
  const stored = body + paras.length + refs - 1;
  const pages = Math.max(1, Math.ceil((body + noteChars) / 2600));
  const app =
    spec.application === 'word'
      ? `<Template>Normal.dotm</Template><TotalTime>${(spec.seed % 900) + 120}</TotalTime><Pages>${pages}</Pages><Words>${wordCount}</Words><Characters>${nonSpace}</Characters><Application>Microsoft Office Word</Application><DocSecurity>0</DocSecurity><Lines>${Math.ceil(body / 80)}</Lines><Paragraphs>${paras.length}</Paragraphs><ScaleCrop>false</ScaleCrop><Company></Company><LinksUpToDate>false</LinksUpToDate><CharactersWithSpaces>${stored}</CharactersWithSpaces><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0000</AppVersion>`
      : `<Template></Template><TotalTime>${spec.seed % 300}</TotalTime><Application>LibreOffice/7.3.7.2$Linux_X86_64 LibreOffice_project/30$Build-2</Application><AppVersion>15.0000</AppVersion><Pages>${pages}</Pages><Words>${wordCount}</Words><Characters>${body + noteChars}</Characters><CharactersWithSpaces>${body + noteChars}</CharactersWithSpaces><Paragraphs>${paras.length}</Paragraphs>`;
  const dcterms =
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="dcterms:W3CDTF"';
  const core =
    `<dc:title>${escapeXml(typeset(spec.title))}</dc:title><dc:creator>${escapeXml(spec.creator)}</dc:creator>` +
    `<cp:lastModifiedBy>${escapeXml(spec.lastModifiedBy ?? spec.creator)}</cp:lastModifiedBy><cp:revision>${(spec.seed % 17) + 3}</cp:revision>` +
    `<dcterms:created ${dcterms}>${spec.created}</dcterms:created><dcterms:modified ${dcterms}>${spec.modified}</dcterms:modified>`;
  const entries = docxEntries({
    body:
      paras.map(paragraphXml).join('') +
      '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>',
    styles: STYLES,
    footnotes: notes.map((t, i) => footnote(i + 1, t)).join(''),
    settings: '<w:defaultTabStop w:val="708"/><w:hyphenationZone w:val="425"/>',
    app,
    core,
  });
  return {
    bytes: await makeZip(entries),
    signes: body + noteChars,
    body,
    notes: noteChars,
    words: wordCount,
  };
}

/** WinAnsi bytes of a string, as octal escapes inside a PDF literal string. */
function pdfString(text: string): string {
  const special: Record<string, number> = {
    '’': 0x92,
    '–': 0x96,
    '—': 0x97,
    œ: 0x9c,
    '…': 0x85,
    '\u202f': 0xa0,
  };
  let out = '(';
  for (const ch of text) {
    const code = special[ch] ?? ch.codePointAt(0) ?? 0x3f;
    const byte = code < 256 ? code : 0x3f;
    if (ch === '(' || ch === ')' || ch === '\\') out += `\\${ch}`;
    else if (byte < 0x20 || byte > 0x7e) out += `\\${byte.toString(8).padStart(3, '0')}`;
    else out += String.fromCharCode(byte);
  }
  return `${out})`;
}

/** A minimal one-page PDF 1.4 (Helvetica, WinAnsi), with offsets computed for its xref table. */
export function buildPdf(info: { title: string; author: string; lines: string[]; date: string }): Buffer {
  const text = [
    'BT /F1 15 Tf 72 770 Td 18 TL',
    `${pdfString(typeset(info.title))} Tj T* /F1 11 Tf 14 TL`,
    `${pdfString(info.author)} Tj T* T*`,
    ...info.lines.map((l) => `${pdfString(typeset(l))} Tj T*`),
    'ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
    `<< /Title ${pdfString(info.title)} /Author ${pdfString(info.author)} /Creator (Writer) /Producer (LibreOffice 7.3) /CreationDate (D:${info.date}) >>`,
  ];
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) pdf += `${String(at).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
