import type { Severity } from '../shared/finding.js';
import type { Lang, Message } from '../shared/message.js';
import { frenchTypography } from '../shared/typography.js';
import { type Block, type Line, list } from './document.js';
import type { LetterFinding } from './model.js';
import { fr, pick } from './words.js';

/**
 * Findings in plain words, grouped by what the author has to do: correct, check, or nothing.
 * Errors come first; each one is followed by how to fix it.
 */

const ORDER: readonly Severity[] = ['error', 'warning', 'info'];

function groupTitle(severity: Severity, lang: Lang): string {
  switch (severity) {
    case 'error':
      return pick(lang, fr`À corriger :`, 'To fix:');
    case 'warning':
      return pick(lang, fr`À vérifier :`, 'To check:');
    case 'info':
      return pick(lang, fr`Pour information :`, 'For your information:');
  }
}

/**
 * « Not checked » findings say that a rule had no input (a check run on a file alone): true for a
 * coordinator's report, noise in a letter to the author.
 */
export function worthTelling(f: LetterFinding): boolean {
  return f.data?.notChecked !== true;
}

/**
 * Findings are the domain's own sentences, not every one written with French typography in mind:
 * the letter applies it, so that all its French reads the same.
 */
function words(message: Message, lang: Lang): string {
  return lang === 'fr' ? frenchTypography(message.fr) : message.en;
}

function item(f: LetterFinding, lang: Lang): Line[] {
  const lines: Line[] = [[words(f.message, lang)]];
  if (f.fix) lines.push([`${pick(lang, fr`Que faire ?`, 'What to do:')} ${words(f.fix, lang)}`]);
  return lines;
}

export function findingBlocks(findings: readonly LetterFinding[], lang: Lang): Block[] {
  const told = findings.filter(worthTelling);
  return ORDER.flatMap((severity) => {
    const group = told.filter((f) => f.severity === severity);
    return group.length === 0
      ? []
      : [
          list(
            group.map((f) => item(f, lang)),
            groupTitle(severity, lang),
          ),
        ];
  });
}

export function countErrors(findings: readonly LetterFinding[]): number {
  return findings.filter((f) => f.severity === 'error').length;
}
