import { formatInstant } from '../../../../domain/call/format-date.js';
import { canReturnSignedContract } from '../../../../domain/editorial/contract.js';
import { t } from '../../lang.js';
import type { LinkPageProps } from './link-page.js';
import { CsrfField, FieldMessages, fieldAria, fileSize, firstInvalid, langQuery, shown } from './parts.js';

/**
 * The publishing contract on the author's page: the contract to download, the three steps in
 * plain words, and the form that sends the signed copy back (a PDF, or a photo of each page: many
 * authors sign on paper and have only a phone). Once the editors record the signature, it says so.
 */
export function ContractBlock({ call, lang, path, view, contract, csrf, problems }: LinkPageProps) {
  const { record } = view;
  const current = contract.filter((d) => d.kind === 'contract').at(-1);
  const signed = contract.filter((d) => d.kind === 'signed');
  const q = langQuery(lang);
  const canReturn = canReturnSignedContract(record.status);
  return (
    <section id="contrat">
      <h2>{t(lang, 'Votre contrat d’édition', 'Your publishing contract')}</h2>
      {!canReturn && (
        <p>
          {t(
            lang,
            'La rédaction a enregistré votre contrat signé. Merci.',
            'The editors have recorded your signed contract. Thank you.',
          )}
        </p>
      )}
      {canReturn && (
        <ol>
          <li>
            {current
              ? t(lang, 'Téléchargez le contrat et lisez-le.', 'Download the contract and read it.')
              : t(
                  lang,
                  'La rédaction vous envoie le contrat par un autre moyen (courrier ou courriel).',
                  'The editors send you the contract another way (post or e-mail).',
                )}
          </li>
          <li>
            {t(
              lang,
              'Signez-le : à la main après l’avoir imprimé, ou avec une signature électronique.',
              'Sign it: by hand after printing it, or with an electronic signature.',
            )}
          </li>
          <li>
            {t(
              lang,
              'Renvoyez-le ici : un PDF, ou une photo lisible de chaque page, suffit.',
              'Send it back here: a PDF, or a clear photo of each page, is enough.',
            )}
          </li>
        </ol>
      )}
      {current && (
        <p>
          <a class="button" href={`${path}/contrat/${current.id}${q}`}>
            {t(lang, 'Télécharger le contrat', 'Download the contract')}
          </a>{' '}
          ({shown(current.fileName)}, {fileSize(current.byteSize, lang)})
        </p>
      )}
      {signed.length > 0 && (
        <>
          <h3>{t(lang, 'Ce que vous avez renvoyé', 'What you sent back')}</h3>
          <ul>
            {signed.map((d) => (
              <li key={d.id}>
                {shown(d.fileName)} ({fileSize(d.byteSize, lang)}) —{' '}
                {formatInstant(Date.parse(d.addedAt), call.deadline.timeZone, lang)}
              </li>
            ))}
          </ul>
        </>
      )}
      {canReturn && (
        <form method="post" action={`${path}/contrat${q}`} enctype="multipart/form-data" data-once="">
          <CsrfField token={csrf} />
          <label for="contrat-fichier">
            {signed.length > 0
              ? t(lang, 'Envoyer une autre page ou un autre fichier', 'Send another page or file')
              : t(lang, 'Le contrat signé (PDF ou photo)', 'The signed contract (PDF or photo)')}
          </label>
          <input
            type="file"
            name="fichier"
            id="contrat-fichier"
            accept=".pdf,.jpg,.jpeg,.png,.heic,.docx,.odt,application/pdf,image/*"
            {...fieldAria(
              'contrat-fichier',
              problems,
              undefined,
              firstInvalid(problems, ['contrat-fichier']),
            )}
          />
          <FieldMessages id="contrat-fichier" problems={problems.get('contrat-fichier')} lang={lang} />
          <p>
            <button type="submit">{t(lang, 'Envoyer le contrat signé', 'Send the signed contract')}</button>
          </p>
        </form>
      )}
    </section>
  );
}
