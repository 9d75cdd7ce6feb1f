import type { Call } from '../../../../domain/call/schema.js';
import type { Lang } from '../../../../domain/shared/message.js';
import { STATUS_LABELS } from '../../../../domain/submission/labels.js';
import { ACTION_LABELS, type DecisionAction, TRANSITIONS } from '../../../../domain/submission/lifecycle.js';
import type { AccountRecord } from '../../../../ports/accounts.js';
import type { SubmissionRecord } from '../../../../ports/submission-store.js';
import { t } from '../../lang.js';
import { DeskLayout } from './layout.js';

export interface LetterPreview {
  to: { address: string; name?: string };
  subject: string;
  text: string;
}

export interface ConfirmDecisionProps {
  lang: Lang;
  call: Call;
  staff: AccountRecord;
  csrf: string;
  path: string;
  record: SubmissionRecord;
  action: DecisionAction;
  note: string;
  /** « Prévenir l’auteur » was ticked. */
  tell: boolean;
  /** The readers' words for the author are quoted in the letter. */
  withReaders: boolean;
  /** The letter as it will leave; null when none will (not asked, or no address). */
  letter: LetterPreview | null;
}

/**
 * A decision cannot be taken back, and its letter leaves at once: the desk shows both — the move
 * and the letter as the author will read it — and asks once more.
 */
export function ConfirmDecisionPage(props: ConfirmDecisionProps) {
  const { lang, call, staff, csrf, path, record, action, note, tell, withReaders, letter } = props;
  const to = TRANSITIONS.find((tr) => tr.from === record.status && tr.action === action)?.to;
  const title = t(lang, `Confirmer : ${ACTION_LABELS[action].fr}`, `Confirm: ${ACTION_LABELS[action].en}`);
  const back = `/bureau/propositions/${record.id}`;
  return (
    <DeskLayout
      lang={lang}
      title={title}
      journal={call.journal}
      path={path}
      staff={staff}
      csrf={csrf}
      section="submissions"
    >
      <h1>{title}</h1>
      <p>
        {t(lang, 'Proposition : ', 'Submission: ')}
        <strong>{record.title}</strong>
        {to &&
          t(
            lang,
            ` — ${STATUS_LABELS[record.status].fr} → ${STATUS_LABELS[to].fr}.`,
            ` — ${STATUS_LABELS[record.status].en} → ${STATUS_LABELS[to].en}.`,
          )}
      </p>
      {letter ? (
        <>
          <h2>{t(lang, 'Le courriel qui partira', 'The letter that will be sent')}</h2>
          <p>
            {t(lang, 'À : ', 'To: ')}
            {letter.to.name ? `${letter.to.name} <${letter.to.address}>` : letter.to.address}
            <br />
            {t(lang, 'Objet : ', 'Subject: ')}
            {letter.subject}
          </p>
          <pre class="letter">{letter.text}</pre>
        </>
      ) : (
        <p>
          {tell
            ? t(
                lang,
                'La personne à contacter n’a pas d’adresse électronique : aucun courriel ne partira.',
                'The contact person has no e-mail address: no letter will be sent.',
              )
            : t(
                lang,
                'Aucun courriel ne partira : l’auteur n’est pas prévenu par ce bureau.',
                'No letter will be sent: the author is not told by the desk.',
              )}
        </p>
      )}
      <form method="post" action={`/bureau/propositions/${record.id}/transition`}>
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="version" value={String(record.version)} />
        <input type="hidden" name="action" value={action} />
        <input type="hidden" name="message" value={note} />
        {tell && <input type="hidden" name="prevenir" value="oui" />}
        {withReaders && <input type="hidden" name="avis" value="oui" />}
        <input type="hidden" name="confirmer" value="oui" />
        <p>
          <button type="submit" class={action === 'decline' ? 'secondary' : undefined}>
            {letter
              ? t(lang, 'Confirmer et envoyer le courriel', 'Confirm and send the letter')
              : t(lang, 'Confirmer', 'Confirm')}
          </button>{' '}
          <a class="button secondary" href={back}>
            {t(lang, 'Revenir à la proposition', 'Back to the submission')}
          </a>
        </p>
      </form>
    </DeskLayout>
  );
}
