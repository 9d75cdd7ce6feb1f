import { callText } from '../../../../domain/call/call-text.js';
import { effectiveDeadline } from '../../../../domain/call/deadline.js';
import { formatInstant } from '../../../../domain/call/format-date.js';
import type { Call } from '../../../../domain/call/schema.js';
import { formatNumber, type Lang } from '../../../../domain/shared/message.js';
import { t } from '../../lang.js';
import { type FieldProblems, type FormValues, fieldId, MAX_AUTHORS } from '../../routes/author-form.js';
import { callLangAttribute } from '../call-words.js';
import { Layout } from '../layout.js';
import { CsrfField, ErrorSummary, FieldMessages, fieldAria, fileSize, langQuery, shown } from './parts.js';

export interface FormPageProps {
  call: Call;
  lang: Lang;
  values: FormValues;
  problems: FieldProblems;
  csrf: string;
  /** The file already uploaded (kept as a draft), shown instead of asking for it again. */
  draftFile: { name: string; byteSize: number } | null;
  now: Date;
}

function labelsOf(values: FormValues, lang: Lang): Map<string, string> {
  const labels = new Map<string, string>();
  values.authors.forEach((_, i) => {
    const who = t(lang, `Auteur ${i + 1}`, `Author ${i + 1}`);
    labels.set(fieldId.givenName(i), `${who}, ${t(lang, 'prénom', 'given name')}`);
    labels.set(fieldId.surname(i), `${who}, ${t(lang, 'nom', 'surname')}`);
    labels.set(fieldId.email(i), `${who}, ${t(lang, 'adresse électronique', 'e-mail address')}`);
  });
  labels.set(fieldId.contact, t(lang, 'Personne à contacter', 'Contact person'));
  labels.set(fieldId.phone, t(lang, 'Téléphone', 'Phone'));
  labels.set(fieldId.postalAddress, t(lang, 'Adresse postale', 'Postal address'));
  labels.set(fieldId.axis, t(lang, 'Axe', 'Line of inquiry'));
  labels.set(fieldId.title, t(lang, 'Titre', 'Title'));
  labels.set(fieldId.consents, t(lang, 'Accords', 'Agreements'));
  labels.set(fieldId.file, t(lang, 'Fichier', 'File'));
  return labels;
}

/** The first field with an error, in the page's order: it gets the focus. */
function firstError(problems: FieldProblems, labels: Map<string, string>): string | undefined {
  return [...labels.keys()].find((id) => problems.get(id)?.some((p) => p.severity === 'error'));
}

/**
 * The submission form, step 1: authors, contact details, the article, the agreements and the
 * file. Works without JavaScript (adding or removing an author posts the form and shows it again
 * as typed); the script only does the same things without a round trip and checks the phone and
 * address as they are typed.
 */
export function FormPage(props: FormPageProps) {
  const { call, lang, values, problems, csrf, draftFile, now } = props;
  const labels = labelsOf(values, lang);
  const focus = firstError(problems, labels);
  const deadline = effectiveDeadline(call.deadline, now.getTime());
  const title = t(lang, 'Proposer un article', 'Submit an article');
  const input = (id: string, hint?: string) => ({
    id,
    ...fieldAria(id, problems, hint),
    ...(focus === id ? { autofocus: true } : {}),
  });
  return (
    <Layout lang={lang} title={title} journal={call.journal} path="/deposer">
      <h1>
        {title} — {t(lang, `${call.journal} n° ${call.issue}`, `${call.journal} no. ${call.issue}`)}
      </h1>
      <p>
        {t(lang, 'Vous pouvez déposer votre proposition jusqu’au ', 'You can submit your proposal until ')}
        <time dateTime={new Date(deadline.endsAt).toISOString()}>
          {formatInstant(deadline.endsAt, deadline.timeZone, lang)}
        </time>
        .{' '}
        {t(
          lang,
          `Votre texte doit compter entre ${formatNumber(call.manuscript.minSignes, 'fr')} et ${formatNumber(call.manuscript.maxSignes, 'fr')} signes, espaces compris.`,
          `Your text must be between ${formatNumber(call.manuscript.minSignes, 'en')} and ${formatNumber(call.manuscript.maxSignes, 'en')} characters long, spaces included.`,
        )}
      </p>
      <p>
        {t(
          lang,
          'Deux étapes : vous remplissez ce formulaire et choisissez votre fichier ; nous vérifions votre manuscrit et vous montrons le résultat. Rien n’est envoyé avant que vous confirmiez.',
          'Two steps: you fill in this form and choose your file; we check your manuscript and show you the result. Nothing is sent until you confirm.',
        )}
      </p>
      <ErrorSummary problems={problems} labels={labels} lang={lang} />
      <form
        method="post"
        action={`/deposer${langQuery(lang)}`}
        enctype="multipart/form-data"
        data-author-form=""
        data-check-url={`/deposer/coordonnees${langQuery(lang)}`}
        data-text-author={t(lang, 'Auteur {n}', 'Author {n}')}
        data-text-remove={t(lang, 'Retirer l’auteur {n}', 'Remove author {n}')}
        data-text-added={t(lang, 'Auteur {n} ajouté.', 'Author {n} added.')}
        data-text-removed={t(lang, 'Auteur {n} retiré.', 'Author {n} removed.')}
        noValidate
      >
        <CsrfField token={csrf} />
        <input type="hidden" name="cle" value={values.key} />
        <input type="hidden" name="brouillon" value={values.draft} />
        {/* Pressing Enter in a field submits with the form's first button: this one checks. */}
        <button type="submit" name="action" value="verifier" class="visually-hidden" tabindex={-1}>
          {t(lang, 'Vérifier', 'Check')}
        </button>

        <fieldset id="auteurs">
          <legend>{t(lang, 'Les auteurs', 'The authors')}</legend>
          <p class="hint">
            {t(
              lang,
              'Indiquez chaque personne qui signe le texte (seules des personnes peuvent signer, pas une association). Cochez la personne que la rédaction contactera.',
              'Give each person who signs the text (only people can sign, not an organisation). Tick the person the editors will contact.',
            )}
          </p>
          {values.authors.map((a, i) => (
            <fieldset key={i} class="author" data-author-row={String(i)}>
              <legend>{t(lang, `Auteur ${i + 1}`, `Author ${i + 1}`)}</legend>
              <label for={fieldId.givenName(i)}>{t(lang, 'Prénom', 'Given name')}</label>
              <input
                type="text"
                name={fieldId.givenName(i)}
                value={a.givenName}
                autocomplete={i === 0 ? 'given-name' : 'off'}
                required
                {...input(fieldId.givenName(i))}
              />
              <FieldMessages
                id={fieldId.givenName(i)}
                problems={problems.get(fieldId.givenName(i))}
                lang={lang}
              />
              <label for={fieldId.surname(i)}>{t(lang, 'Nom', 'Surname')}</label>
              <input
                type="text"
                name={fieldId.surname(i)}
                value={a.surname}
                autocomplete={i === 0 ? 'family-name' : 'off'}
                required
                {...input(fieldId.surname(i))}
              />
              <FieldMessages
                id={fieldId.surname(i)}
                problems={problems.get(fieldId.surname(i))}
                lang={lang}
              />
              <label for={fieldId.email(i)}>
                {t(lang, 'Adresse électronique', 'E-mail address')}
                <span class="hint" id={`${fieldId.email(i)}-aide`}>
                  {t(
                    lang,
                    'Obligatoire pour la personne à contacter : l’accusé de réception y sera envoyé.',
                    'Required for the contact person: the receipt will be sent there.',
                  )}
                </span>
              </label>
              <input
                type="email"
                name={fieldId.email(i)}
                value={a.email}
                autocomplete={i === 0 ? 'email' : 'off'}
                {...input(fieldId.email(i), `${fieldId.email(i)}-aide`)}
              />
              <FieldMessages id={fieldId.email(i)} problems={problems.get(fieldId.email(i))} lang={lang} />
              <label class="choice">
                <input
                  type="radio"
                  name="contact"
                  value={String(i)}
                  checked={values.contact === i || values.authors.length === 1}
                  {...(i === 0 ? input(fieldId.contact) : { id: `contact-${i}` })}
                />
                {t(lang, 'Personne à contacter pour la rédaction', 'Contact person for the editors')}
              </label>
              {values.authors.length > 1 && (
                <p>
                  <button
                    type="submit"
                    name="action"
                    value={`retirer-${i}`}
                    class="secondary"
                    data-remove-author=""
                  >
                    {t(lang, `Retirer l’auteur ${i + 1}`, `Remove author ${i + 1}`)}
                  </button>
                </p>
              )}
            </fieldset>
          ))}
          <FieldMessages id={fieldId.contact} problems={problems.get(fieldId.contact)} lang={lang} />
          <p aria-live="polite" class="visually-hidden" data-author-status="" />
          {values.authors.length < MAX_AUTHORS && (
            <p>
              <button type="submit" name="action" value="ajouter" class="secondary" data-add-author="">
                {t(lang, 'Ajouter un auteur', 'Add an author')}
              </button>
            </p>
          )}
          {call.authors.order === 'alphabetical' && call.authors.authorsMayChooseOrder && (
            <label class="choice">
              <input type="checkbox" name="ordre" value="oui" id="ordre" checked={values.orderRequested} />
              {t(
                lang,
                'Nous demandons que les noms soient publiés dans l’ordre ci-dessus, et non par ordre alphabétique.',
                'We ask for the names to be printed in the order above, not in alphabetical order.',
              )}
            </label>
          )}
        </fieldset>

        <fieldset>
          <legend>
            {t(lang, 'Les coordonnées de la personne à contacter', 'The contact person’s details')}
          </legend>
          <p class="hint">
            {t(
              lang,
              'L’appel les demande. Si vous ne les avez pas sous la main, vous pourrez les ajouter plus tard avec votre lien de suivi.',
              'The call asks for them. If you do not have them at hand, you can add them later with your follow-up link.',
            )}
          </p>
          <label for={fieldId.phone}>
            {t(lang, 'Numéro de téléphone', 'Phone number')}
            <span class="hint" id="telephone-aide">
              {t(lang, 'Par exemple 06 12 34 56 78, ou +262 692 12 34 56.', 'For example +33 6 12 34 56 78.')}
            </span>
          </label>
          <input
            type="tel"
            name="telephone"
            value={values.phone}
            autocomplete="tel"
            data-live-check="telephone"
            {...input(fieldId.phone, 'telephone-aide')}
          />
          <div data-live-result="telephone" aria-live="polite">
            <FieldMessages id={fieldId.phone} problems={problems.get(fieldId.phone)} lang={lang} />
          </div>
          <label for={fieldId.postalAddress}>
            {t(lang, 'Adresse postale', 'Postal address')}
            <span class="hint" id="adresse-aide">
              {t(lang, 'Numéro et rue, code postal, commune.', 'Number and street, postcode, town.')}
            </span>
          </label>
          <textarea
            name="adresse"
            rows={3}
            autocomplete="street-address"
            data-live-check="adresse"
            {...input(fieldId.postalAddress, 'adresse-aide')}
          >
            {values.postalAddress}
          </textarea>
          <div data-live-result="adresse" aria-live="polite">
            <FieldMessages
              id={fieldId.postalAddress}
              problems={problems.get(fieldId.postalAddress)}
              lang={lang}
            />
          </div>
        </fieldset>

        <fieldset>
          <legend>{t(lang, 'Votre article', 'Your article')}</legend>
          <label for={fieldId.title}>{t(lang, 'Titre', 'Title')}</label>
          <input type="text" name="titre" value={values.title} required {...input(fieldId.title)} />
          <FieldMessages id={fieldId.title} problems={problems.get(fieldId.title)} lang={lang} />
          {call.axes.length > 0 && (
            <>
              <label for={fieldId.axis}>
                {t(lang, 'Axe de réflexion', 'Line of inquiry')}
                <span class="hint">{t(lang, 'Facultatif.', 'Optional.')}</span>
              </label>
              <select name="axe" {...input(fieldId.axis)}>
                <option value="">{t(lang, 'Aucun axe en particulier', 'No particular line')}</option>
                {call.axes.map((axis) => (
                  <option
                    key={axis.id}
                    value={axis.id}
                    selected={values.axis === axis.id}
                    {...callLangAttribute(call, lang)}
                  >
                    {callText(call, axis.title)}
                  </option>
                ))}
              </select>
              <FieldMessages id={fieldId.axis} problems={problems.get(fieldId.axis)} lang={lang} />
            </>
          )}
          <label for={fieldId.file}>
            {t(lang, 'Votre manuscrit', 'Your manuscript')}
            <span class="hint" id="fichier-aide">
              {draftFile
                ? t(
                    lang,
                    `Fichier déjà reçu : « ${shown(draftFile.name)} » (${fileSize(draftFile.byteSize, lang)}). Choisissez un autre fichier seulement pour le remplacer.`,
                    `File already received: “${shown(draftFile.name)}” (${fileSize(draftFile.byteSize, lang)}). Choose another file only to replace it.`,
                  )
                : t(
                    lang,
                    'Au format Word (.docx) de préférence ; .odt et .doc sont acceptés.',
                    'As a Word file (.docx) preferably; .odt and .doc are accepted.',
                  )}
            </span>
          </label>
          <input
            type="file"
            name="fichier"
            accept=".docx,.doc,.odt,.docm,.dotx,.dotm,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            {...input(fieldId.file, 'fichier-aide')}
          />
          <FieldMessages id={fieldId.file} problems={problems.get(fieldId.file)} lang={lang} />
        </fieldset>

        <fieldset id="accords">
          <legend>{t(lang, 'Vos accords', 'Your agreement')}</legend>
          {call.consents.onlinePublication && (
            <label class="choice">
              <input
                type="checkbox"
                name="accord_mise_en_ligne"
                value="oui"
                checked={values.consentOnline}
                {...input(fieldId.consents)}
              />
              {t(
                lang,
                'J’accepte que mon texte, s’il est publié, puisse être mis en ligne.',
                'I agree that my text, if published, may be put online.',
              )}
            </label>
          )}
          {call.consents.freeOfCharge && (
            <label class="choice">
              <input
                type="checkbox"
                name="accord_gracieux"
                value="oui"
                id="accord-gracieux"
                checked={values.consentFree}
              />
              {t(
                lang,
                'Je remets mon texte à titre gracieux (sans rémunération). Sa publication fera l’objet d’un contrat d’édition.',
                'I give my text free of charge (without payment). Its publication will be subject to a publishing contract.',
              )}
            </label>
          )}
          <FieldMessages id={fieldId.consents} problems={problems.get(fieldId.consents)} lang={lang} />
        </fieldset>

        <p>
          <button type="submit" name="action" value="verifier">
            {t(lang, 'Vérifier mon manuscrit', 'Check my manuscript')}
          </button>
        </p>
        <p class="hint">
          {t(
            lang,
            'La vérification prend quelques secondes. Vous verrez le résultat avant d’envoyer.',
            'The check takes a few seconds. You will see the result before sending.',
          )}
        </p>
      </form>
      <script src="/assets/author-form.js" defer />
    </Layout>
  );
}
