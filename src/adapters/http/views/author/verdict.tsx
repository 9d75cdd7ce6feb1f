import type { Call } from '../../../../domain/call/schema.js';
import type { Finding } from '../../../../domain/shared/finding.js';
import { formatNumber, type Lang } from '../../../../domain/shared/message.js';
import { t } from '../../lang.js';
import { FindingList } from './parts.js';

export type Verdict = 'pass' | 'fail' | 'unreadable';

/** The verdict of a finished check, from its findings: what a stored version gives back. */
export function verdictOf(signes: number | null, findings: readonly Finding[]): Verdict {
  if (signes === null) return 'unreadable';
  return findings.some((f) => f.severity === 'error') ? 'fail' : 'pass';
}

export function verdictWords(verdict: Verdict, lang: Lang): string {
  switch (verdict) {
    case 'pass':
      return t(
        lang,
        'Votre manuscrit respecte les règles de l’appel.',
        'Your manuscript meets the call’s rules.',
      );
    case 'fail':
      return t(
        lang,
        'Votre manuscrit ne respecte pas encore toutes les règles de l’appel.',
        'Your manuscript does not yet meet all the call’s rules.',
      );
    case 'unreadable':
      return t(
        lang,
        'Nous n’avons pas pu lire ce fichier comme un manuscrit.',
        'We could not read this file as a manuscript.',
      );
  }
}

export interface VerdictProps {
  call: Call;
  lang: Lang;
  verdict: Verdict;
  signes: number | null;
  approximate: boolean;
  findings: readonly Finding[];
  /** Heading level of the finding groups. */
  level?: 3 | 4;
}

/** The verdict in one sentence, the length against the window, then the findings with how to fix. */
export function VerdictBlock({
  call,
  lang,
  verdict,
  signes,
  approximate,
  findings,
  level = 3,
}: VerdictProps) {
  const about = approximate ? t(lang, 'environ ', 'about ') : '';
  const min = formatNumber(call.manuscript.minSignes, lang);
  const max = formatNumber(call.manuscript.maxSignes, lang);
  return (
    <>
      <p class={`status verdict verdict-${verdict}${verdict === 'pass' ? '' : ' status-closed'}`}>
        {verdictWords(verdict, lang)}
      </p>
      {signes !== null && (
        <p>
          {t(
            lang,
            `Longueur : ${about}${formatNumber(signes, 'fr')} signes, espaces compris${call.notesCount ? ', notes comprises' : ''}. L’appel demande entre ${min} et ${max} signes.`,
            `Length: ${about}${formatNumber(signes, 'en')} characters, spaces included${call.notesCount ? ', notes included' : ''}. The call asks for ${min} to ${max}.`,
          )}
        </p>
      )}
      <FindingList
        findings={findings.filter((f) => signes === null || f.code !== 'LENGTH_OK')}
        lang={lang}
        level={level}
      />
    </>
  );
}
