import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import yazl from 'yazl';
import { BodyWriter, type Expected } from './large-body.js';
import { Random, vocabulary } from './large-text.js';

/**
 * Builds a realistic large manuscript (.docx) with yazl: French prose, headings, footnotes, a
 * table every few hundred paragraphs, Zotero citation fields, runs with rPr and rsid attributes.
 * Usage: node --import tsx bench/make-large-docx.ts [MiB of document.xml, default 5] [out.docx]
 */

export interface LargeDocx {
  path: string;
  documentXmlBytes: number;
  fileBytes: number;
  expected: Expected;
}

const W_NS =
  'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" mc:Ignorable="w14"';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const SECT_PR =
  '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="708" w:footer="708" w:gutter="0"/><w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>';

export const DEFAULT_OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), 'out');

function buildBody(targetBytes: number, seed: number): BodyWriter {
  const random = new Random(seed);
  const body = new BodyWriter(random, vocabulary(random, 6000));
  body.heading(1);
  for (let n = 1; body.bytes < targetBytes; n++) {
    if (n % 60 === 0) body.heading(1);
    else if (n % 15 === 0) body.heading(2);
    else if (n % 400 === 200) body.table(6);
    else body.paragraph();
  }
  body.paragraph();
  body.finish();
  return body;
}

function documentXml(body: BodyWriter): Buffer {
  return Buffer.from(
    `${DECL}<w:document ${W_NS}><w:body>${body.chunks.join('')}${SECT_PR}</w:body></w:document>`,
  );
}

function footnotesXml(body: BodyWriter): Buffer {
  const separators =
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>';
  return Buffer.from(`${DECL}<w:footnotes ${W_NS}>${separators}${body.notes.join('')}</w:footnotes>`);
}

function stylesXml(): Buffer {
  const style = (type: string, id: string, name: string, extra = '') =>
    `<w:style w:type="${type}" w:styleId="${id}"><w:name w:val="${name}"/>${extra}</w:style>`;
  const heading = (level: number) =>
    style(
      'paragraph',
      `Titre${level}`,
      `heading ${level}`,
      `<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="${level - 1}"/></w:pPr><w:rPr><w:b/><w:sz w:val="${36 - level * 4}"/></w:rPr>`,
    );
  const styles = [
    style('paragraph', 'Normal', 'Normal', '<w:qFormat/>'),
    heading(1),
    heading(2),
    style(
      'paragraph',
      'Notedebasdepage',
      'footnote text',
      '<w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="20"/></w:rPr>',
    ),
    style(
      'character',
      'Appelnotedebasdep',
      'footnote reference',
      '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>',
    ),
    style('table', 'Grilledutableau', 'Table Grid'),
  ];
  const defaults =
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:lang w:val="fr-FR" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault></w:docDefaults>';
  return Buffer.from(`${DECL}<w:styles ${W_NS}>${defaults}${styles.join('')}</w:styles>`);
}

function appXml(e: Expected, paragraphs: number): Buffer {
  return Buffer.from(
    `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Template>Normal.dotm</Template><TotalTime>1312</TotalTime><Pages>${Math.ceil(e.signesTotal / 3000)}</Pages><Application>Microsoft Office Word</Application><DocSecurity>0</DocSecurity><Lines>${Math.ceil(e.signesTotal / 80)}</Lines><Paragraphs>${paragraphs}</Paragraphs><CharactersWithSpaces>${e.rawStoryLength - 1}</CharactersWithSpaces><AppVersion>16.0000</AppVersion></Properties>`,
  );
}

const STATIC_PARTS: Record<string, string> = {
  '[Content_Types].xml': `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`,
  '_rels/.rels': `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  'word/_rels/document.xml.rels': `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>`,
  'word/settings.xml': `${DECL}<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:zoom w:percent="100"/><w:defaultTabStop w:val="708"/><w:hyphenationZone w:val="425"/><w:characterSpacingControl w:val="doNotCompress"/><w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat><w:themeFontLang w:val="fr-FR"/></w:settings>`,
  'docProps/core.xml': `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Manuscrit de test</dc:title><dc:creator>Autrice Fictive</dc:creator><cp:lastModifiedBy>Autrice Fictive</cp:lastModifiedBy><cp:revision>12</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">2025-01-06T09:12:00Z</dcterms:created></cp:coreProperties>`,
};

/** Writes the .docx and returns its figures. Deterministic for a given size and seed. */
export async function makeLargeDocx(mib: number, out?: string, seed = 81): Promise<LargeDocx> {
  const path = resolve(out ?? join(DEFAULT_OUT_DIR, `manuscrit-${mib}mib.docx`));
  mkdirSync(dirname(path), { recursive: true });
  const body = buildBody(mib * 1024 * 1024, seed);
  const document = documentXml(body);
  const zip = new yazl.ZipFile();
  const mtime = new Date('2025-01-06T09:12:00Z');
  const add = (name: string, data: Buffer) => zip.addBuffer(data, name, { mtime, compress: true });
  add('[Content_Types].xml', Buffer.from(STATIC_PARTS['[Content_Types].xml'] as string));
  add('_rels/.rels', Buffer.from(STATIC_PARTS['_rels/.rels'] as string));
  add('word/document.xml', document);
  add('word/_rels/document.xml.rels', Buffer.from(STATIC_PARTS['word/_rels/document.xml.rels'] as string));
  add('word/styles.xml', stylesXml());
  add('word/settings.xml', Buffer.from(STATIC_PARTS['word/settings.xml'] as string));
  add('word/footnotes.xml', footnotesXml(body));
  add('docProps/core.xml', Buffer.from(STATIC_PARTS['docProps/core.xml'] as string));
  add('docProps/app.xml', appXml(body.expected, body.paragraphs));
  const fileBytes = await new Promise<number>((done, fail) => {
    let size = 0;
    zip.outputStream.on('data', (chunk: Buffer) => {
      size += chunk.length;
    });
    zip.outputStream
      .pipe(createWriteStream(path))
      .on('close', () => done(size))
      .on('error', fail);
    zip.end();
  });
  return { path, documentXmlBytes: document.length, fileBytes, expected: body.expected };
}

async function main(): Promise<void> {
  const mib = Number(process.argv[2] ?? 5);
  if (!(mib > 0)) throw new Error('usage: make-large-docx.ts [MiB of document.xml] [out.docx]');
  const made = await makeLargeDocx(mib, process.argv[3]);
  console.log(JSON.stringify(made, null, 2));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
