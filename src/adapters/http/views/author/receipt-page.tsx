import { formatInstant } from '../../../../domain/call/format-date.js';
import type { Call } from '../../../../domain/call/schema.js';
import type { Lang } from '../../../../domain/shared/message.js';
import type { FieldName } from '../../../../domain/submission/requirements.js';
import type { SubmissionRecord } from '../../../../ports/submission-store.js';
import { t } from '../../lang.js';
import { Layout } from '../layout.js';
import { BackToCall, FindingList, fileSize, MissingList, shown } from './parts.js';
import { VerdictBlock, verdictOf } from './verdict.js';

export interface ReceiptPageProps {
  call: Call;
  lang: Lang;
  record: SubmissionRecord;
  /** The same sending came again (double click, retry): nothing new was recorded. */
  duplicate: boolean;
  /** The private link; null when this page cannot give it (a duplicate sent with another link). */
  followUrl: string | null;
  missing: FieldName[];
}

/**
 * The receipt: what was received and when, the verdict, what is missing, and the private link —
 * given here once, and in the receipt letter.
 */
export function ReceiptPage({ call, lang, record, duplicate, followUrl, missing }: ReceiptPageProps) {
  const version = record.versions[0];
  const contact = record.authors.find((a) => a.isContact) ?? record.authors[0];
  const title = duplicate
    ? t(lang, 'Votre proposition était déjà enregistrée', 'Your proposal was already recorded')
    : t(lang, 'Votre proposition est enregistrée', 'Your proposal is recorded');
  const versionFindings = version ? record.findings.filter((f) => f.versionId === version.id) : [];
  const submissionFindings = record.findings.filter((f) => f.versionId === null);
  return (
    <Layout lang={lang} title={title} journal={call.journal} path="/deposer">
      <h1>{title}</h1>
      <p class="status" role="status">
        {duplicate
          ? t(
              lang,
              'Nous avions déjà reçu cet envoi : il n’a pas été enregistré une seconde fois.',
              'We had already received this sending: it was not recorded a second time.',
            )
          : t(
              lang,
              'Merci ! Nous avons bien reçu votre proposition.',
              'Thank you! We have received your proposal.',
            )}
      </p>
      <dl>
        <dt>{t(lang, 'Reçue le', 'Received on')}</dt>
        <dd>{formatInstant(Date.parse(record.receivedAt), call.deadline.timeZone, lang)}</dd>
        <dt>{t(lang, 'Titre', 'Title')}</dt>
        <dd>{shown(record.title, 300)}</dd>
        {version && (
          <>
            <dt>{t(lang, 'Fichier', 'File')}</dt>
            <dd>
              {shown(version.fileName)} ({fileSize(version.byteSize, lang)})
            </dd>
          </>
        )}
      </dl>

      <h2>{t(lang, 'Votre lien de suivi', 'Your follow-up link')}</h2>
      {followUrl ? (
        <>
          <p>
            {t(
              lang,
              'Avec ce lien, vous pouvez à tout moment voir où en est votre proposition, compléter vos coordonnées, envoyer une nouvelle version ou la retirer. Gardez-le pour vous : toute personne qui l’a peut agir sur votre proposition.',
              'With this link you can at any time see where your proposal stands, complete your details, send a new version or withdraw it. Keep it to yourself: anyone who has it can act on your proposal.',
            )}
          </p>
          <p class="follow-link">
            <a href={followUrl}>{followUrl}</a>
          </p>
        </>
      ) : (
        <p>
          {t(
            lang,
            'Le lien de suivi vous a été donné lors du premier envoi, et envoyé par courriel à la personne à contacter.',
            'The follow-up link was given with the first sending, and e-mailed to the contact person.',
          )}
        </p>
      )}
      {contact?.email && (
        <p>
          {t(
            lang,
            `Un accusé de réception avec ce lien est envoyé à ${contact.email}.`,
            `A receipt with this link is being sent to ${contact.email}.`,
          )}
        </p>
      )}

      {version && (
        <>
          <h2>{t(lang, 'Votre manuscrit', 'Your manuscript')}</h2>
          <VerdictBlock
            call={call}
            lang={lang}
            verdict={verdictOf(version.signesTotal, versionFindings)}
            signes={version.signesTotal}
            approximate={version.format === 'doc'}
            findings={versionFindings}
          />
        </>
      )}
      {missing.length > 0 && (
        <>
          <h2>{t(lang, 'Ce qu’il manque encore', 'What is still missing')}</h2>
          <MissingList missing={missing} lang={lang} />
          <p>
            {t(
              lang,
              'Vous pouvez les ajouter avec votre lien de suivi.',
              'You can add them with your follow-up link.',
            )}
          </p>
        </>
      )}
      {submissionFindings.some((f) => f.severity !== 'info') && (
        <>
          <h2>{t(lang, 'Votre envoi', 'Your submission')}</h2>
          <FindingList findings={submissionFindings.filter((f) => f.severity !== 'info')} lang={lang} />
        </>
      )}
      <BackToCall lang={lang} />
    </Layout>
  );
}
