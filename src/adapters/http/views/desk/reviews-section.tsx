import { formatInstant, formatLocalDay } from '../../../../domain/call/format-date.js';
import {
  awaitsOpinion,
  canAskForReview,
  canCancelReview,
  MAX_READER_NAME_CHARS,
  MAX_REQUEST_NOTE_CHARS,
  RECOMMENDATION_LABELS,
  REVIEW_STATE_LABELS,
  type ReviewField,
} from '../../../../domain/editorial/review.js';
import type { Lang, Message } from '../../../../domain/shared/message.js';
import type { ReviewRecord } from '../../../../ports/reviews.js';
import { say, t } from '../../lang.js';
import { fileSize } from '../author/parts.js';
import type { SubmissionPageProps } from './submission-page.js';

/** After a review form: what was done, shown once at the top of the section. */
export const REVIEW_NOTICES = ['demandee', 'copie-impossible', 'annulee', 'relance'] as const;
export type ReviewNotice = (typeof REVIEW_NOTICES)[number];

/** The review request form sent back with its problems and what was typed. */
export interface ReviewFormState {
  problems: Map<ReviewField, Message>;
  typed: { readerName: string; readerEmail: string; dueOn: string; note: string };
}

const COORDINATING = ['coordinator', 'administrator'];

/**
 * The submission's reviews: who was asked, what they advise, their words for the author and for
 * the committee; for coordinators, the form that asks someone to read, and a cancel button.
 */
export function ReviewsSection(props: SubmissionPageProps) {
  const { lang, record, reviews, staff, reviewNotice } = props;
  const coordinating = COORDINATING.includes(staff.role);
  return (
    <section aria-labelledby="relectures">
      <h2 id="relectures">{t(lang, 'Relectures', 'Reviews')}</h2>
      {reviewNotice && <Notice lang={lang} notice={reviewNotice} />}
      {reviews.length === 0 ? (
        <p>{t(lang, 'Aucune relecture demandée.', 'No review asked for.')}</p>
      ) : (
        reviews.map((review, i) => (
          <ReviewEntry key={review.id} {...props} review={review} index={i + 1} coordinating={coordinating} />
        ))
      )}
      {coordinating &&
        (canAskForReview(record.status) ? (
          <AskForm {...props} />
        ) : (
          <p class="hint">
            {t(
              lang,
              'Une relecture se demande une fois la proposition envoyée en évaluation.',
              'A review is asked for once the submission is sent to review.',
            )}
          </p>
        ))}
    </section>
  );
}

function Notice({ lang, notice }: { lang: Lang; notice: ReviewNotice }) {
  const text: Record<ReviewNotice, Message> = {
    demandee: {
      fr: 'La demande de relecture part par courriel, avec le lien vers la copie anonyme.',
      en: 'The review request is on its way by e-mail, with the link to the anonymised copy.',
    },
    'copie-impossible': {
      fr: 'La demande part par courriel, mais la copie anonyme n’a pas pu être préparée automatiquement (format, ou nom d’auteur resté dans le fichier) : préparez-la à la main et envoyez-la à la personne qui relit.',
      en: 'The request is on its way by e-mail, but the anonymised copy could not be prepared automatically (format, or an author’s name left in the file): prepare it by hand and send it to the reader.',
    },
    annulee: {
      fr: 'La demande est annulée : le lien de relecture n’ouvre plus la copie.',
      en: 'The request is cancelled: the review link no longer opens the copy.',
    },
    relance: {
      fr: 'Le rappel part par courriel, avec un nouveau lien : celui du premier message ne fonctionne plus.',
      en: 'The reminder is on its way by e-mail, with a new link: the one in the first message no longer works.',
    },
  };
  return (
    <p class={notice === 'copie-impossible' ? 'finding warning' : 'notice'} role="status">
      {say(text[notice], lang)}
    </p>
  );
}

function ReviewEntry(
  props: SubmissionPageProps & { review: ReviewRecord; index: number; coordinating: boolean },
) {
  const { lang, call, csrf, record, review, index, coordinating } = props;
  const when = (iso: string) => formatInstant(Date.parse(iso), call.deadline.timeZone, lang);
  const headingId = `relecture-${index}`;
  const overdue = review.state === 'invited' && review.dueOn !== null && review.dueOn < props.today;
  const text = { status: record.status, latestVersion: record.versions.at(-1)?.number ?? 0 };
  const canRemind = coordinating && awaitsOpinion(review, text);
  return (
    <article class="review" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t(lang, `Relecture ${index} : `, `Review ${index}: `)}
        {review.readerName}
      </h3>
      <dl class="facts">
        <dt>{t(lang, 'État', 'State')}</dt>
        <dd>
          <strong>{say(REVIEW_STATE_LABELS[review.state], lang)}</strong>
          {overdue && t(lang, ' — la date souhaitée est passée', ' — the date wished for has passed')}
        </dd>
        <dt>{t(lang, 'Adresse', 'Address')}</dt>
        <dd>{review.readerEmail}</dd>
        <dt>{t(lang, 'Demandée le', 'Asked on')}</dt>
        <dd>
          {t(
            lang,
            `${when(review.askedAt)} (version ${review.versionNumber})`,
            `${when(review.askedAt)} (version ${review.versionNumber})`,
          )}
        </dd>
        {review.dueOn && (
          <>
            <dt>{t(lang, 'Avis souhaité avant le', 'Opinion wished for by')}</dt>
            <dd>{formatLocalDay(review.dueOn, lang)}</dd>
          </>
        )}
        {review.recommendation && (
          <>
            <dt>{t(lang, 'Conseil au comité', 'Advice to the committee')}</dt>
            <dd>
              <strong>{say(RECOMMENDATION_LABELS[review.recommendation], lang)}</strong>
              {review.answeredAt &&
                t(lang, ` (le ${when(review.answeredAt)})`, ` (on ${when(review.answeredAt)})`)}
            </dd>
            <dt>{t(lang, 'Pour l’auteur', 'For the author')}</dt>
            <dd class="prose">{review.forAuthors ?? ''}</dd>
            {review.sharedAt && (
              <dd>
                {t(
                  lang,
                  `Transmis à l’auteur avec la décision, le ${when(review.sharedAt)} (sur sa page de suivi).`,
                  `Passed on to the author with the decision, on ${when(review.sharedAt)} (on their follow-up page).`,
                )}
              </dd>
            )}
            {review.forCommittee && (
              <>
                <dt>{t(lang, 'Pour le comité seulement', 'For the committee only')}</dt>
                <dd class="prose">{review.forCommittee}</dd>
              </>
            )}
          </>
        )}
      </dl>
      <ReviewFiles {...props} />
      {canRemind && (
        <form method="post" action={`/bureau/propositions/${record.id}/relectures/${review.id}/rappel`}>
          <input type="hidden" name="_csrf" value={csrf} />
          <button type="submit" class="secondary">
            {t(lang, 'Relancer (nouveau lien par courriel)', 'Remind (a new link by e-mail)')}
            <span class="visually-hidden">{t(lang, ` (relecture ${index})`, ` (review ${index})`)}</span>
          </button>
        </form>
      )}
      {coordinating && canCancelReview(review.state) && (
        <form method="post" action={`/bureau/propositions/${record.id}/relectures/${review.id}/annuler`}>
          <input type="hidden" name="_csrf" value={csrf} />
          <button type="submit" class="secondary">
            {t(lang, 'Annuler cette demande', 'Cancel this request')}
            <span class="visually-hidden">{t(lang, ` (relecture ${index})`, ` (review ${index})`)}</span>
          </button>
        </form>
      )}
    </article>
  );
}

/**
 * The files this reader sent: each as sent, and its copy without the reader's name — the one the
 * author is given when the decision goes with the readers' opinions. A PDF has no such copy.
 */
function ReviewFiles(props: SubmissionPageProps & { review: ReviewRecord; index: number }) {
  const { lang, call, record, review, index } = props;
  const files = props.reviewFiles.filter((f) => f.reviewId === review.id);
  if (files.length === 0) return null;
  const base = `/bureau/propositions/${record.id}/relectures/fichiers`;
  const when = (iso: string) => formatInstant(Date.parse(iso), call.deadline.timeZone, lang);
  return (
    <>
      <h4>{t(lang, 'Texte annoté', 'Annotated text')}</h4>
      <ul>
        {files.map((f) => (
          <li key={f.id}>
            <a href={`${base}/${f.id}`}>
              {f.fileName}
              <span class="visually-hidden">{t(lang, ` (relecture ${index})`, ` (review ${index})`)}</span>
            </a>{' '}
            ({fileSize(f.byteSize, lang)}){' — '}
            {f.anonymised ? (
              <>
                <a href={`${base}/${f.id}?copie=1`}>
                  {t(lang, 'copie sans le nom du relecteur', 'copy without the reviewer’s name')}
                </a>
                {f.sharedAt
                  ? t(
                      lang,
                      `, transmise à l’auteur le ${when(f.sharedAt)}`,
                      `, given to the author on ${when(f.sharedAt)}`,
                    )
                  : t(
                      lang,
                      ', transmise à l’auteur avec la décision si vous joignez les avis',
                      ', given to the author with the decision if you include the opinions',
                    )}
              </>
            ) : (
              t(
                lang,
                'pour le comité seulement (un PDF, ou un fichier où le nom n’a pas pu être retiré) : vérifiez-le avant de le transmettre vous-même',
                'for the committee only (a PDF, or a file the name could not be taken out of): check it before passing it on yourself',
              )
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

const ASK_IDS: Record<'readerName' | 'readerEmail' | 'dueOn' | 'note', string> = {
  readerName: 'relecteur-nom',
  readerEmail: 'relecteur-courriel',
  dueOn: 'relecteur-date',
  note: 'relecteur-message',
};

function AskForm({ lang, csrf, record, reviewForm }: SubmissionPageProps) {
  const typed = reviewForm?.typed ?? { readerName: '', readerEmail: '', dueOn: '', note: '' };
  const problem = (field: keyof typeof ASK_IDS) => reviewForm?.problems.get(field);
  const attrs = (field: keyof typeof ASK_IDS, hint?: string) => {
    const invalid = problem(field) !== undefined;
    const described = [hint, invalid ? `${ASK_IDS[field]}-erreur` : undefined].filter(Boolean).join(' ');
    return {
      id: ASK_IDS[field],
      ...(described ? { 'aria-describedby': described } : {}),
      ...(invalid ? { 'aria-invalid': 'true' as const } : {}),
    };
  };
  const message = (field: keyof typeof ASK_IDS) => {
    const p = problem(field);
    return p ? (
      <p id={`${ASK_IDS[field]}-erreur`} class="finding error">
        {say(p, lang)}
      </p>
    ) : null;
  };
  return (
    <form method="post" action={`/bureau/propositions/${record.id}/relectures`} class="review-request">
      <input type="hidden" name="_csrf" value={csrf} />
      <fieldset>
        <legend>{t(lang, 'Demander une relecture', 'Ask for a review')}</legend>
        <p class="hint" id="relecture-aide">
          {t(
            lang,
            'La personne reçoit par courriel un lien personnel vers la copie anonyme de la dernière version et le formulaire de son avis. Elle n’a pas de compte à créer et ne voit ni le nom des auteurs ni le titre.',
            'The person receives by e-mail a personal link to the anonymised copy of the latest version and the form for their opinion. They need no account and see neither the authors’ names nor the title.',
          )}
        </p>
        <label for={ASK_IDS.readerName}>{t(lang, 'Nom de la personne qui relit', 'Reader’s name')}</label>
        <input
          type="text"
          name="nom"
          autocomplete="off"
          maxLength={MAX_READER_NAME_CHARS}
          value={typed.readerName}
          {...attrs('readerName')}
        />
        {message('readerName')}
        <label for={ASK_IDS.readerEmail}>{t(lang, 'Son adresse électronique', 'Their e-mail address')}</label>
        <input
          type="email"
          name="courriel"
          autocomplete="off"
          value={typed.readerEmail}
          {...attrs('readerEmail')}
        />
        {message('readerEmail')}
        <label for={ASK_IDS.dueOn}>
          {t(lang, 'Avis souhaité avant le (facultatif)', 'Opinion wished for by (optional)')}
        </label>
        <input type="date" name="date" value={typed.dueOn} {...attrs('dueOn')} />
        {message('dueOn')}
        <label for={ASK_IDS.note}>
          {t(lang, 'Message à la personne (facultatif)', 'Message to the reader (optional)')}
        </label>
        <p class="hint" id="relecteur-message-aide">
          {t(lang, 'Cité tel quel dans le courriel de demande.', 'Quoted as written in the request letter.')}
        </p>
        <textarea
          name="message"
          rows={4}
          maxLength={MAX_REQUEST_NOTE_CHARS}
          {...attrs('note', 'relecteur-message-aide')}
        >
          {typed.note}
        </textarea>
        {message('note')}
        <p>
          <button type="submit">
            {t(lang, 'Envoyer la demande de relecture', 'Send the review request')}
          </button>
        </p>
      </fieldset>
    </form>
  );
}
