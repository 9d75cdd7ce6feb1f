import type { DayCount, LengthDistribution } from '../../../../app/desk-charts.js';
import {
  type DeskQuery,
  type DeskRow,
  deskQueryString,
  type SortKey,
} from '../../../../app/desk-dashboard.js';
import type { EffectiveDeadline } from '../../../../domain/call/deadline.js';
import { formatInstant, formatLocalDay } from '../../../../domain/call/format-date.js';
import type { Call } from '../../../../domain/call/schema.js';
import { formatNumber, type Lang } from '../../../../domain/shared/message.js';
import { STATUS_LABELS } from '../../../../domain/submission/labels.js';
import { ACTION_LABELS, type Action } from '../../../../domain/submission/lifecycle.js';
import { STATUSES, type Status } from '../../../../domain/submission/status.js';
import type { AccountRecord } from '../../../../ports/accounts.js';
import { t } from '../../lang.js';
import { AxisName } from '../call-words.js';
import { LengthChart, PerDayChart } from './charts.js';
import { Filters } from './dashboard-filters.js';
import { DeskLayout } from './layout.js';
import { CHANNEL_NAMES, LengthBar, VERDICT_NAMES } from './parts.js';

/** The value of the « copies anonymes » button (name="telecharger"): the route answers with the zip. */
export const ANONYMISED_COPIES = 'copies-anonymes';

export interface DashboardProps {
  lang: Lang;
  call: Call;
  deadline: EffectiveDeadline;
  staff: AccountRecord;
  csrf: string;
  path: string;
  query: DeskQuery;
  rows: DeskRow[];
  total: number;
  counts: Partial<Record<Status, number>>;
  /** The transitions this role may take from at least one status. */
  actions: Action[];
  canExport: boolean;
  perDay: DayCount[];
  lengths: LengthDistribution;
}

function SortHeader(props: { lang: Lang; query: DeskQuery; sort: SortKey; label: string; number?: boolean }) {
  const { lang, query, sort, label } = props;
  const active = query.sort === sort;
  const dir = active && query.dir === 'asc' ? 'desc' : 'asc';
  const qs = deskQueryString(query, { sort, dir });
  return (
    <th
      scope="col"
      class={props.number ? 'number' : undefined}
      aria-sort={active ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <a href={`/bureau?${qs}`}>
        {label}
        <span class="visually-hidden">
          {t(
            lang,
            dir === 'asc' ? ' (trier en ordre croissant)' : ' (trier en ordre décroissant)',
            dir === 'asc' ? ' (sort ascending)' : ' (sort descending)',
          )}
        </span>
      </a>
    </th>
  );
}

function Row({ row, lang, call }: { row: DeskRow; lang: Lang; call: Call }) {
  const checkboxId = `choix-${row.id}`;
  return (
    <tr>
      <td>
        <input type="checkbox" id={checkboxId} name="selection" value={`${row.id}:${row.version}`} />
        <label for={checkboxId} class="visually-hidden">
          {t(lang, `Choisir « ${row.title} »`, `Select “${row.title}”`)}
        </label>
      </td>
      <td>{formatInstant(Date.parse(row.receivedAt), call.deadline.timeZone, lang)}</td>
      <td>
        <a href={`/bureau/propositions/${row.id}`}>{row.title || t(lang, '(sans titre)', '(no title)')}</a>
        {row.versions > 1 && (
          <span class="hint">{t(lang, `${row.versions} versions`, `${row.versions} versions`)}</span>
        )}
        {row.wordsInText && (
          <span class="hint">
            {t(
              lang,
              `dans le texte : ${row.wordsInText.join(', ')}`,
              `in the text: ${row.wordsInText.join(', ')}`,
            )}
          </span>
        )}
      </td>
      <td>{row.authors.join(', ')}</td>
      <td>
        {STATUS_LABELS[row.status][lang]}
        {row.late && <span class="hint">{t(lang, 'après la date limite', 'after the deadline')}</span>}
        {row.reviews.standing > 0 && (
          <span class="hint">
            {t(
              lang,
              `${row.reviews.given} avis sur ${row.reviews.standing} relecture${row.reviews.standing > 1 ? 's' : ''}`,
              `${row.reviews.given} of ${row.reviews.standing} review${row.reviews.standing > 1 ? 's' : ''} in`,
            )}
          </span>
        )}
        {row.notes > 0 && (
          <span class="hint">
            {t(
              lang,
              `${row.notes} note${row.notes > 1 ? 's' : ''} de la rédaction`,
              `${row.notes} editorial note${row.notes > 1 ? 's' : ''}`,
            )}
          </span>
        )}
        {row.status === 'contract_sent' && row.signedCopies > 0 && (
          <span class="hint">
            {t(lang, 'contrat signé reçu, à vérifier', 'signed contract received, to check')}
          </span>
        )}
      </td>
      <td class="number">
        {row.signes === null ? '—' : `${row.approximate ? '≈ ' : ''}${formatNumber(row.signes, lang)}`}
        <LengthBar signes={row.signes} min={call.manuscript.minSignes} max={call.manuscript.maxSignes} />
        <span class={`verdict-${row.verdict}`}>{VERDICT_NAMES[row.verdict][lang]}</span>
      </td>
      <td>
        {row.findings.length === 0 ? (
          '—'
        ) : (
          <ul class="findings-short">
            {row.findings.slice(0, 3).map((f) => (
              <li key={f.code}>{f.message[lang]}</li>
            ))}
            {row.findings.length > 3 && (
              <li>
                {t(lang, `et ${row.findings.length - 3} autres`, `and ${row.findings.length - 3} more`)}
              </li>
            )}
          </ul>
        )}
      </td>
      <td>{CHANNEL_NAMES[row.channel][lang]}</td>
      <td>
        <AxisName call={call} lang={lang} id={row.axis} fallback={row.axis ?? '—'} />
      </td>
    </tr>
  );
}

export function Dashboard(props: DashboardProps) {
  const { lang, call, deadline, staff, csrf, path, query, rows, total, counts, actions } = props;
  const title = t(lang, `Propositions — n° ${call.issue}`, `Submissions — no. ${call.issue}`);
  const qs = deskQueryString(query);
  return (
    <DeskLayout
      lang={lang}
      title={title}
      journal={call.journal}
      path={path}
      staff={staff}
      csrf={csrf}
      section="submissions"
    >
      <h1>{title}</h1>
      <p>
        {t(lang, 'Date limite : ', 'Deadline: ')}
        <strong>{formatLocalDay(deadline.date, lang)}</strong>
        {deadline.extended &&
          t(
            lang,
            ` (prolongée ; date initiale : ${formatLocalDay(deadline.original.date, 'fr')})`,
            ` (extended; original date: ${formatLocalDay(deadline.original.date, 'en')})`,
          )}
        . <a href="/bureau/appel">{t(lang, 'Voir ou prolonger l’appel', 'See or extend the call')}</a>
      </p>
      <ul class="counts" aria-label={t(lang, 'Propositions par statut', 'Submissions by status')}>
        {STATUSES.filter((s) => (counts[s] ?? 0) > 0).map((s) => (
          <li key={s}>
            <a href={`/bureau?statut=${s}`}>
              {t(lang, `${STATUS_LABELS[s].fr} : ${counts[s]}`, `${STATUS_LABELS[s].en}: ${counts[s]}`)}
            </a>
          </li>
        ))}
      </ul>
      <Filters lang={lang} call={call} query={query} />
      {props.canExport && (
        <p>
          {t(lang, 'Exporter ces propositions : ', 'Export these submissions: ')}
          <a href={`/bureau/export.csv${qs ? `?${qs}` : ''}`} download>
            CSV
          </a>
          {' · '}
          <a href={`/bureau/export.xlsx${qs ? `?${qs}` : ''}`} download>
            {t(lang, 'tableur (XLSX)', 'spreadsheet (XLSX)')}
          </a>
        </p>
      )}
      <form method="post" action="/bureau/actions">
        <input type="hidden" name="_csrf" value={csrf} />
        <div class="table-wrap">
          <table class="desk-table">
            <caption>
              {t(
                lang,
                `${rows.length} proposition${rows.length > 1 ? 's' : ''} affichée${rows.length > 1 ? 's' : ''} sur ${total}`,
                `${rows.length} submission${rows.length === 1 ? '' : 's'} shown of ${total}`,
              )}
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <span class="visually-hidden">{t(lang, 'Choisir', 'Select')}</span>
                </th>
                <SortHeader
                  lang={lang}
                  query={query}
                  sort="received"
                  label={t(lang, 'Reçue le', 'Received')}
                />
                <SortHeader lang={lang} query={query} sort="title" label={t(lang, 'Titre', 'Title')} />
                <SortHeader lang={lang} query={query} sort="authors" label={t(lang, 'Auteurs', 'Authors')} />
                <SortHeader lang={lang} query={query} sort="status" label={t(lang, 'Statut', 'Status')} />
                <SortHeader
                  lang={lang}
                  query={query}
                  sort="signes"
                  label={t(lang, 'Signes', 'Characters')}
                  number
                />
                <th scope="col">{t(lang, 'Principaux constats', 'Main findings')}</th>
                <th scope="col">{t(lang, 'Canal', 'Channel')}</th>
                <th scope="col">{t(lang, 'Axe', 'Line of inquiry')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <Row key={row.id} row={row} lang={lang} call={call} />
              ))}
            </tbody>
          </table>
        </div>
        {actions.length > 0 && rows.length > 0 && (
          <fieldset class="bulk">
            <legend>
              {t(lang, 'Action sur les propositions cochées', 'Action on the selected submissions')}
            </legend>
            <label for="action">{t(lang, 'Action', 'Action')}</label>
            <select id="action" name="action">
              {actions.map((a) => (
                <option key={a} value={a}>
                  {ACTION_LABELS[a][lang]}
                </option>
              ))}
            </select>
            <label class="choice">
              <input type="checkbox" name="prevenir" value="oui" checked />{' '}
              {t(
                lang,
                'Pour une décision (accepter, refuser, demander des modifications) : prévenir chaque auteur par courriel',
                'For a decision (accept, decline, request revisions): tell each author by e-mail',
              )}
            </label>
            <button type="submit">{t(lang, 'Appliquer', 'Apply')}</button>
            <p class="hint">
              {t(
                lang,
                'Chaque proposition est traitée à part : celles dont le statut ne permet pas l’action, ou qui ont changé entre-temps, sont laissées telles quelles et signalées.',
                'Each submission is handled on its own: those whose status does not allow the action, or that changed meanwhile, are left as they are and reported.',
              )}
            </p>
          </fieldset>
        )}
        {rows.length > 0 && (
          <fieldset class="bulk">
            <legend>{t(lang, 'Copies anonymes pour l’évaluation', 'Anonymised copies for review')}</legend>
            <button type="submit" name="telecharger" value={ANONYMISED_COPIES}>
              {t(
                lang,
                'Télécharger les copies anonymes des propositions cochées (.zip)',
                'Download the anonymised copies of the selected submissions (.zip)',
              )}
            </button>
            <p class="hint">
              {t(
                lang,
                'La dernière version de chaque proposition, sans les noms ni les adresses des auteurs ; les fichiers portent la référence de la proposition, pas son titre. Au plus 100 à la fois.',
                'The latest version of each submission, without the authors’ names or addresses; the files bear the submission’s reference, not its title. At most 100 at once.',
              )}
            </p>
          </fieldset>
        )}
      </form>
      <h2>{t(lang, 'En images', 'At a glance')}</h2>
      <div class="charts">
        <PerDayChart days={props.perDay} deadline={deadline.date} lang={lang} />
        <LengthChart distribution={props.lengths} lang={lang} />
      </div>
    </DeskLayout>
  );
}
