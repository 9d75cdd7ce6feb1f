import type { Lang } from '../../../../domain/shared/message.js';
import { ACTION_LABELS, type Action } from '../../../../domain/submission/lifecycle.js';
import type { AccountRecord } from '../../../../ports/accounts.js';
import { t } from '../../lang.js';
import { DeskLayout } from './layout.js';

export interface BulkLine {
  id: string;
  title: string;
  done: boolean;
  /** What happened, in words. */
  outcome: string;
}

/** After a bulk action: one line per selected submission, done or left alone and why. */
export function BulkResultPage(props: {
  lang: Lang;
  journal: string;
  staff: AccountRecord;
  csrf: string;
  action: Action;
  lines: BulkLine[];
}) {
  const { lang, journal, staff, csrf, action, lines } = props;
  const done = lines.filter((l) => l.done).length;
  const title = t(
    lang,
    `Action groupée : ${ACTION_LABELS[action].fr}`,
    `Bulk action: ${ACTION_LABELS[action].en}`,
  );
  return (
    <DeskLayout
      lang={lang}
      title={title}
      journal={journal}
      path="/bureau"
      staff={staff}
      csrf={csrf}
      section="submissions"
    >
      <h1>{title}</h1>
      <p class={done === lines.length ? 'notice' : 'alert'} role="status">
        {t(
          lang,
          `${done} sur ${lines.length} proposition${lines.length > 1 ? 's' : ''} traitée${done > 1 ? 's' : ''}.`,
          `${done} of ${lines.length} submission${lines.length === 1 ? '' : 's'} done.`,
        )}
      </p>
      <table class="desk-table">
        <caption>
          {t(lang, 'Résultat, proposition par proposition', 'Result, submission by submission')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'Proposition', 'Submission')}</th>
            <th scope="col">{t(lang, 'Résultat', 'Result')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.id}>
              <th scope="row">
                <a href={`/bureau/propositions/${l.id}`}>{l.title}</a>
              </th>
              <td class={l.done ? undefined : 'error-text'}>{l.outcome}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href="/bureau">{t(lang, 'Retour au tableau des propositions', 'Back to the dashboard')}</a>
      </p>
    </DeskLayout>
  );
}
