import type { ReaderView } from '../../../../app/reviewer-open.js';
import { formatLocalDay } from '../../../../domain/call/format-date.js';
import type { Call } from '../../../../domain/call/schema.js';
import {
  RECOMMENDATION_LABELS,
  RECOMMENDATIONS,
  type ReviewClosed,
  type ReviewField,
} from '../../../../domain/editorial/review.js';
import { formatNumber, type Lang, type Message, say } from '../../../../domain/shared/message.js';
import { msg } from '../../../../domain/shared/typography.js';
import { t } from '../../lang.js';
import type { FieldProblem } from '../../routes/author-form.js';
import { coordinatorNames } from '../author/notice-page.js';
import { CsrfField, FieldMessages, langQuery } from '../author/parts.js';
import { Layout } from '../layout.js';
import { ReviewFilesSection } from './files-section.js';

export type ReviewDone = 'avis' | 'decline' | 'fichier';

/** What the reader typed, shown again with its problems. */
export interface OpinionTyped {
  recommendation?: string;
  forAuthors?: string;
  forCommittee?: string;
}

export interface ReviewPageProps {
  call: Call;
  lang: Lang;
  path: string;
  csrf: string;
  view: ReaderView;
  problems?: Map<ReviewField, Message>;
  typed?: OpinionTyped;
  done?: ReviewDone | null;
  /** The anonymised copy could not be made safely: the coordinators will send one. */
  copyRefused?: boolean;
  /** Why the annotated file just sent was not kept. */
  fileProblems?: FieldProblem[];
}

const FIELD_IDS: Record<'recommendation' | 'forAuthors' | 'forCommittee', string> = {
  recommendation: 'avis',
  forAuthors: 'pour-auteur',
  forCommittee: 'pour-comite',
};

/**
 * The reader's page (/relecture/<token>): the text's reference and length, the anonymised copy,
 * and the opinion form. It shows nothing that names the authors. The reader's opinion may be
 * corrected until the committee decides.
 */
export function ReviewPage(props: ReviewPageProps) {
  const { call, lang, path, view } = props;
  const title = t(
    lang,
    `Relecture de la proposition ${view.reference}`,
    `Review of submission ${view.reference}`,
  );
  return (
    <Layout lang={lang} title={title} journal={call.journal} path={path}>
      <h1>{title}</h1>
      {props.done && (
        <p class="status" role="status">
          {say(DONE[props.done], lang)}
        </p>
      )}
      <StateNotice {...props} />
      <AboutTheText {...props} />
      {view.closed === null && <OpinionForm {...props} />}
      {view.closed !== null && view.closed !== 'cancelled' && view.review.recommendation && (
        <GivenOpinion {...props} />
      )}
      <ReviewFilesSection {...props} />
      {view.canDecline && <DeclineForm {...props} />}
      <p>
        {t(
          lang,
          `Une question ? Écrivez aux coordinateurs du numéro : ${coordinatorNames(call)}.`,
          `A question? Write to the issue’s coordinators: ${coordinatorNames(call)}.`,
        )}
      </p>
    </Layout>
  );
}

const DONE: Record<ReviewDone, Message> = {
  avis: msg(
    'Merci : votre avis est enregistré. Les coordinateurs du numéro sont prévenus. Vous pouvez encore le corriger ci-dessous tant que le comité n’a pas décidé.',
    'Thank you: your opinion is recorded. The issue’s coordinators have been told. You can still correct it below until the committee decides.',
  ),
  decline: msg(
    'C’est noté : vous ne relirez pas ce texte. Merci de nous l’avoir dit.',
    'Noted: you will not review this text. Thank you for telling us.',
  ),
  fichier: msg(
    'Merci : votre fichier est reçu, il est listé ci-dessous. Si ce n’est pas déjà fait, donnez aussi votre avis dans le formulaire.',
    'Thank you: your file is received, it is listed below. If you have not done so yet, also give your opinion in the form.',
  ),
};

const CLOSED: Record<Exclude<ReviewClosed, 'cancelled'>, Message> = {
  declined: msg(
    'Vous avez indiqué ne pas pouvoir relire ce texte.',
    'You said you could not review this text.',
  ),
  withdrawn: msg(
    'L’auteur a retiré sa proposition : la relecture est close. Merci de votre disponibilité.',
    'The author withdrew the submission: the review is closed. Thank you for your time.',
  ),
  'new-version': msg(
    'Une nouvelle version du texte est arrivée depuis votre lecture : cette relecture est close. Les coordinateurs vous écriront s’ils souhaitent votre avis sur la nouvelle version.',
    'A new version of the text has arrived since your reading: this review is closed. The coordinators will write to you if they would like your opinion on the new version.',
  ),
  decided: msg(
    'Le comité de rédaction a pris sa décision : la relecture est close. Merci pour votre lecture.',
    'The editorial committee has decided: the review is closed. Thank you for your reading.',
  ),
};

function StateNotice({ lang, view, done }: ReviewPageProps) {
  const { state } = view.review;
  // Just answered: the confirmation above says it all.
  if (done) return null;
  if (view.closed && view.closed !== 'cancelled') {
    return <p class="status status-closed">{say(CLOSED[view.closed], lang)}</p>;
  }
  if (state === 'cancelled') {
    return (
      <p class="status status-closed">
        {t(
          lang,
          'Les coordinateurs ont retiré cette demande de relecture : vous n’avez plus rien à faire. Merci de votre disponibilité.',
          'The coordinators have withdrawn this review request: there is nothing more for you to do. Thank you for your time.',
        )}
      </p>
    );
  }
  return (
    <p class="status">
      {state === 'submitted'
        ? t(
            lang,
            'Votre avis est enregistré. Vous pouvez le corriger ci-dessous tant que le comité n’a pas décidé.',
            'Your opinion is recorded. You can correct it below until the committee decides.',
          )
        : t(
            lang,
            'Les coordinateurs du numéro vous demandent votre avis sur ce texte. Lisez la copie anonyme, puis remplissez le formulaire ci-dessous.',
            'The issue’s coordinators ask for your opinion on this text. Read the anonymised copy, then fill in the form below.',
          )}
    </p>
  );
}

function AboutTheText({ call, lang, path, view, copyRefused }: ReviewPageProps) {
  const open = view.review.state === 'invited' || view.review.state === 'submitted';
  return (
    <section aria-labelledby="le-texte">
      <h2 id="le-texte">{t(lang, 'Le texte', 'The text')}</h2>
      <dl>
        <dt>{t(lang, 'Appel', 'Call')}</dt>
        <dd>{`${call.journal}, ${call.theme}`}</dd>
        {view.axis && (
          <>
            <dt>{t(lang, 'Axe de l’appel', 'Line of inquiry')}</dt>
            <dd>{view.axis}</dd>
          </>
        )}
        {view.signes !== null && (
          <>
            <dt>{t(lang, 'Longueur', 'Length')}</dt>
            <dd>
              {t(
                lang,
                `${formatNumber(view.signes, lang)} signes, espaces compris`,
                `${formatNumber(view.signes, lang)} characters, spaces included`,
              )}
            </dd>
          </>
        )}
        {view.review.dueOn && (
          <>
            <dt>{t(lang, 'Avis souhaité avant le', 'Opinion wished for by')}</dt>
            <dd>{formatLocalDay(view.review.dueOn, lang)}</dd>
          </>
        )}
      </dl>
      {open && !copyRefused && (
        <p>
          <a class="button" href={`${path}/copie${langQuery(lang)}`} download="">
            {t(lang, 'Télécharger la copie anonyme', 'Download the anonymised copy')}
          </a>
          <span class="hint">
            {t(
              lang,
              ' Un fichier Word, sans le nom de l’auteur ni ses coordonnées.',
              ' A Word file, without the author’s name or contact details.',
            )}
          </span>
        </p>
      )}
      {open && copyRefused && (
        <p class="finding warning">
          {t(
            lang,
            `La copie anonyme de ce texte n’a pas pu être préparée automatiquement. Les coordinateurs vous l’enverront par courriel : ${coordinatorNames(call)}.`,
            `The anonymised copy of this text could not be prepared automatically. The coordinators will send it to you by e-mail: ${coordinatorNames(call)}.`,
          )}
        </p>
      )}
    </section>
  );
}

function problemsOf(problems: ReviewPageProps['problems'], field: ReviewField): FieldProblem[] | undefined {
  const message = problems?.get(field);
  return message ? [{ message, severity: 'error' }] : undefined;
}

function aria(problems: ReviewPageProps['problems'], field: keyof typeof FIELD_IDS, hint?: string) {
  const invalid = problems?.has(field) ?? false;
  const id = FIELD_IDS[field];
  const described = [hint, invalid ? `${id}-erreur` : undefined].filter(Boolean).join(' ');
  return {
    ...(described ? { 'aria-describedby': described } : {}),
    ...(invalid ? { 'aria-invalid': 'true' as const } : {}),
  };
}

function OpinionForm({ lang, path, csrf, view, problems, typed }: ReviewPageProps) {
  const given = view.review;
  const values = {
    recommendation: typed?.recommendation ?? given.recommendation ?? '',
    forAuthors: typed?.forAuthors ?? given.forAuthors ?? '',
    forCommittee: typed?.forCommittee ?? given.forCommittee ?? '',
  };
  return (
    <section aria-labelledby="votre-avis">
      <h2 id="votre-avis">{t(lang, 'Votre avis', 'Your opinion')}</h2>
      <form method="post" action={`${path}${langQuery(lang)}`} data-once="" noValidate>
        <CsrfField token={csrf} />
        <fieldset {...aria(problems, 'recommendation')}>
          <legend>{t(lang, 'Que conseillez-vous au comité ?', 'What do you advise the committee?')}</legend>
          {RECOMMENDATIONS.map((value, i) => (
            <label key={value} class="choice">
              <input
                type="radio"
                name="avis"
                value={value}
                checked={values.recommendation === value}
                {...(i === 0 ? { id: FIELD_IDS.recommendation } : {})}
              />
              {say(RECOMMENDATION_LABELS[value], lang)}
            </label>
          ))}
          <FieldMessages
            id={FIELD_IDS.recommendation}
            problems={problemsOf(problems, 'recommendation')}
            lang={lang}
          />
        </fieldset>
        <CommentField
          field="forAuthors"
          name="pour_auteur"
          rows={10}
          label={t(lang, 'Pour l’auteur ou l’autrice', 'For the author')}
          hint={t(
            lang,
            ' Ce texte pourra lui être transmis tel quel, sans votre nom : ce qui fonctionne, ce qui serait à reprendre.',
            ' This text may be passed on to them as it is, without your name: what works, what should be reworked.',
          )}
          value={values.forAuthors}
          problems={problems}
          lang={lang}
        />
        <CommentField
          field="forCommittee"
          name="pour_comite"
          rows={5}
          label={t(lang, 'Pour le comité seulement (facultatif)', 'For the committee only (optional)')}
          hint={t(lang, ' Jamais transmis à l’auteur.', ' Never passed on to the author.')}
          value={values.forCommittee}
          problems={problems}
          lang={lang}
        />
        <p>
          <button type="submit">
            {given.state === 'submitted'
              ? t(lang, 'Enregistrer la correction', 'Save the correction')
              : t(lang, 'Envoyer mon avis', 'Send my opinion')}
          </button>
        </p>
      </form>
    </section>
  );
}

/** One of the opinion's two texts: its label and hint, the textarea, its problem if any. */
function CommentField(props: {
  field: 'forAuthors' | 'forCommittee';
  name: string;
  rows: number;
  label: string;
  hint: string;
  value: string;
  problems: ReviewPageProps['problems'];
  lang: Lang;
}) {
  const id = FIELD_IDS[props.field];
  return (
    <>
      <label for={id}>
        {props.label}
        <span class="hint" id={`${id}-aide`}>
          {props.hint}
        </span>
      </label>
      <textarea
        name={props.name}
        id={id}
        rows={props.rows}
        {...aria(props.problems, props.field, `${id}-aide`)}
      >
        {props.value}
      </textarea>
      <FieldMessages id={id} problems={problemsOf(props.problems, props.field)} lang={props.lang} />
    </>
  );
}

function GivenOpinion({ lang, view }: ReviewPageProps) {
  const { recommendation, forAuthors, forCommittee } = view.review;
  return (
    <section aria-labelledby="avis-donne">
      <h2 id="avis-donne">{t(lang, 'Votre avis', 'Your opinion')}</h2>
      <dl>
        <dt>{t(lang, 'Conseil au comité', 'Advice to the committee')}</dt>
        <dd>{recommendation ? say(RECOMMENDATION_LABELS[recommendation], lang) : ''}</dd>
        <dt>{t(lang, 'Pour l’auteur ou l’autrice', 'For the author')}</dt>
        <dd class="prose">{forAuthors ?? ''}</dd>
        {forCommittee && (
          <>
            <dt>{t(lang, 'Pour le comité seulement', 'For the committee only')}</dt>
            <dd class="prose">{forCommittee}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

function DeclineForm({ lang, path, csrf }: ReviewPageProps) {
  return (
    <section aria-labelledby="decliner">
      <h2 id="decliner">{t(lang, 'Vous ne pouvez pas relire ce texte ?', 'You cannot review this text?')}</h2>
      <p>
        {t(
          lang,
          'Par manque de temps, parce que vous reconnaissez l’auteur, ou pour toute autre raison : dites-le, les coordinateurs demanderont à quelqu’un d’autre.',
          'For lack of time, because you recognise the author, or for any other reason: say so, and the coordinators will ask someone else.',
        )}
      </p>
      <form method="post" action={`${path}/decliner${langQuery(lang)}`} data-once="">
        <CsrfField token={csrf} />
        <button type="submit" class="secondary">
          {t(lang, 'Je ne peux pas relire ce texte', 'I cannot review this text')}
        </button>
      </form>
    </section>
  );
}

/** An unknown reader's link: the same page for a mistyped address and a link that never was. */
export function ReviewNotFoundPage({ call, lang }: { call: Call; lang: Lang }) {
  const title = t(lang, 'Lien de relecture introuvable', 'Review link not found');
  return (
    <Layout lang={lang} title={title} journal={call.journal} path="/">
      <h1>{title}</h1>
      <p>
        {t(
          lang,
          `Ce lien ne correspond à aucune demande de relecture. Vérifiez qu’il est complet (copiez-le en entier depuis le courriel), ou écrivez aux coordinateurs du numéro : ${coordinatorNames(call)}.`,
          `This link matches no review request. Check that it is complete (copy all of it from the e-mail), or write to the issue’s coordinators: ${coordinatorNames(call)}.`,
        )}
      </p>
    </Layout>
  );
}
