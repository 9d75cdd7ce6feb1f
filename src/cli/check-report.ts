import type { ManuscriptReport } from '../app/check-manuscripts.js';
import type { Finding } from '../domain/shared/finding.js';
import { type Lang, formatNumber as n } from '../domain/shared/message.js';

/** The stable JSON shape of `appel check --json` (other tools read these names). */
export function reportToJson(report: ManuscriptReport, lang: Lang): Record<string, unknown> {
  const { analysis, verdict, findings } = report;
  const m = analysis.manuscript;
  const stored = m?.facts.stored ?? null;
  return {
    file: analysis.file,
    format: m?.format ?? analysis.kind,
    verdict,
    signes: m ? m.counts.signes : null,
    signesWithoutSpaces: m ? m.counts.signesWithoutSpaces : null,
    words: m ? m.counts.words : null,
    paragraphs: m ? m.counts.paragraphs : null,
    subdocsIncluded: m ? m.counts.subdocsIncluded : null,
    rawStoryLength: m ? m.counts.rawStoryLength : null,
    approximate: m ? m.counts.approximate : null,
    leftOut: m ? m.counts.leftOut : null,
    stored: stored && {
      charactersWithSpaces: stored.charactersWithSpaces,
      characters: stored.characters,
      words: stored.words,
      application: stored.application,
    },
    facts: m
      ? {
          comments: m.facts.comments,
          trackedChanges: m.facts.trackedChanges,
          hiddenText: m.facts.hiddenText,
          macros: m.facts.macros,
          flavour: m.facts.flavour,
          externalRelationships: m.facts.externalRelationships,
          embeddedObjects: m.facts.embeddedObjects,
          images: m.facts.images,
          headersFooters: m.facts.headersFooters,
          languages: m.facts.languages,
          application: stored?.application ?? null,
          appVersion: stored?.appVersion ?? null,
        }
      : null,
    notChecked: report.notChecked.map((f) => f.code),
    findings: findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      message: f.message[lang],
      ...(f.fix ? { fix: f.fix[lang] } : {}),
      ...(f.data ? { data: f.data } : {}),
    })),
  };
}

const VERDICT = {
  pass: { fr: 'conforme ✓', en: 'passes ✓' },
  fail: { fr: 'non conforme ✗', en: 'fails ✗' },
  unreadable: { fr: 'illisible ✗', en: 'unreadable ✗' },
} as const;

const MARK = { error: '✗', warning: '!', info: '·' } as const;

/** A short report a person can read: the verdict, the count and its parts, then what to do. */
export function reportToText(report: ManuscriptReport, lang: Lang): string {
  const { analysis, verdict, findings } = report;
  const m = analysis.manuscript;
  const lines = [
    `${analysis.file}`,
    `  ${lang === 'fr' ? 'Verdict' : 'Verdict'} : ${VERDICT[verdict][lang]}`,
  ];
  if (m) {
    const s = m.counts.signes;
    const approx = m.counts.approximate ? (lang === 'fr' ? ' (approché)' : ' (approximate)') : '';
    lines.push(
      lang === 'fr'
        ? `  Longueur : ${n(s.total, 'fr')} signes espaces compris${approx} — corps ${n(s.body, 'fr')} · notes ${n(s.notes, 'fr')} · zones de texte ${n(s.textboxes, 'fr')} — ${n(m.counts.words, 'fr')} mots`
        : `  Length: ${n(s.total, 'en')} characters with spaces${approx} — body ${n(s.body, 'en')} · notes ${n(s.notes, 'en')} · text boxes ${n(s.textboxes, 'en')} — ${n(m.counts.words, 'en')} words`,
    );
  }
  for (const f of findings) lines.push(...findingLines(f, lang));
  if (report.notChecked.length > 0) {
    lines.push(
      lang === 'fr'
        ? '  Non vérifié sans les informations du dépôt (voir --author, --phone, --address, --received-at) :'
        : '  Not checked without the submission’s details (see --author, --phone, --address, --received-at):',
    );
    for (const f of report.notChecked) lines.push(`    ${f.message[lang]}`);
  }
  return lines.join('\n');
}

function findingLines(f: Finding, lang: Lang): string[] {
  const lines = [`  ${MARK[f.severity]} ${f.message[lang]}`];
  if (f.fix && f.severity !== 'info') lines.push(`      → ${f.fix[lang]}`);
  return lines;
}

/** 0 when every file passes, 1 when one fails a rule, 2 when one cannot be read. */
export function exitCodeOf(reports: readonly ManuscriptReport[]): number {
  if (reports.some((r) => r.verdict === 'unreadable')) return 2;
  if (reports.some((r) => r.verdict === 'fail')) return 1;
  return 0;
}
