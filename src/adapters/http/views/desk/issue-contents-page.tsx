import type { ContentsEntry, IssueContents } from '../../../../app/desk-issue-contents.js';
import type { Call } from '../../../../domain/call/schema.js';
import { formatNumber, type Lang } from '../../../../domain/shared/message.js';
import { STATUS_LABELS } from '../../../../domain/submission/labels.js';
import type { AccountRecord } from '../../../../ports/accounts.js';
import { t } from '../../lang.js';
import { AxisName } from '../call-words.js';
import { DeskLayout } from './layout.js';

export interface IssueContentsPageProps {
  lang: Lang;
  call: Call;
  staff: AccountRecord;
  csrf: string;
  path: string;
  contents: IssueContents;
}

/**
 * The issue's table of contents as it stands: the texts placed in it (with their total length),
 * then the accepted ones on their way. Authors are listed as they will be printed.
 */
export function IssueContentsPage(props: IssueContentsPageProps) {
  const { lang, call, staff, csrf, path, contents } = props;
  const title = t(lang, `Sommaire — n° ${call.issue}`, `Table of contents — no. ${call.issue}`);
  return (
    <DeskLayout
      lang={lang}
      title={title}
      journal={call.journal}
      path={path}
      staff={staff}
      csrf={csrf}
      section="contents"
    >
      <h1>{title}</h1>
      <p>
        {t(
          lang,
          'Les textes placés au sommaire, par axe de l’appel puis par date d’arrivée, puis les textes acceptés qui n’y sont pas encore. Les auteurs sont dans l’ordre où ils seront imprimés : alphabétique, sauf si les auteurs ont demandé un autre ordre.',
          'The texts placed in the issue, by line of inquiry then by arrival, then the accepted texts not placed yet. Authors are in the order they will be printed: alphabetical, unless the authors asked for another order.',
        )}
      </p>
      <h2>{t(lang, 'Au sommaire', 'In the issue')}</h2>
      {contents.placed.length === 0 ? (
        <p>{t(lang, 'Aucun texte n’est encore placé au sommaire.', 'No text is placed in the issue yet.')}</p>
      ) : (
        <>
          <ContentsTable entries={contents.placed} numbered call={call} lang={lang} />
          <p>
            {t(
              lang,
              `En tout : ${formatNumber(contents.placedSignes, 'fr')} signes, espaces compris.`,
              `In all: ${formatNumber(contents.placedSignes, 'en')} characters, spaces included.`,
            )}{' '}
            <a href="/bureau/sommaire.txt">
              {t(lang, 'Télécharger le sommaire (texte)', 'Download the table of contents (text)')}
            </a>
          </p>
        </>
      )}
      <h2>{t(lang, 'Acceptés, pas encore au sommaire', 'Accepted, not in the issue yet')}</h2>
      {contents.coming.length === 0 ? (
        <p>{t(lang, 'Aucun.', 'None.')}</p>
      ) : (
        <ContentsTable entries={contents.coming} numbered={false} call={call} lang={lang} />
      )}
    </DeskLayout>
  );
}

function ContentsTable(props: { entries: ContentsEntry[]; numbered: boolean; call: Call; lang: Lang }) {
  const { entries, numbered, call, lang } = props;
  return (
    <div class="table-wrap">
      <table class="desk-table">
        <thead>
          <tr>
            {numbered && <th scope="col">{t(lang, 'N°', 'No.')}</th>}
            <th scope="col">{t(lang, 'Titre', 'Title')}</th>
            <th scope="col">{t(lang, 'Auteurs, dans l’ordre imprimé', 'Authors, in print order')}</th>
            <th scope="col">{t(lang, 'Axe', 'Line of inquiry')}</th>
            <th scope="col">{t(lang, 'Signes', 'Characters')}</th>
            <th scope="col">{t(lang, 'Statut', 'Status')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e, i) => (
            <tr key={e.id}>
              {numbered && <td>{i + 1}</td>}
              <td>
                <a href={`/bureau/propositions/${e.id}`}>{e.title}</a>
              </td>
              <td>
                {e.authors.join(', ')}
                {e.orderRequested && t(lang, ' (ordre demandé)', ' (order requested)')}
              </td>
              <td>
                <AxisName call={call} lang={lang} id={e.axis} fallback={e.axis ?? '—'} />
              </td>
              <td>{e.signes === null ? '—' : formatNumber(e.signes, lang)}</td>
              <td>{STATUS_LABELS[e.status][lang]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
