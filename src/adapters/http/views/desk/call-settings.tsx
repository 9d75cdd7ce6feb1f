import { callStatus, effectiveDeadline } from '../../../../domain/call/deadline.js';
import { formatInstant, formatLocalDay } from '../../../../domain/call/format-date.js';
import type { Call } from '../../../../domain/call/schema.js';
import type { Lang } from '../../../../domain/shared/message.js';
import type { AccountRecord } from '../../../../ports/accounts.js';
import { t } from '../../lang.js';
import { CallWords } from '../call-words.js';
import { DeskLayout } from './layout.js';

export interface CallSettingsProps {
  lang: Lang;
  call: Call;
  staff: AccountRecord;
  csrf: string;
  path: string;
  now: Date;
  canExtend: boolean;
  /** The date typed, when the form comes back with a problem. */
  date?: string;
  problem?: string;
  extended?: boolean;
}

/** The call's deadline as it stands, its extensions, and (for coordinators) the form to extend it. */
export function CallSettingsPage(props: CallSettingsProps) {
  const { lang, call, staff, csrf, path, now, canExtend, date, problem, extended } = props;
  const deadline = effectiveDeadline(call.deadline);
  const status = callStatus(call.deadline, now.getTime());
  const title = t(lang, 'L’appel et sa date limite', 'The call and its deadline');
  return (
    <DeskLayout
      lang={lang}
      title={title}
      journal={call.journal}
      path={path}
      staff={staff}
      csrf={csrf}
      section="call"
    >
      <h1>{title}</h1>
      {extended && (
        <p class="notice" role="status">
          {t(
            lang,
            `L’appel est prolongé jusqu’au ${formatLocalDay(deadline.date, 'fr')} inclus. La page publique l’annonce déjà.`,
            `The call is extended until ${formatLocalDay(deadline.date, 'en')} inclusive. The public page already says so.`,
          )}
        </p>
      )}
      <dl class="facts">
        <dt>{t(lang, 'Appel', 'Call')}</dt>
        <dd>
          {t(lang, `${call.journal} n° ${call.issue}`, `${call.journal} no. ${call.issue}`)} —{' '}
          <CallWords call={call} lang={lang} text={call.theme} />
        </dd>
        <dt>{t(lang, 'Date limite initiale', 'Original deadline')}</dt>
        <dd>{formatLocalDay(call.deadline.date, lang)}</dd>
        <dt>{t(lang, 'Date limite en vigueur', 'Deadline in force')}</dt>
        <dd>
          <strong>{formatInstant(deadline.endsAt, deadline.timeZone, lang)}</strong>
        </dd>
        <dt>{t(lang, 'Aujourd’hui, l’appel est', 'Today the call is')}</dt>
        <dd>
          {status === 'open'
            ? t(lang, 'ouvert', 'open')
            : status === 'extended'
              ? t(lang, 'prolongé', 'extended')
              : t(lang, 'clos', 'closed')}{' '}
          (<a href="/">{t(lang, 'voir la page publique', 'see the public page')}</a>)
        </dd>
      </dl>
      <h2>{t(lang, 'Prolongations', 'Extensions')}</h2>
      {call.deadline.extensions.length === 0 ? (
        <p>{t(lang, 'Aucune prolongation pour l’instant.', 'No extension so far.')}</p>
      ) : (
        <table class="desk-table">
          <caption>
            {t(lang, 'La plus récente décision est en vigueur', 'The most recent decision is in force')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'Décidée le', 'Decided on')}</th>
              <th scope="col">{t(lang, 'Nouvelle date limite', 'New deadline')}</th>
            </tr>
          </thead>
          <tbody>
            {call.deadline.extensions.map((e) => (
              <tr key={`${e.decidedOn}-${e.date}`}>
                <td>{formatLocalDay(e.decidedOn, lang)}</td>
                <td>{formatLocalDay(e.date, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canExtend ? (
        <form method="post" action="/bureau/appel/prolongation">
          <input type="hidden" name="_csrf" value={csrf} />
          <h2>{t(lang, 'Prolonger l’appel', 'Extend the deadline')}</h2>
          {problem && (
            <p class="alert" role="alert" id="date-problem">
              {problem}
            </p>
          )}
          <label for="date">
            {t(
              lang,
              'Nouvelle date limite (dernier jour de dépôt, inclus)',
              'New deadline (last day for submissions, inclusive)',
            )}
            <span class="hint" id="date-hint">
              {t(
                lang,
                `Les propositions sont acceptées jusqu’à 23 h 59 ce jour-là (${deadline.timeZone}). La décision est datée d’aujourd’hui.`,
                `Submissions are accepted until 23:59 that day (${deadline.timeZone}). The decision is dated today.`,
              )}
            </span>
          </label>
          <input
            type="date"
            id="date"
            name="date"
            required
            value={date ?? ''}
            aria-describedby={problem ? 'date-hint date-problem' : 'date-hint'}
            aria-invalid={problem ? 'true' : undefined}
          />
          <p>
            <button type="submit">{t(lang, 'Prolonger l’appel', 'Extend the deadline')}</button>
          </p>
        </form>
      ) : (
        <p>
          {t(
            lang,
            'Seuls les coordinateurs du dossier peuvent prolonger l’appel.',
            'Only the issue coordinators can extend the deadline.',
          )}
        </p>
      )}
    </DeskLayout>
  );
}
