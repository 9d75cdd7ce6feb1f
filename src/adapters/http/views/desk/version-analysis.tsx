import type { Finding } from '../../../../domain/shared/finding.js';
import { formatNumber, type Lang } from '../../../../domain/shared/message.js';
import type { VersionRecord } from '../../../../ports/submission-store.js';
import { t } from '../../lang.js';

/** The findings of a version or of the submission, errors first as the rules sorted them. */
export function FindingList({ findings, lang }: { findings: Finding[]; lang: Lang }) {
  if (findings.length === 0) return <p>{t(lang, 'Aucun constat.', 'No findings.')}</p>;
  return (
    <ul class="findings">
      {findings.map((f, i) => (
        <li key={`${f.code}-${i}`} class={`finding ${f.severity}`}>
          <strong>
            {f.severity === 'error'
              ? t(lang, 'À corriger : ', 'To fix: ')
              : f.severity === 'warning'
                ? t(lang, 'À vérifier : ', 'To check: ')
                : t(lang, 'Pour information : ', 'For information: ')}
          </strong>
          {f.message[lang]}
          {f.fix && <span class="fix">{f.fix[lang]}</span>}
        </li>
      ))}
    </ul>
  );
}

type StoredAnalysis = {
  counts?: {
    signes?: { body?: number; notes?: number; textboxes?: number; total?: number };
    signesWithoutSpaces?: number;
    words?: number;
    paragraphs?: number;
    approximate?: boolean;
    subdocsIncluded?: boolean;
  };
  facts?: {
    comments?: number;
    images?: number;
    hiddenText?: boolean;
    trackedChanges?: { insertions?: number; deletions?: number; moves?: number };
    stored?: { charactersWithSpaces?: number | null; application?: string | null } | null;
  };
  error?: string;
};

/** A version's figures as its analysis stored them: the counts, what Word stored, what to check. */
export function AnalysisFacts({ version, lang }: { version: VersionRecord; lang: Lang }) {
  const a = (version.analysis ?? {}) as StoredAnalysis;
  const n = (v: number | undefined | null) => (typeof v === 'number' ? formatNumber(v, lang) : '—');
  const c = a.counts;
  if (!c)
    return (
      <p>
        {t(
          lang,
          'Pas d’analyse : le fichier n’a pas pu être lu.',
          'No analysis: the file could not be read.',
        )}
      </p>
    );
  const tracked = a.facts?.trackedChanges;
  const pending = (tracked?.insertions ?? 0) + (tracked?.deletions ?? 0) + (tracked?.moves ?? 0);
  return (
    <dl class="facts">
      <dt>{t(lang, 'Signes (espaces compris)', 'Characters (spaces included)')}</dt>
      <dd>
        {c.approximate ? '≈ ' : ''}
        {n(c.signes?.total)}
        {t(
          lang,
          ` — corps ${n(c.signes?.body)}, notes ${n(c.signes?.notes)}, zones de texte ${n(c.signes?.textboxes)}${c.subdocsIncluded === false ? ' (notes et zones non comptées, comme le demande le fichier)' : ''}`,
          ` — body ${n(c.signes?.body)}, notes ${n(c.signes?.notes)}, text boxes ${n(c.signes?.textboxes)}${c.subdocsIncluded === false ? ' (notes and boxes not counted, as the file asks)' : ''}`,
        )}
      </dd>
      <dt>{t(lang, 'Signes sans espaces', 'Characters without spaces')}</dt>
      <dd>{n(c.signesWithoutSpaces)}</dd>
      <dt>{t(lang, 'Mots', 'Words')}</dt>
      <dd>{n(c.words)}</dd>
      <dt>{t(lang, 'Paragraphes', 'Paragraphs')}</dt>
      <dd>{n(c.paragraphs)}</dd>
      {a.facts?.stored?.charactersWithSpaces != null && (
        <>
          <dt>{t(lang, 'Chiffre enregistré dans le fichier', 'Figure stored in the file')}</dt>
          <dd>
            {n(a.facts.stored.charactersWithSpaces)}
            {a.facts.stored.application ? ` (${a.facts.stored.application})` : ''}
          </dd>
        </>
      )}
      <dt>{t(lang, 'Commentaires, images', 'Comments, pictures')}</dt>
      <dd>
        {n(a.facts?.comments)}, {n(a.facts?.images)}
      </dd>
      <dt>{t(lang, 'Suivi des modifications en attente', 'Pending tracked changes')}</dt>
      <dd>{pending === 0 ? t(lang, 'aucune', 'none') : n(pending)}</dd>
      <dt>{t(lang, 'Texte masqué', 'Hidden text')}</dt>
      <dd>{a.facts?.hiddenText ? t(lang, 'oui', 'yes') : t(lang, 'non', 'no')}</dd>
    </dl>
  );
}
