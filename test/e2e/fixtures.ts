import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { docxEntries, makeDocx } from '../helpers/docx-fixtures.js';
import { makeZip } from '../helpers/zip-fixtures.js';

/**
 * Manuscripts for the end-to-end tests and the upload bench, built with docx-fixtures: real
 * WordprocessingML with a plain French text, long enough for the no. 81 call (5,000 to 30,000 signes).
 */
const SENTENCES = [
  'Les outils numériques transforment la relation d’accompagnement en travail social.',
  'Une éducatrice raconte comment la messagerie instantanée a changé ses rendez-vous avec les familles.',
  'La dématérialisation des démarches éloigne parfois des droits les personnes qu’elle devait en rapprocher.',
  'Au guichet, le travailleur social devient souvent l’aidant numérique que personne n’a prévu.',
  'Les plateformes promettent la fluidité ; sur le terrain, elles déplacent surtout le travail vers les usagers.',
  'Il faut alors réinventer une présence, une écoute, un tact qui passent aussi par l’écran.',
];

/** `count` paragraphs of about 500 signes each: 20 paragraphs ≈ 10,000 signes. */
export function manuscriptBody(count: number, runProps = ''): string {
  const paragraphs: string[] = [];
  for (let i = 0; i < count; i++) {
    const runs: string[] = [];
    for (let j = 0; j < 5; j++) {
      const text = SENTENCES[(i + j) % SENTENCES.length] ?? '';
      runs.push(
        `<w:r>${runProps ? `<w:rPr>${runProps}</w:rPr>` : ''}<w:t xml:space="preserve">${text} </w:t></w:r>`,
      );
    }
    paragraphs.push(`<w:p>${runs.join('')}</w:p>`);
  }
  return `<w:p><w:r><w:t>Le travail social à l’épreuve des écrans</w:t></w:r></w:p>${paragraphs.join('')}`;
}

/** A manuscript within the call's window (about 10,000 signes), a few kilobytes. */
export function manuscriptDocx(paragraphs = 20): Promise<Buffer> {
  return makeDocx({ body: manuscriptBody(paragraphs) });
}

/**
 * A manuscript of about `bytes` bytes (the bench uses 200 KB): the same text, with the run
 * properties Word writes everywhere (fonts, sizes, language, revision ids), stored uncompressed so
 * that the file has the size asked for while the text stays within the window.
 */
export async function manuscriptDocxOfSize(bytes: number): Promise<Buffer> {
  const props =
    '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="fr-FR"/>';
  // 45 paragraphs ≈ 24,000 signes: well inside the window, whatever the size asked for.
  const paragraphs = 45;
  let file = await sized(paragraphs, props, 0);
  // Fill what is left with an rsid table in settings.xml, as Word keeps one per editing session.
  const missing = bytes - file.length;
  if (missing > 0) file = await sized(paragraphs, props, Math.floor(missing / 26));
  return file;
}

async function sized(paragraphs: number, props: string, rsids: number): Promise<Buffer> {
  const rsidList = Array.from(
    { length: rsids },
    (_, i) =>
      `<w:rsid w:val="${(0x00a00000 + i * 7919).toString(16).toUpperCase().padStart(8, '0').slice(-8)}"/>`,
  ).join('');
  return makeDocxStored(manuscriptBody(paragraphs, props), rsids ? `<w:rsids>${rsidList}</w:rsids>` : '');
}

function makeDocxStored(body: string, settings: string): Promise<Buffer> {
  const entries = docxEntries({ body, settings }).map((e) => ({ ...e, compress: false }));
  return makeZip(entries);
}

/** Writes a manuscript to a file the browser's file chooser can take. */
export function writeManuscript(dir: string, name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}
