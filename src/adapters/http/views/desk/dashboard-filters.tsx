import { CHANNELS, type DeskQuery, type SortKey, VERDICTS } from '../../../../app/desk-dashboard.js';
import { callText } from '../../../../domain/call/call-text.js';
import type { Call } from '../../../../domain/call/schema.js';
import type { Lang } from '../../../../domain/shared/message.js';
import { STATUS_LABELS } from '../../../../domain/submission/labels.js';
import { STATUSES } from '../../../../domain/submission/status.js';
import { t } from '../../lang.js';
import { callLangAttribute } from '../call-words.js';
import { CHANNEL_NAMES, VERDICT_NAMES } from './parts.js';

const SORT_LABELS: Record<SortKey, { fr: string; en: string }> = {
  received: { fr: 'date de réception', en: 'date received' },
  title: { fr: 'titre', en: 'title' },
  status: { fr: 'statut', en: 'status' },
  signes: { fr: 'longueur', en: 'length' },
  authors: { fr: 'premier auteur', en: 'first author' },
};

/** The dashboard's filters and search: one GET form, so that a filtered view is a link to share. */
export function Filters({ lang, call, query }: { lang: Lang; call: Call; query: DeskQuery }) {
  const selected = (value: string | undefined, current: string | undefined) => value === current;
  return (
    <form method="get" action="/bureau" class="filters" aria-label={t(lang, 'Filtres', 'Filters')}>
      <div>
        <label for="q">
          {t(lang, 'Rechercher (titre, auteurs, texte)', 'Search (title, authors, text)')}
        </label>
        <input type="search" id="q" name="q" value={query.q} />
      </div>
      <div>
        <label for="statut">{t(lang, 'Statut', 'Status')}</label>
        <select id="statut" name="statut">
          <option value="">{t(lang, 'tous', 'all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s} selected={query.status.includes(s)}>
              {STATUS_LABELS[s][lang]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="retard">{t(lang, 'Après la date limite', 'After the deadline')}</label>
        <select id="retard" name="retard">
          <option value="">{t(lang, 'peu importe', 'any')}</option>
          <option value="oui" selected={query.late === true}>
            {t(lang, 'oui', 'yes')}
          </option>
          <option value="non" selected={query.late === false}>
            {t(lang, 'non', 'no')}
          </option>
        </select>
      </div>
      <div>
        <label for="canal">{t(lang, 'Canal', 'Channel')}</label>
        <select id="canal" name="canal">
          <option value="">{t(lang, 'tous', 'all')}</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c} selected={selected(c, query.channel)}>
              {CHANNEL_NAMES[c][lang]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="axe">{t(lang, 'Axe', 'Line of inquiry')}</label>
        <select id="axe" name="axe">
          <option value="">{t(lang, 'tous', 'all')}</option>
          {call.axes.map((a) => (
            <option
              key={a.id}
              value={a.id}
              selected={selected(a.id, query.axis)}
              {...callLangAttribute(call, lang)}
            >
              {callText(call, a.title)}
            </option>
          ))}
          <option value="-" selected={query.axis === ''}>
            {t(lang, 'sans axe', 'none')}
          </option>
        </select>
      </div>
      <div>
        <label for="verdict">{t(lang, 'Verdict', 'Verdict')}</label>
        <select id="verdict" name="verdict">
          <option value="">{t(lang, 'tous', 'all')}</option>
          {VERDICTS.map((v) => (
            <option key={v} value={v} selected={selected(v, query.verdict)}>
              {VERDICT_NAMES[v][lang]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="tri">{t(lang, 'Trier par', 'Sort by')}</label>
        <select id="tri" name="tri">
          {(Object.keys(SORT_LABELS) as SortKey[]).map((k) => (
            <option key={k} value={k} selected={query.sort === k}>
              {SORT_LABELS[k][lang]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="ordre">{t(lang, 'Ordre', 'Order')}</label>
        <select id="ordre" name="ordre">
          <option value="asc" selected={query.dir === 'asc'}>
            {t(lang, 'croissant', 'ascending')}
          </option>
          <option value="desc" selected={query.dir === 'desc'}>
            {t(lang, 'décroissant', 'descending')}
          </option>
        </select>
      </div>
      <div>
        <button type="submit">{t(lang, 'Filtrer', 'Filter')}</button>{' '}
        <a href="/bureau">{t(lang, 'Tout afficher', 'Show all')}</a>
      </div>
    </form>
  );
}
