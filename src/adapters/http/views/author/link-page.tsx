import type { AuthorView } from '../../../../app/author-follow.js';
import type { SharedReview } from '../../../../app/author-reviews.js';
import { formatInstant } from '../../../../domain/call/format-date.js';
import type { Call } from '../../../../domain/call/schema.js';
import { showsContract } from '../../../../domain/editorial/contract.js';
import type { Lang } from '../../../../domain/shared/message.js';
import { STATUS_LABELS } from '../../../../domain/submission/labels.js';
import type { ContractDocument } from '../../../../ports/contract-documents.js';
import type { VersionRecord } from '../../../../ports/submission-store.js';
import { say, t } from '../../lang.js';
import type { FieldProblems } from '../../routes/author-form.js';
import { AxisName } from '../call-words.js';
import { Layout } from '../layout.js';
import { ContractBlock } from './contract-block.js';
import {
  CsrfField,
  FieldMessages,
  FindingList,
  fieldAria,
  fileSize,
  firstInvalid,
  langQuery,
  MissingList,
  shown,
} from './parts.js';
import { ReviewsBlock } from './reviews-block.js';
import { VerdictBlock, verdictOf } from './verdict.js';

/** What the author typed in the details form, given back when something needs fixing. */
export interface DetailsTyped {
  contact?: string;
  email?: string;
  phone?: string;
  postalAddress?: string;
}

export type Done = 'coordonnees' | 'version' | 'version-deja' | 'retrait' | 'contrat';

export interface LinkPageProps {
  call: Call;
  lang: Lang;
  /** The page's own path (/suivi/<token>): forms post below it. */
  path: string;
  view: AuthorView;
  /** The publishing contract's files, once the contract is sent. */
  contract: ContractDocument[];
  /** The readers' opinions passed on with a decision, with their annotated texts' copies. */
  reviews: SharedReview[];
  csrf: string;
  problems: FieldProblems;
  typed: DetailsTyped;
  done: Done | null;
}

const FIELD_ORDER = ['contact', 'courriel', 'telephone', 'adresse', 'fichier', 'contrat-fichier'];

const DONE: Record<Done, { fr: string; en: string }> = {
  coordonnees: { fr: 'Vos informations sont enregistrées.', en: 'Your details are recorded.' },
  version: {
    fr: 'Votre nouvelle version est enregistrée. Un accusé de réception vous est envoyé.',
    en: 'Your new version is recorded. A receipt is being sent to you.',
  },
  'version-deja': {
    fr: 'Nous avions déjà ce fichier : il n’a pas été enregistré une seconde fois.',
    en: 'We already had this file: it was not recorded a second time.',
  },
  retrait: { fr: 'Votre proposition est retirée.', en: 'Your proposal is withdrawn.' },
  contrat: {
    fr: 'Votre contrat signé est bien reçu : la rédaction va le vérifier. S’il a d’autres pages, envoyez-les de la même façon.',
    en: 'Your signed contract is received: the editors will check it. If it has more pages, send them the same way.',
  },
};

/**
 * The author's private page: their submission and nothing else — where it stands, its versions
 * with their checks, what is missing — and what they can do: complete their details, send a new
 * version (checked first), withdraw (with a confirmation step).
 */
export function LinkPage(props: LinkPageProps) {
  const { call, lang, path, view, csrf, problems, done } = props;
  const { record } = view;
  const q = langQuery(lang);
  return (
    <Layout
      lang={lang}
      title={t(lang, 'Suivi de votre proposition', 'Your proposal')}
      journal={call.journal}
      path={path}
    >
      <h1>{shown(record.title, 300)}</h1>
      {done && (
        <p class="status" role="status">
          {say(DONE[done], lang)}
        </p>
      )}
      <p
        class={`status${record.status === 'withdrawn' || record.status === 'declined' ? ' status-closed' : ''}`}
      >
        {t(lang, 'État de votre proposition : ', 'Status of your proposal: ')}
        <strong>{say(STATUS_LABELS[record.status], lang)}</strong>
      </p>
      <dl>
        <dt>{t(lang, 'Reçue le', 'Received on')}</dt>
        <dd>{formatInstant(Date.parse(record.receivedAt), call.deadline.timeZone, lang)}</dd>
        <dt>{record.authors.length > 1 ? t(lang, 'Auteurs', 'Authors') : t(lang, 'Auteur', 'Author')}</dt>
        <dd>
          <ul>
            {record.authors.map((a) => (
              <li key={a.id}>
                {shown(`${a.givenName} ${a.surname}`)}
                {a.isContact &&
                  record.authors.length > 1 &&
                  t(lang, ' (personne à contacter)', ' (contact person)')}
              </li>
            ))}
          </ul>
        </dd>
        {record.axis && (
          <>
            <dt>{t(lang, 'Axe', 'Line of inquiry')}</dt>
            <dd>
              <AxisName call={call} lang={lang} id={record.axis} fallback={shown(record.axis)} />
            </dd>
          </>
        )}
      </dl>

      {view.missing.length > 0 && (
        <section>
          <h2>{t(lang, 'Ce qu’il manque encore', 'What is still missing')}</h2>
          <MissingList missing={view.missing} lang={lang} />
        </section>
      )}

      {showsContract(record.status) && <ContractBlock {...props} />}

      <ReviewsBlock {...props} />

      {view.canCompleteDetails && <DetailsForm {...props} />}

      <section>
        <h2>{t(lang, 'Vos versions du manuscrit', 'Your manuscript versions')}</h2>
        {[...record.versions].reverse().map((v) => (
          <VersionBlock
            key={v.id}
            call={call}
            lang={lang}
            version={v}
            findings={record.findings.filter((f) => f.versionId === v.id)}
          />
        ))}
      </section>

      {record.findings.some((f) => f.versionId === null && f.severity !== 'info') && (
        <section>
          <h2>{t(lang, 'Remarques sur votre envoi', 'Remarks on your submission')}</h2>
          <FindingList
            findings={record.findings.filter((f) => f.versionId === null && f.severity !== 'info')}
            lang={lang}
          />
        </section>
      )}

      {view.canSendVersion && (
        <section id="nouvelle-version">
          <h2>{t(lang, 'Envoyer une nouvelle version', 'Send a new version')}</h2>
          <p>
            {t(
              lang,
              'Nous vérifions le fichier et vous montrons le résultat avant de l’enregistrer.',
              'We check the file and show you the result before recording it.',
            )}
          </p>
          <form method="post" action={`${path}/version${q}`} enctype="multipart/form-data" data-once="">
            <CsrfField token={csrf} />
            <label for="fichier">
              {t(
                lang,
                'Nouvelle version (Word, .docx de préférence)',
                'New version (Word, preferably .docx)',
              )}
            </label>
            <input
              type="file"
              name="fichier"
              accept=".docx,.doc,.odt,.docm,.dotx,.dotm"
              id="fichier"
              {...fieldAria('fichier', problems, undefined, firstInvalid(problems, FIELD_ORDER))}
            />
            <FieldMessages id="fichier" problems={problems.get('fichier')} lang={lang} />
            <p>
              <button type="submit" name="action" value="verifier">
                {t(lang, 'Vérifier cette version', 'Check this version')}
              </button>
            </p>
          </form>
        </section>
      )}

      {view.canWithdraw && (
        <section>
          <h2>{t(lang, 'Retirer votre proposition', 'Withdraw your proposal')}</h2>
          <p>
            {t(
              lang,
              'Si vous ne souhaitez plus être publié dans ce numéro, vous pouvez retirer votre proposition. Vous devrez confirmer.',
              'If you no longer wish to be published in this issue, you can withdraw your proposal. You will be asked to confirm.',
            )}
          </p>
          <p>
            <a class="button secondary" href={`${path}/retirer${q}`}>
              {t(lang, 'Retirer ma proposition…', 'Withdraw my proposal…')}
            </a>
          </p>
        </section>
      )}
    </Layout>
  );
}

function VersionBlock({
  call,
  lang,
  version,
  findings,
}: {
  call: Call;
  lang: Lang;
  version: VersionRecord;
  findings: LinkPageFindings;
}) {
  return (
    <article class="version">
      <h3>
        {t(lang, `Version ${version.number}`, `Version ${version.number}`)} —{' '}
        {formatInstant(Date.parse(version.receivedAt), call.deadline.timeZone, lang)}
      </h3>
      <p>
        {shown(version.fileName)} ({fileSize(version.byteSize, lang)})
      </p>
      <VerdictBlock
        call={call}
        lang={lang}
        verdict={verdictOf(version.signesTotal, findings)}
        signes={version.signesTotal}
        approximate={version.format === 'doc'}
        findings={findings}
        level={4}
      />
    </article>
  );
}

type LinkPageFindings = LinkPageProps['view']['record']['findings'];

function DetailsForm({ call, lang, path, view, csrf, problems, typed }: LinkPageProps) {
  const { record, facts } = view;
  const contact =
    record.authors.find((a) => a.isContact) ?? (record.authors.length === 1 ? record.authors[0] : undefined);
  const needsContact = !facts.contactPerson;
  const needsEmail = !needsContact && !facts.contactEmail;
  const consents = facts.consents ?? {};
  const q = langQuery(lang);
  const focus = firstInvalid(problems, FIELD_ORDER);
  return (
    <section id="coordonnees">
      <h2>{t(lang, 'Vos coordonnées', 'Your contact details')}</h2>
      <form
        method="post"
        action={`${path}/coordonnees${q}`}
        data-author-form=""
        data-check-url={`/deposer/coordonnees${q}`}
        noValidate
      >
        <CsrfField token={csrf} />
        {needsContact && (
          <fieldset>
            <legend>
              {t(lang, 'Qui la rédaction doit-elle contacter ?', 'Whom should the editors contact?')}
            </legend>
            {record.authors.map((a, i) => (
              <label key={a.id} class="choice">
                <input
                  type="radio"
                  name="contact"
                  value={a.id}
                  checked={typed.contact === a.id}
                  {...(i === 0
                    ? { id: 'contact', ...fieldAria('contact', problems, undefined, focus) }
                    : { id: `contact-${i}` })}
                />
                {shown(`${a.givenName} ${a.surname}`)}
              </label>
            ))}
            <FieldMessages id="contact" problems={problems.get('contact')} lang={lang} />
            <label for="courriel">{t(lang, 'Son adresse électronique', 'Their e-mail address')}</label>
            <input
              type="email"
              name="courriel"
              id="courriel"
              value={typed.email ?? ''}
              {...fieldAria('courriel', problems, undefined, focus)}
            />
            <FieldMessages id="courriel" problems={problems.get('courriel')} lang={lang} />
          </fieldset>
        )}
        {needsEmail && (
          <>
            <label for="courriel">
              {t(
                lang,
                'Adresse électronique de la personne à contacter',
                'The contact person’s e-mail address',
              )}
            </label>
            <input
              type="email"
              name="courriel"
              id="courriel"
              value={typed.email ?? ''}
              {...fieldAria('courriel', problems, undefined, focus)}
            />
            <FieldMessages id="courriel" problems={problems.get('courriel')} lang={lang} />
          </>
        )}
        {call.contactDetails.phone && (
          <>
            <label for="telephone">
              {t(lang, 'Numéro de téléphone', 'Phone number')}
              <span class="hint" id="telephone-aide">
                {t(
                  lang,
                  'Par exemple 06 12 34 56 78, ou +262 692 12 34 56.',
                  'For example +33 6 12 34 56 78.',
                )}
              </span>
            </label>
            <input
              type="tel"
              name="telephone"
              id="telephone"
              autocomplete="tel"
              data-live-check="telephone"
              value={typed.phone ?? contact?.phone ?? ''}
              {...fieldAria('telephone', problems, 'telephone-aide', focus)}
            />
            <div data-live-result="telephone" aria-live="polite">
              <FieldMessages id="telephone" problems={problems.get('telephone')} lang={lang} />
            </div>
          </>
        )}
        {call.contactDetails.postalAddress && (
          <>
            <label for="adresse">
              {t(lang, 'Adresse postale', 'Postal address')}
              <span class="hint" id="adresse-aide">
                {t(lang, 'Numéro et rue, code postal, commune.', 'Number and street, postcode, town.')}
              </span>
            </label>
            <textarea
              name="adresse"
              id="adresse"
              rows={3}
              autocomplete="street-address"
              data-live-check="adresse"
              {...fieldAria('adresse', problems, 'adresse-aide', focus)}
            >
              {typed.postalAddress ?? contact?.postalAddress ?? ''}
            </textarea>
            <div data-live-result="adresse" aria-live="polite">
              <FieldMessages id="adresse" problems={problems.get('adresse')} lang={lang} />
            </div>
          </>
        )}
        {call.consents.onlinePublication && consents.onlinePublication !== true && (
          <label class="choice">
            <input type="checkbox" name="accord_mise_en_ligne" value="oui" id="accord-mise-en-ligne" />
            {t(
              lang,
              'J’accepte que mon texte, s’il est publié, puisse être mis en ligne.',
              'I agree that my text, if published, may be put online.',
            )}
          </label>
        )}
        {call.consents.freeOfCharge && consents.freeOfCharge !== true && (
          <label class="choice">
            <input type="checkbox" name="accord_gracieux" value="oui" id="accord-gracieux" />
            {t(
              lang,
              'Je remets mon texte à titre gracieux (sans rémunération).',
              'I give my text free of charge (without payment).',
            )}
          </label>
        )}
        <p>
          <button type="submit">{t(lang, 'Enregistrer mes coordonnées', 'Save my details')}</button>
        </p>
      </form>
    </section>
  );
}
