import { formatNumber, type Lang } from '../shared/message.js';
import { type Block, heading, paragraph } from './document.js';
import { cleanText } from './escape.js';
import { findingBlocks } from './findings.js';
import type { CallFacts, ManuscriptReport } from './model.js';
import { fr, lengthWindow, pick } from './words.js';

/** Each manuscript: its file, its length against the call's window, the verdict, the findings. */

function verdictWords(report: ManuscriptReport, lang: Lang): string {
  switch (report.verdict) {
    case 'pass':
      return pick(lang, 'conforme aux règles de l’appel.', 'meets the call’s rules.');
    case 'fail':
      return pick(lang, 'à corriger (voir ci-dessous).', 'needs changes (see below).');
    case 'unreadable':
      return pick(
        lang,
        'nous n’avons pas pu lire ce fichier (voir ci-dessous).',
        'we could not read this file (see below).',
      );
  }
}

function lengthLine(report: ManuscriptReport, call: CallFacts, lang: Lang): string | null {
  if (report.signes === null) return null;
  const n = formatNumber(report.signes, lang);
  const about = report.approximate ? pick(lang, 'environ ', 'about ') : '';
  return pick(
    lang,
    fr`Longueur : ${about}${n} signes (espaces compris) ; l’appel demande ${lengthWindow(call, lang)}.`,
    `Length: ${about}${n} characters (spaces included); the call asks for ${lengthWindow(call, lang)}.`,
  );
}

/** The length line already says what LENGTH_OK says: telling it twice reads as a mistake. */
function besidesLengthLine(report: ManuscriptReport) {
  return report.signes === null ? report.findings : report.findings.filter((f) => f.code !== 'LENGTH_OK');
}

export function manuscriptBlocks(reports: readonly ManuscriptReport[], call: CallFacts, lang: Lang): Block[] {
  if (reports.length === 0) return [];
  const title =
    reports.length === 1
      ? pick(lang, 'Votre manuscrit', 'Your manuscript')
      : pick(lang, 'Vos manuscrits', 'Your manuscripts');
  const blocks: Block[] = [heading(title)];
  for (const report of reports) {
    const length = lengthLine(report, call, lang);
    blocks.push(
      paragraph(
        pick(lang, fr`Fichier : ${cleanText(report.fileName)}`, `File: ${cleanText(report.fileName)}`),
        ...(length === null ? [] : [length]),
        pick(lang, fr`Résultat : ${verdictWords(report, lang)}`, `Result: ${verdictWords(report, lang)}`),
      ),
      ...findingBlocks(besidesLengthLine(report), lang),
    );
  }
  return blocks;
}
