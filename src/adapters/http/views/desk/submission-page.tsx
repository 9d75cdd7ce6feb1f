import type { Preview } from '../../../../app/desk-preview.js';
import { formatInstant } from '../../../../domain/call/format-date.js';
import type { Call } from '../../../../domain/call/schema.js';
import { formatNumber, type Lang } from '../../../../domain/shared/message.js';
import { EVENT_LABELS, STATUS_LABELS } from '../../../../domain/submission/labels.js';
import { ACTION_LABELS, isDecision, type Transition } from '../../../../domain/submission/lifecycle.js';
import { STATUSES, type Status } from '../../../../domain/submission/status.js';
import type { AccountRecord } from '../../../../ports/accounts.js';
import type { ContractDocument } from '../../../../ports/contract-documents.js';
import type { EditorialNote } from '../../../../ports/editorial-notes.js';
import type { ReviewFile } from '../../../../ports/review-files.js';
import type { ReviewRecord } from '../../../../ports/reviews.js';
import type { EventRecord, SubmissionRecord } from '../../../../ports/submission-store.js';
import { sanitiseFilename } from '../../../mail-in/sanitise-filename.js';
import { say, t } from '../../lang.js';
import { AxisName } from '../call-words.js';
import { type ContractNotice, ContractSection } from './contract-section.js';
import { DeskLayout } from './layout.js';
import { type NoteFormState, type NoteNotice, NotesSection } from './notes-section.js';
import { CHANNEL_NAMES } from './parts.js';
import { PreviewText } from './preview.js';
import { type ReviewFormState, type ReviewNotice, ReviewsSection } from './reviews-section.js';
import { DecisionForm, NewLinkForm } from './submission-actions.js';
import { AnalysisFacts, FindingList } from './version-analysis.js';

export interface SubmissionPageProps {
  lang: Lang;
  call: Call;
  staff: AccountRecord;
  csrf: string;
  path: string;
  record: SubmissionRecord;
  events: EventRecord[];
  /** Display names of the accounts named in the timeline. */
  names: Map<string, string>;
  transitions: Transition[];
  preview: Preview | null;
  /** The action just done (after a redirect), to confirm it. */
  done?: string;
  /** After a decision: whether a letter to the author was queued with it. */
  authorTold?: boolean;
  /** A new follow-up link was just sent to this address. */
  linkSentTo?: string;
  /** The submission's review requests, oldest first. */
  reviews: ReviewRecord[];
  /** The files readers sent with their opinions (as sent, and their copies without names). */
  reviewFiles: ReviewFile[];
  /** The call's local day (YYYY-MM-DD): a date wished for before it is past. */
  today: string;
  /** After a review form: what was done. */
  reviewNotice?: ReviewNotice;
  /** The review request form sent back with its problems. */
  reviewForm?: ReviewFormState;
  /** The publishing contract's files (the contract, the signed copies), oldest first. */
  contract: ContractDocument[];
  /** After the contract form: attached, or what was wrong. */
  contractNotice?: ContractNotice;
  /** The desk's notes on the submission, oldest first. */
  notes: EditorialNote[];
  /** After the note form: written or taken back. */
  noteNotice?: NoteNotice;
  /** The note form sent back with its problem. */
  noteForm?: NoteFormState;
}

function statusName(status: Status | null, lang: Lang): string {
  return status && (STATUSES as readonly string[]).includes(status) ? STATUS_LABELS[status][lang] : '—';
}

function actorName(e: EventRecord, names: Map<string, string>, lang: Lang): string {
  const kinds: Record<string, { fr: string; en: string }> = {
    author: { fr: 'l’auteur', en: 'the author' },
    coordinator: { fr: 'coordination', en: 'coordination' },
    committee: { fr: 'comité', en: 'committee' },
    reviewer: { fr: 'relecteur', en: 'reviewer' },
    system: { fr: 'le système', en: 'the system' },
  };
  const kind = kinds[e.actor.kind]?.[lang] ?? e.actor.kind;
  const name = e.actor.id ? names.get(e.actor.id) : undefined;
  return name ? `${name} (${kind})` : kind;
}

/** A move of the lifecycle table, or another event of the timeline; the code itself as a last resort. */
function actionName(action: string, lang: Lang): string {
  const label = (ACTION_LABELS as Record<string, { fr: string; en: string }>)[action] ?? EVENT_LABELS[action];
  return label ? say(label, lang) : action.replace(/[_.]/g, ' ');
}

export function SubmissionPage(props: SubmissionPageProps) {
  const { lang, call, staff, csrf, path, record, events, names, transitions, preview, done, authorTold } =
    props;
  const { linkSentTo } = props;
  const tz = call.deadline.timeZone;
  const when = (iso: string) => formatInstant(Date.parse(iso), tz, lang);
  const latest = record.versions[record.versions.length - 1];
  const submissionFindings = record.findings.filter((f) => f.versionId === null);
  return (
    <DeskLayout
      lang={lang}
      title={record.title}
      journal={call.journal}
      path={path}
      staff={staff}
      csrf={csrf}
      section="submissions"
    >
      <p>
        <a href="/bureau">{t(lang, '← Toutes les propositions', '← All submissions')}</a>
      </p>
      <h1>{record.title || t(lang, '(sans titre)', '(no title)')}</h1>
      {linkSentTo && (
        <p class="notice" role="status">
          {t(
            lang,
            `Un nouveau lien de suivi part vers ${linkSentTo}.`,
            `A new follow-up link is on its way to ${linkSentTo}.`,
          )}
        </p>
      )}
      {done && (
        <p class="notice" role="status">
          {t(lang, `C’est fait : ${actionName(done, 'fr')}.`, `Done: ${actionName(done, 'en')}.`)}
          {authorTold === true &&
            t(lang, ' Un courriel part vers l’auteur.', ' A letter is on its way to the author.')}
          {authorTold === false &&
            t(lang, ' Aucun courriel n’a été envoyé à l’auteur.', ' No letter was sent to the author.')}
        </p>
      )}
      <dl class="facts">
        <dt>{t(lang, 'Statut', 'Status')}</dt>
        <dd>
          <strong>{STATUS_LABELS[record.status][lang]}</strong>
        </dd>
        <dt>{t(lang, 'Reçue le', 'Received')}</dt>
        <dd>
          {when(record.receivedAt)}
          {record.late && t(lang, ' — après la date limite', ' — after the deadline')}
        </dd>
        <dt>{t(lang, 'Canal', 'Channel')}</dt>
        <dd>{CHANNEL_NAMES[record.channel][lang]}</dd>
        <dt>{t(lang, 'Axe', 'Line of inquiry')}</dt>
        <dd>
          <AxisName
            call={call}
            lang={lang}
            id={record.axis}
            fallback={record.axis ?? t(lang, 'non indiqué', 'not given')}
          />
        </dd>
        <dt>{t(lang, 'Référence', 'Reference')}</dt>
        <dd>{record.id}</dd>
      </dl>

      <ReviewsSection {...props} />
      <ContractSection {...props} />
      <NotesSection {...props} />

      <h2>{t(lang, 'Changer le statut', 'Change the status')}</h2>
      {transitions.length === 0 ? (
        <p>
          {t(
            lang,
            'Aucune action possible pour votre rôle depuis ce statut.',
            'No action is open to your role from this status.',
          )}
        </p>
      ) : (
        <div class="transitions">
          <DecisionForm {...props} decisions={transitions.filter((tr) => isDecision(tr.action))} />
          {transitions
            .filter((tr) => !isDecision(tr.action))
            .map((tr) => (
              <form key={tr.action} method="post" action={`/bureau/propositions/${record.id}/transition`}>
                <input type="hidden" name="_csrf" value={csrf} />
                <input type="hidden" name="version" value={String(record.version)} />
                <input type="hidden" name="action" value={tr.action} />
                <button type="submit" class={tr.action === 'decline' ? 'secondary' : undefined}>
                  {ACTION_LABELS[tr.action][lang]}
                  <span class="visually-hidden">
                    {t(
                      lang,
                      ` (devient : ${STATUS_LABELS[tr.to].fr})`,
                      ` (becomes: ${STATUS_LABELS[tr.to].en})`,
                    )}
                  </span>
                </button>
              </form>
            ))}
        </div>
      )}

      <h2>{t(lang, 'Auteurs et contact', 'Authors and contact')}</h2>
      <div class="table-wrap">
        <table class="desk-table">
          <caption>
            {t(lang, 'Dans l’ordre donné par les auteurs', 'In the order the authors gave')}
            {record.authors.some((a) => a.requestedOrder) &&
              t(lang, ' (ordre demandé, non alphabétique)', ' (order requested, not alphabetical)')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'Nom', 'Name')}</th>
              <th scope="col">{t(lang, 'Adresse électronique', 'E-mail')}</th>
              <th scope="col">{t(lang, 'Téléphone', 'Phone')}</th>
              <th scope="col">{t(lang, 'Adresse postale', 'Postal address')}</th>
              <th scope="col">{t(lang, 'Contact unique', 'Single contact')}</th>
            </tr>
          </thead>
          <tbody>
            {record.authors.map((a) => (
              <tr key={a.id}>
                <th scope="row">{`${a.givenName} ${a.surname}`.trim()}</th>
                <td>{a.email ?? '—'}</td>
                <td>{a.phone ?? '—'}</td>
                <td>{a.postalAddress ?? '—'}</td>
                <td>{a.isContact ? t(lang, 'oui', 'yes') : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <NewLinkForm {...props} />

      <h2>{t(lang, 'Constats sur la proposition', 'Findings on the submission')}</h2>
      <FindingList findings={submissionFindings} lang={lang} />

      <h2>{t(lang, 'Versions du manuscrit', 'Manuscript versions')}</h2>
      {[...record.versions].reverse().map((v) => (
        <section key={v.id} aria-labelledby={`version-${v.number}`}>
          <h3 id={`version-${v.number}`}>
            {t(lang, `Version ${v.number}`, `Version ${v.number}`)} — {when(v.receivedAt)}
          </h3>
          <p>
            {sanitiseFilename(v.fileName, t(lang, 'sans nom', 'no name'))} ({v.format},{' '}
            {formatNumber(v.byteSize, lang)} {t(lang, 'octets', 'bytes')}) —{' '}
            <a href={`/bureau/propositions/${record.id}/versions/${v.number}/original`}>
              {t(lang, 'télécharger le fichier reçu', 'download the file received')}
            </a>
            {(v.format === 'docx' || v.format === 'odt') && (
              <>
                {' · '}
                <a href={`/bureau/propositions/${record.id}/versions/${v.number}/anonyme`}>
                  {t(lang, 'copie anonyme (évaluation)', 'anonymised copy (review)')}
                </a>
              </>
            )}
            {v.signesTotal !== null && (
              <>
                {' · '}
                <a href={`/bureau/propositions/${record.id}/versions/${v.number}/apercu`}>
                  {t(lang, 'lire le texte', 'read the text')}
                </a>
              </>
            )}
          </p>
          <AnalysisFacts version={v} lang={lang} />
          <FindingList findings={record.findings.filter((f) => f.versionId === v.id)} lang={lang} />
        </section>
      ))}

      {latest && preview && (
        <section aria-labelledby="apercu">
          <h2 id="apercu">
            {t(lang, `Le texte (version ${latest.number})`, `The text (version ${latest.number})`)}
          </h2>
          <PreviewText preview={preview} lang={lang} />
        </section>
      )}

      <h2>{t(lang, 'Historique', 'History')}</h2>
      <div class="table-wrap">
        <table class="desk-table">
          <caption>
            {t(
              lang,
              'Tout ce qui est arrivé à cette proposition, dans l’ordre',
              'Everything that happened to this submission, in order',
            )}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'Quand', 'When')}</th>
              <th scope="col">{t(lang, 'Qui', 'Who')}</th>
              <th scope="col">{t(lang, 'Par', 'Through')}</th>
              <th scope="col">{t(lang, 'Quoi', 'What')}</th>
              <th scope="col">{t(lang, 'Statut', 'Status')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td>{when(e.at)}</td>
                <td>{actorName(e, names, lang)}</td>
                <td>
                  {e.channel === 'system'
                    ? t(lang, 'système', 'system')
                    : (CHANNEL_NAMES[e.channel]?.[lang] ?? e.channel)}
                </td>
                <td>{actionName(e.action, lang)}</td>
                <td>
                  {e.fromStatus || e.toStatus
                    ? `${statusName(e.fromStatus, lang)} → ${statusName(e.toStatus, lang)}`
                    : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </DeskLayout>
  );
}
