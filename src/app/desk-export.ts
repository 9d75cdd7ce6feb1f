import writeXlsxFile from 'write-excel-file/node';
import { formatInstant } from '../domain/call/format-date.js';
import type { Lang } from '../domain/shared/message.js';
import { STATUS_LABELS } from '../domain/submission/labels.js';
import type { DeskRow, Verdict } from './desk-dashboard.js';

/**
 * Exports of the dashboard (the rows as filtered), for coordinators who work in a spreadsheet.
 * Every text cell that a spreadsheet could take for a formula (= + - @, tab, carriage return at
 * its start) gets a leading apostrophe (OWASP's "CSV injection"): a title like =HYPERLINK(…)
 * sent by anyone stays text. The CSV is UTF-8 with a byte-order mark and semicolons, as a French
 * spreadsheet opens it without questions.
 */

const VERDICT_LABELS: Record<Verdict, { fr: string; en: string }> = {
  pass: { fr: 'conforme', en: 'meets the rules' },
  fail: { fr: 'non conforme', en: 'fails a rule' },
  unreadable: { fr: 'illisible', en: 'unreadable' },
};

const CHANNEL_LABELS: Record<string, { fr: string; en: string }> = {
  email: { fr: 'courriel', en: 'e-mail' },
  web: { fr: 'formulaire', en: 'web form' },
  cli: { fr: 'ligne de commande', en: 'command line' },
};

/** The leading apostrophe that keeps a cell as text. */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export interface ExportTable {
  header: string[];
  rows: Array<Array<string | number | null>>;
}

export function exportTable(rows: readonly DeskRow[], lang: Lang, timeZone: string): ExportTable {
  const fr = lang === 'fr';
  const header = fr
    ? [
        'Référence',
        'Reçue le',
        'Titre',
        'Auteurs',
        'Contact',
        'Statut',
        'Canal',
        'Axe',
        'Signes',
        'Verdict',
        'En retard',
        'Constats',
        'Relectures demandées',
        'Avis reçus',
      ]
    : [
        'Reference',
        'Received',
        'Title',
        'Authors',
        'Contact',
        'Status',
        'Channel',
        'Line of inquiry',
        'Characters',
        'Verdict',
        'Late',
        'Findings',
        'Reviews asked',
        'Opinions in',
      ];
  return {
    header,
    rows: rows.map((r) => [
      r.id,
      formatInstant(Date.parse(r.receivedAt), timeZone, lang),
      r.title,
      r.authors.join(', '),
      r.contactEmail ?? '',
      STATUS_LABELS[r.status][lang],
      CHANNEL_LABELS[r.channel]?.[lang] ?? r.channel,
      r.axis ?? '',
      r.signes,
      VERDICT_LABELS[r.verdict][lang],
      r.late ? (fr ? 'oui' : 'yes') : fr ? 'non' : 'no',
      r.findings.map((f) => f.message[lang]).join(' | '),
      r.reviews.standing,
      r.reviews.given,
    ]),
  };
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = neutralise(value);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(table: ExportTable): string {
  const lines = [table.header, ...table.rows].map((row) => row.map(csvCell).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function toXlsx(table: ExportTable): Promise<Buffer> {
  const cell = (value: string | number | null) =>
    value === null
      ? null
      : typeof value === 'number'
        ? { value, type: Number }
        : { value: neutralise(value), type: String };
  const data = [
    table.header.map((h) => ({ value: h, type: String, fontWeight: 'bold' as const })),
    ...table.rows.map((row) => row.map(cell)),
  ];
  return writeXlsxFile(data, {
    columns: [
      { width: 38 },
      { width: 30 },
      { width: 50 },
      { width: 30 },
      { width: 30 },
      { width: 24 },
      { width: 14 },
      { width: 18 },
      { width: 10 },
      { width: 14 },
      { width: 10 },
      { width: 60 },
    ],
  }).toBuffer();
}
