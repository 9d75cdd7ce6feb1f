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
  const coordinating = staff.role !== 'committee';
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
          'Les textes placés au sommaire, dans l’ordre du numéro (par défaut : par axe de l’appel, puis par date d’arrivée ; les coordinateurs le changent avec « Monter » et « Descendre »), puis les textes acceptés qui n’y sont pas encore. Les auteurs sont dans l’ordre où ils seront imprimés : alphabétique, sauf si les auteurs ont demandé un autre ordre.',
          'The texts placed in the issue, in the issue’s order (by default: by line of inquiry, then by arrival; coordinators change it with “Move up” and “Move down”), then the accepted texts not placed yet. Authors are in the order they will be printed: alphabetical, unless the authors asked for another order.',
        )}
      </p>
      <h2>{t(lang, 'Au sommaire', 'In the issue')}</h2>
      {contents.placed.length === 0 ? (
        <p>{t(lang, 'Aucun texte n’est encore placé au sommaire.', 'No text is placed in the issue yet.')}</p>
      ) : (
        <>
          <ContentsTable
            entries={contents.placed}
            numbered
            call={call}
            lang={lang}
            {...(coordinating ? { csrf } : {})}
          />
          <p>
            {t(
              lang,
              `En tout : ${formatNumber(contents.placedSignes, 'fr')} signes, espaces compris.`,
              `In all: ${formatNumber(contents.placedSignes, 'en')} characters, spaces included.`,
            )}{' '}
            <a href="/bureau/sommaire.txt">
              {t(lang, 'Télécharger le sommaire (texte)', 'Download the table of contents (text)')}
            </a>
            {coordinating && (
              <>
                {' · '}
                <a href="/bureau/sommaire.zip">
                  {t(
                    lang,
                    'Télécharger le dossier du numéro (textes et contrats signés, .zip)',
                    'Download the issue’s folder (texts and signed contracts, .zip)',
                  )}
                </a>
              </>
            )}
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

function ContentsTable(props: {
  entries: ContentsEntry[];
  numbered: boolean;
  call: Call;
  lang: Lang;
  /** Given to those who may reorder the issue (coordinators): the move buttons. */
  csrf?: string;
}) {
  const { entries, numbered, call, lang, csrf } = props;
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
            {csrf && <th scope="col">{t(lang, 'Ordre', 'Order')}</th>}
          </tr>
        </thead>
        <tbody>
          {entries.map((e, i) => (
            <tr key={e.id} id={`texte-${e.id}`}>
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
              {csrf && (
                <td>
                  <MoveButtons
                    entry={e}
                    csrf={csrf}
                    lang={lang}
                    first={i === 0}
                    last={i === entries.length - 1}
                  />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** « Monter » / « Descendre »: one small form each, so that the order changes without JavaScript. */
function MoveButtons(props: {
  entry: ContentsEntry;
  csrf: string;
  lang: Lang;
  first: boolean;
  last: boolean;
}) {
  const { entry, csrf, lang, first, last } = props;
  const button = (direction: 'up' | 'down', label: string) => (
    <form method="post" action="/bureau/sommaire/ordre" class="inline">
      <input type="hidden" name="_csrf" value={csrf} />
      <input type="hidden" name="proposition" value={entry.id} />
      <input type="hidden" name="sens" value={direction} />
      <button type="submit" class="secondary small">
        {label}
        <span class="visually-hidden">{` : ${entry.title}`}</span>
      </button>
    </form>
  );
  return (
    <>
      {!first && button('up', t(lang, 'Monter', 'Move up'))}
      {!last && button('down', t(lang, 'Descendre', 'Move down'))}
    </>
  );
}
