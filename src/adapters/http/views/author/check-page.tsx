import type { DraftCheck } from '../../../../app/author-check-draft.js';
import type { Call } from '../../../../domain/call/schema.js';
import type { Lang } from '../../../../domain/shared/message.js';
import type { FieldName } from '../../../../domain/submission/requirements.js';
import { t } from '../../lang.js';
import { contactIndex, type FormValues, fieldId } from '../../routes/author-form.js';
import { CallWords } from '../call-words.js';
import { Layout } from '../layout.js';
import { CsrfField, FindingList, fileSize, langQuery, MissingList, shown } from './parts.js';
import { VerdictBlock } from './verdict.js';

export interface CheckPageProps {
  call: Call;
  lang: Lang;
  values: FormValues;
  csrf: string;
  file: { name: string; byteSize: number };
  check: DraftCheck;
  /** What the submission will lack to be complete (it can be given later through the link). */
  missing: FieldName[];
}

/** Every value of the form, carried to the confirmation unchanged (the file goes by its draft). */
export function HiddenDetails({ values }: { values: FormValues }) {
  return (
    <>
      <input type="hidden" name="cle" value={values.key} />
      <input type="hidden" name="brouillon" value={values.draft} />
      {values.authors.map((a, i) => (
        <span key={i}>
          <input type="hidden" name={fieldId.givenName(i)} value={a.givenName} />
          <input type="hidden" name={fieldId.surname(i)} value={a.surname} />
          <input type="hidden" name={fieldId.email(i)} value={a.email} />
        </span>
      ))}
      <input type="hidden" name="contact" value={String(contactIndex(values))} />
      {values.orderRequested && <input type="hidden" name="ordre" value="oui" />}
      <input type="hidden" name="telephone" value={values.phone} />
      <input type="hidden" name="adresse" value={values.postalAddress} />
      <input type="hidden" name="axe" value={values.axis} />
      <input type="hidden" name="titre" value={values.title} />
      {values.consentOnline && <input type="hidden" name="accord_mise_en_ligne" value="oui" />}
      {values.consentFree && <input type="hidden" name="accord_gracieux" value="oui" />}
    </>
  );
}

/**
 * Step 2: the verdict on the manuscript and on the details, with how to fix each point, before
 * anything is recorded. The author sends now, changes the file, or changes the details.
 */
export function CheckPage({ call, lang, values, csrf, file, check, missing }: CheckPageProps) {
  const m = check.analysis.manuscript;
  const title = t(lang, 'Vérification de votre manuscrit', 'Your manuscript checked');
  const axis = call.axes.find((a) => a.id === values.axis);
  const good = check.verdict === 'pass';
  const remarks = check.submissionFindings.filter((f) => f.severity !== 'info');
  return (
    <Layout lang={lang} title={title} journal={call.journal} path="/deposer">
      <h1>{title}</h1>
      <p>
        {t(lang, 'Fichier : ', 'File: ')}
        <strong>{shown(file.name)}</strong> ({fileSize(file.byteSize, lang)})
      </p>
      <VerdictBlock
        call={call}
        lang={lang}
        verdict={check.verdict}
        signes={m?.counts.signes.total ?? null}
        approximate={m?.counts.approximate ?? false}
        findings={check.findings}
      />
      {remarks.length > 0 && (
        <>
          <h2>{t(lang, 'Vos informations', 'Your details')}</h2>
          <FindingList findings={remarks} lang={lang} />
        </>
      )}
      {missing.length > 0 && (
        <>
          <h2>{t(lang, 'Ce qui manquera encore', 'What will still be missing')}</h2>
          <MissingList missing={missing} lang={lang} />
          <p>
            {t(
              lang,
              'Vous pouvez envoyer maintenant et les ajouter plus tard avec votre lien de suivi, ou modifier vos informations dès maintenant.',
              'You can send now and add them later with your follow-up link, or change your details now.',
            )}
          </p>
        </>
      )}
      <h2>{t(lang, 'Ce que vous allez envoyer', 'What you are about to send')}</h2>
      <dl>
        <dt>{t(lang, 'Titre', 'Title')}</dt>
        <dd>{shown(values.title, 300)}</dd>
        <dt>{values.authors.length > 1 ? t(lang, 'Auteurs', 'Authors') : t(lang, 'Auteur', 'Author')}</dt>
        <dd>
          <ul>
            {values.authors.map((a, i) => (
              <li key={i}>
                {shown(`${a.givenName} ${a.surname}`)}
                {i === contactIndex(values) && t(lang, ' (personne à contacter)', ' (contact person)')}
              </li>
            ))}
          </ul>
        </dd>
        {axis && (
          <>
            <dt>{t(lang, 'Axe', 'Line of inquiry')}</dt>
            <dd>
              <CallWords call={call} lang={lang} text={axis.title} />
            </dd>
          </>
        )}
      </dl>
      <form method="post" action={`/deposer${langQuery(lang)}`} enctype="multipart/form-data" data-once="">
        <CsrfField token={csrf} />
        <HiddenDetails values={values} />
        {!good && (
          <p>
            {t(
              lang,
              'Nous vous conseillons de corriger votre fichier puis de le choisir de nouveau. Vous pouvez aussi l’envoyer tel quel : les coordinateurs du dossier décideront.',
              'We advise you to correct your file, then choose it again. You may also send it as it is: the issue coordinators will decide.',
            )}
          </p>
        )}
        <p class="actions">
          <button type="submit" name="action" value="envoyer" class={good ? '' : 'secondary'}>
            {good
              ? t(lang, 'Envoyer ma proposition', 'Send my proposal')
              : t(lang, 'Envoyer quand même', 'Send anyway')}
          </button>{' '}
          <button type="submit" name="action" value="changer" class={good ? 'secondary' : ''}>
            {t(lang, 'Choisir un autre fichier', 'Choose another file')}
          </button>{' '}
          <button type="submit" name="action" value="modifier" class="secondary">
            {t(lang, 'Modifier mes informations', 'Change my details')}
          </button>
        </p>
      </form>
      <script src="/assets/author-form.js" defer />
    </Layout>
  );
}
