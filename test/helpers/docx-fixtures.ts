import { makeZip, type ZipFixtureEntry } from './zip-fixtures.js';

/**
 * Builds .docx packages in memory from inline WordprocessingML, as mammoth.js's tests do: each
 * test shows the exact XML whose counting it pins down.
 */
export const NS = [
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
  'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"',
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
  'xmlns:v="urn:schemas-microsoft-com:vml"',
].join(' ');

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface DocxParts {
  /** Inner XML of w:body. */
  body: string;
  /** Inner XML of w:footnotes / w:endnotes (the separator notes are added). */
  footnotes?: string;
  endnotes?: string;
  /** Inner XML of w:styles. */
  styles?: string;
  /** Inner XML of w:settings. */
  settings?: string;
  /** Inner XML of w:comments. */
  comments?: string;
  /** A header part's inner XML (w:hdr). */
  header?: string;
  /** Inner XML of docProps/app.xml's Properties. */
  app?: string;
  /** Inner XML of docProps/core.xml's cp:coreProperties. */
  core?: string;
  /** Extra document relationships (raw <Relationship/> elements). */
  extraRels?: string;
  extraEntries?: ZipFixtureEntry[];
  /** Where the main part lives (found through _rels/.rels, as Word does). */
  mainPath?: string;
  /** Main content type (macro-enabled, template …). */
  mainContentType?: string;
}

const separators = (kind: 'footnote' | 'endnote') =>
  `<w:${kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:${kind}>` +
  `<w:${kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:${kind}>`;

const xml = (root: string, inner: string, ns = NS) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${root} ${ns}>${inner}</${root.split(' ')[0]}>`;

export function docxEntries(parts: DocxParts): ZipFixtureEntry[] {
  const main = parts.mainPath ?? 'word/document.xml';
  const dir = main.slice(0, main.lastIndexOf('/'));
  const file = main.slice(main.lastIndexOf('/') + 1);
  const rels: string[] = [];
  const entries: ZipFixtureEntry[] = [
    { name: main, data: xml('w:document', `<w:body>${parts.body}</w:body>`) },
  ];
  const part = (type: string, name: string, data: string) => {
    rels.push(`<Relationship Id="rId${rels.length + 1}" Type="${REL}/${type}" Target="${name}"/>`);
    entries.push({ name: `${dir}/${name}`, data });
  };
  if (parts.styles !== undefined) part('styles', 'styles.xml', xml('w:styles', parts.styles));
  if (parts.settings !== undefined) part('settings', 'settings.xml', xml('w:settings', parts.settings));
  if (parts.footnotes !== undefined)
    part('footnotes', 'footnotes.xml', xml('w:footnotes', separators('footnote') + parts.footnotes));
  if (parts.endnotes !== undefined)
    part('endnotes', 'endnotes.xml', xml('w:endnotes', separators('endnote') + parts.endnotes));
  if (parts.comments !== undefined) part('comments', 'comments.xml', xml('w:comments', parts.comments));
  if (parts.header !== undefined) part('header', 'header1.xml', xml('w:hdr', parts.header));
  const packageRels = [
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="${main}"/>`,
    `<Relationship Id="rId2" Type="${REL}/extended-properties" Target="docProps/app.xml"/>`,
    `<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>`,
  ];
  const relsXml = (inner: string) =>
    xml('Relationships', inner, 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"');
  entries.push(
    { name: '[Content_Types].xml', data: contentTypes(main, parts.mainContentType) },
    { name: '_rels/.rels', data: relsXml(packageRels.join('')) },
    { name: `${dir}/_rels/${file}.rels`, data: relsXml(rels.join('') + (parts.extraRels ?? '')) },
  );
  if (parts.app !== undefined) {
    entries.push({
      name: 'docProps/app.xml',
      data: xml(
        'Properties',
        parts.app,
        'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"',
      ),
    });
  }
  if (parts.core !== undefined) {
    entries.push({
      name: 'docProps/core.xml',
      data: xml(
        'cp:coreProperties',
        parts.core,
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"',
      ),
    });
  }
  return [...entries, ...(parts.extraEntries ?? [])];
}

function contentTypes(main: string, mainType?: string): string {
  const type = mainType ?? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
  return xml(
    'Types',
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/${main}" ContentType="${type}"/>`,
    'xmlns="http://schemas.openxmlformats.org/package/2006/content-types"',
  );
}

export function makeDocx(parts: DocxParts): Promise<Buffer> {
  return makeZip(docxEntries(parts));
}

/** A paragraph of plain runs: p('Hello', ' world'). */
export function p(...runs: string[]): string {
  return `<w:p>${runs.map((t) => r(t)).join('')}</w:p>`;
}

/** A run with one text element (spaces preserved). */
export function r(text: string, props = ''): string {
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
}
