import { formatInstant } from '../../../../domain/call/format-date.js';
import { canAttachContract, contractStage } from '../../../../domain/editorial/contract.js';
import type { Lang, Message } from '../../../../domain/shared/message.js';
import type { ContractDocument } from '../../../../ports/contract-documents.js';
import { say, t } from '../../lang.js';
import { fileSize } from '../author/parts.js';
import type { SubmissionPageProps } from './submission-page.js';

/** After the contract form: what was done, or what was wrong with the file. */
export type ContractNotice = { kind: 'attached' } | { kind: 'problem'; problem: Message };

const COORDINATING = ['coordinator', 'administrator'];

/**
 * The publishing contract, from acceptance on: the contract put on the submission (the latest is
 * in force), the signed copies the author sent back, and for coordinators the form that attaches
 * the contract. Recording the signature stays a move of the status, below.
 */
export function ContractSection(props: SubmissionPageProps) {
  const { lang, record, contract, staff, contractNotice } = props;
  if (!contractStage(record.status) && contract.length === 0) return null;
  const sent = contract.filter((d) => d.kind === 'contract');
  const signed = contract.filter((d) => d.kind === 'signed');
  const coordinating = COORDINATING.includes(staff.role);
  return (
    <section aria-labelledby="contrat">
      <h2 id="contrat">{t(lang, 'Contrat d’édition', 'Publishing contract')}</h2>
      {contractNotice?.kind === 'attached' && (
        <p class="status" role="status">
          {t(lang, 'Le contrat est joint à la proposition.', 'The contract is attached to the submission.')}
        </p>
      )}
      {contractNotice?.kind === 'problem' && (
        <p class="finding error" role="alert">
          {say(contractNotice.problem, lang)}
        </p>
      )}
      <h3>{t(lang, 'Le contrat', 'The contract')}</h3>
      {sent.length === 0 ? (
        <p>
          {t(
            lang,
            'Aucun contrat joint. Joignez-le ici : quand vous choisirez « envoyer le contrat d’édition », l’auteur recevra un courriel et le téléchargera depuis sa page de suivi. Sans fichier, le statut change mais personne n’est prévenu.',
            'No contract attached. Attach it here: when you choose “send the publishing contract”, the author gets an e-mail and downloads it from their follow-up page. Without a file, the status changes but nobody is told.',
          )}
        </p>
      ) : (
        <DocumentList lang={lang} props={props} documents={sent} current={sent.at(-1)?.id} />
      )}
      <h3>
        {t(lang, 'Le contrat signé, renvoyé par l’auteur', 'The signed contract, sent back by the author')}
      </h3>
      {signed.length === 0 ? (
        <p>{t(lang, 'Rien reçu pour l’instant.', 'Nothing received yet.')}</p>
      ) : (
        <>
          <DocumentList lang={lang} props={props} documents={signed} />
          {record.status === 'contract_sent' && (
            <p class="hint">
              {t(
                lang,
                'Vérifiez le contrat signé, puis choisissez « enregistrer le contrat signé » plus bas.',
                'Check the signed contract, then choose “record the signed contract” below.',
              )}
            </p>
          )}
        </>
      )}
      {coordinating && canAttachContract(record.status) && (
        <AttachForm {...props} replaces={sent.length > 0} />
      )}
    </section>
  );
}

function DocumentList({
  lang,
  props,
  documents,
  current,
}: {
  lang: Lang;
  props: SubmissionPageProps;
  documents: ContractDocument[];
  current?: string | undefined;
}) {
  const { record, call } = props;
  return (
    <ul>
      {documents.map((d) => (
        <li key={d.id}>
          <a href={`/bureau/propositions/${record.id}/contrat/${d.id}`} download="">
            {d.fileName}
          </a>{' '}
          ({fileSize(d.byteSize, lang)}) —{' '}
          {formatInstant(Date.parse(d.addedAt), call.deadline.timeZone, lang)}
          {d.id === current && documents.length > 1 && t(lang, ' — en vigueur', ' — in force')}
        </li>
      ))}
    </ul>
  );
}

function AttachForm(props: SubmissionPageProps & { replaces: boolean }) {
  const { lang, record, csrf, replaces } = props;
  return (
    <form
      method="post"
      action={`/bureau/propositions/${record.id}/contrat`}
      enctype="multipart/form-data"
      class="contract-form"
    >
      <input type="hidden" name="_csrf" value={csrf} />
      <label for="contrat-fichier">
        {replaces
          ? t(
              lang,
              'Remplacer le contrat (PDF, Word ou LibreOffice)',
              'Replace the contract (PDF, Word or LibreOffice)',
            )
          : t(
              lang,
              'Joindre le contrat (PDF, Word ou LibreOffice)',
              'Attach the contract (PDF, Word or LibreOffice)',
            )}
      </label>
      <input type="file" name="fichier" id="contrat-fichier" accept=".pdf,.docx,.odt" required />
      <p>
        <button type="submit">{t(lang, 'Joindre ce fichier', 'Attach this file')}</button>
      </p>
    </form>
  );
}
