import { cleanText } from '../../../../domain/letters/escape.js';
import type { Finding } from '../../../../domain/shared/finding.js';
import type { Lang, Message } from '../../../../domain/shared/message.js';
import { FIELD_LABELS, type FieldName } from '../../../../domain/submission/requirements.js';
import { say, t } from '../../lang.js';
import type { FieldProblem, FieldProblems } from '../../routes/author-form.js';

/** Small pieces shared by the authors' pages. Author values are cleaned and escaped (preact). */

/** A value an author wrote (name, title, file name) as shown: one line, no invisible tricks. */
export function shown(value: string, max = 200): string {
  return cleanText(value, max);
}

/** `?lang=en` to carry the page's language through forms and links (French needs nothing). */
export function langQuery(lang: Lang, prefix: '?' | '&' = '?'): string {
  return lang === 'en' ? `${prefix}lang=en` : '';
}

/** The way back to the call's page, at the foot of the authors' pages. */
export function BackToCall({ lang }: { lang: Lang }) {
  return (
    <p>
      <a href={`/${langQuery(lang)}`}>{t(lang, 'Retour à la page de l’appel', 'Back to the call’s page')}</a>
    </p>
  );
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** The problems under one field, tied to it by id (aria-describedby), each with how to fix it. */
export function FieldMessages({
  id,
  problems,
  lang,
}: {
  id: string;
  problems: FieldProblem[] | undefined;
  lang: Lang;
}) {
  if (!problems || problems.length === 0) return null;
  return (
    <div id={`${id}-erreur`} class="field-messages">
      {problems.map((p, i) => (
        <p key={i} class={`finding ${p.severity}`}>
          <strong>
            {p.severity === 'error'
              ? t(lang, 'À corriger : ', 'To fix: ')
              : t(lang, 'À vérifier : ', 'To check: ')}
          </strong>
          {say(p.message, lang)}
          {p.fix && <span class="fix">{say(p.fix, lang)}</span>}
        </p>
      ))}
    </div>
  );
}

/** Attributes that tie a field to its messages and mark it invalid. */
export function fieldAria(id: string, problems: FieldProblems, hint?: string, focus?: string) {
  const list = problems.get(id);
  const invalid = list?.some((p) => p.severity === 'error') ?? false;
  const described = [hint, list?.length ? `${id}-erreur` : undefined].filter(Boolean).join(' ');
  return {
    ...(described ? { 'aria-describedby': described } : {}),
    ...(invalid ? { 'aria-invalid': 'true' as const } : {}),
    ...(focus === id ? { autofocus: true } : {}),
  };
}

/** The first of these fields with an error: it gets the focus when the page opens. */
export function firstInvalid(problems: FieldProblems, order: readonly string[]): string | undefined {
  return order.find((id) => problems.get(id)?.some((p) => p.severity === 'error'));
}

/**
 * The errors at the top of the page, each a link to its field. Without JavaScript the first
 * invalid field has `autofocus`; the script moves the focus here, where everything is listed.
 */
export function ErrorSummary({
  problems,
  labels,
  lang,
}: {
  problems: FieldProblems;
  labels: Map<string, string>;
  lang: Lang;
}) {
  const errors = [...problems.entries()].filter(([, list]) => list.some((p) => p.severity === 'error'));
  if (errors.length === 0) return null;
  return (
    <div class="finding error error-summary" role="alert" tabindex={-1} id="erreurs" data-focus-first="">
      <h2>
        {errors.length === 1
          ? t(lang, 'Un point est à corriger', 'One thing needs fixing')
          : t(lang, `${errors.length} points sont à corriger`, `${errors.length} things need fixing`)}
      </h2>
      <ul>
        {errors.map(([id, list]) => (
          <li key={id}>
            <a href={`#${id}`}>
              {labels.get(id) ? t(lang, `${labels.get(id)} : `, `${labels.get(id)}: `) : ''}
              {say(list.find((p) => p.severity === 'error')?.message ?? { fr: '', en: '' }, lang)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

const HEADINGS: Record<Finding['severity'], Message> = {
  error: { fr: 'À corriger', en: 'To fix' },
  warning: { fr: 'À vérifier', en: 'To check' },
  info: { fr: 'Pour information', en: 'For your information' },
};

/** Findings grouped by what to do (fix, check, nothing), errors first; « not checked » left out. */
export function FindingList({
  findings,
  lang,
  level = 3,
}: {
  findings: readonly Finding[];
  lang: Lang;
  level?: 3 | 4;
}) {
  const told = findings.filter((f) => f.data?.notChecked !== true);
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <>
      {(['error', 'warning', 'info'] as const).map((severity) => {
        const group = told.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        return (
          <section key={severity}>
            <Heading>{say(HEADINGS[severity], lang)}</Heading>
            {group.map((f, i) => (
              <div key={`${f.code}-${i}`} class={`finding ${severity}`}>
                <p>{say(f.message, lang)}</p>
                {f.fix && (
                  <p class="fix">
                    <strong>{t(lang, 'Que faire ? ', 'What to do: ')}</strong>
                    {say(f.fix, lang)}
                  </p>
                )}
              </div>
            ))}
          </section>
        );
      })}
    </>
  );
}

/** « What is missing », in plain words. */
export function MissingList({ missing, lang }: { missing: readonly FieldName[]; lang: Lang }) {
  if (missing.length === 0) return null;
  return (
    <ul>
      {missing.map((field) => (
        <li key={field}>{say(FIELD_LABELS[field], lang)}</li>
      ))}
    </ul>
  );
}

/** A file size in plain words. */
export function fileSize(bytes: number, lang: Lang): string {
  if (bytes < 1024) return `${bytes} ${t(lang, 'octets', 'bytes')}`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${SIZE_FORMATS[lang][0].format(kb)} ${t(lang, 'Ko', 'KB')}`;
  return `${SIZE_FORMATS[lang][1].format(kb / 1024)} ${t(lang, 'Mo', 'MB')}`;
}

/** Kilobytes without decimals, megabytes with one; built once per language (costly to build). */
const SIZE_FORMATS: Record<Lang, [Intl.NumberFormat, Intl.NumberFormat]> = {
  fr: sizeFormats('fr-FR'),
  en: sizeFormats('en-GB'),
};

function sizeFormats(locale: string): [Intl.NumberFormat, Intl.NumberFormat] {
  return [
    new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
    new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }),
  ];
}
