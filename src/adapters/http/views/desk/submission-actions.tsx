import { opinionsForAuthors } from '../../../../domain/editorial/review.js';
import { reviewsSharedWithDecision } from '../../../../domain/editorial/review-files.js';
import { MAX_NOTE_CHARS } from '../../../../domain/letters/decision.js';
import { contactPerson } from '../../../../domain/submission/author.js';
import { STATUS_LABELS } from '../../../../domain/submission/labels.js';
import { ACTION_LABELS, type Transition } from '../../../../domain/submission/lifecycle.js';
import { t } from '../../lang.js';
import type { SubmissionPageProps } from './submission-page.js';

/** The actions of a submission's page that write to its author: a new private link, a decision. */

/**
 * For an author who lost the private link and asks the editors: a new one, sent to the contact's
 * stored address (coordinators only, as the matrix says).
 */
export function NewLinkForm(props: SubmissionPageProps) {
  const { lang, csrf, record, staff } = props;
  const contact = contactPerson(record.authors);
  if (staff.role === 'committee' || !contact?.email) return null;
  return (
    <form method="post" action={`/bureau/propositions/${record.id}/lien`}>
      <input type="hidden" name="_csrf" value={csrf} />
      <p>
        <button type="submit" class="secondary">
          {t(
            lang,
            `Envoyer un nouveau lien de suivi à ${contact.email}`,
            `Send a new follow-up link to ${contact.email}`,
          )}
        </button>
      </p>
      <p class="hint">
        {t(
          lang,
          'Pour un auteur qui a perdu son lien : il le reçoit par courriel, à cette adresse seulement. Les liens envoyés avant restent valables.',
          'For an author who lost the link: it goes by e-mail, to this address only. Links sent before keep working.',
        )}
      </p>
    </form>
  );
}

/**
 * The committee's decisions (accept, decline, ask for revisions) in one form: the message to the
 * author, whether to send it, and one button per decision the table allows.
 */
export function DecisionForm(props: SubmissionPageProps & { decisions: Transition[] }) {
  const { lang, csrf, record, decisions } = props;
  if (decisions.length === 0) return null;
  const contact = contactPerson(record.authors);
  const latest = record.versions.at(-1)?.number ?? 0;
  const opinions = opinionsForAuthors(props.reviews, latest).length;
  const sharing = reviewsSharedWithDecision(props.reviews, latest);
  const annotated = props.reviewFiles.filter((f) => f.anonymised && sharing.includes(f.reviewId)).length;
  return (
    <form method="post" action={`/bureau/propositions/${record.id}/transition`} class="decision">
      <input type="hidden" name="_csrf" value={csrf} />
      <input type="hidden" name="version" value={String(record.version)} />
      <fieldset>
        <legend>{t(lang, 'La décision du comité', 'The committee’s decision')}</legend>
        {contact?.email ? (
          <>
            <label for="message">
              {t(lang, 'Message à l’auteur (facultatif)', 'Message to the author (optional)')}
            </label>
            <p class="hint" id="message-aide">
              {t(
                lang,
                `Il est cité tel quel dans le courriel envoyé à ${contact.givenName} ${contact.surname}, avec la décision et la suite.`,
                `It is quoted as written in the letter sent to ${contact.givenName} ${contact.surname}, with the decision and what comes next.`,
              )}
            </p>
            <textarea
              id="message"
              name="message"
              rows={6}
              maxLength={MAX_NOTE_CHARS}
              aria-describedby="message-aide"
            />
            <label class="choice">
              <input type="checkbox" name="prevenir" value="oui" checked />{' '}
              {t(lang, 'Prévenir l’auteur par courriel', 'Tell the author by e-mail')}
            </label>
            {opinions > 0 && (
              <label class="choice">
                <input type="checkbox" name="avis" value="oui" checked />{' '}
                {t(
                  lang,
                  opinions === 1
                    ? 'Joindre au courriel l’avis de relecture destiné à l’auteur (sans le nom de la personne qui a relu)'
                    : `Joindre au courriel les ${opinions} avis de relecture destinés à l’auteur (sans les noms des personnes qui ont relu)`,
                  opinions === 1
                    ? 'Add the review meant for the author to the letter (without the reader’s name)'
                    : `Add the ${opinions} reviews meant for the author to the letter (without the readers’ names)`,
                )}
                {annotated > 0 &&
                  t(
                    lang,
                    annotated === 1
                      ? ', et mettre sur sa page de suivi le texte annoté (copie sans nom)'
                      : `, et mettre sur sa page de suivi les ${annotated} textes annotés (copies sans nom)`,
                    annotated === 1
                      ? ', and put the annotated text on their follow-up page (a copy without the name)'
                      : `, and put the ${annotated} annotated texts on their follow-up page (copies without names)`,
                  )}
              </label>
            )}
          </>
        ) : (
          <p>
            {t(
              lang,
              'La personne à contacter n’a pas d’adresse électronique : aucun courriel ne partira. Prévenez-la autrement.',
              'The contact person has no e-mail address: no letter will be sent. Tell them another way.',
            )}
          </p>
        )}
        <p>
          {decisions.map((tr) => (
            <button
              key={tr.action}
              type="submit"
              name="action"
              value={tr.action}
              class={tr.action === 'decline' ? 'secondary' : undefined}
            >
              {ACTION_LABELS[tr.action][lang]}
              <span class="visually-hidden">
                {t(lang, ` (devient : ${STATUS_LABELS[tr.to].fr})`, ` (becomes: ${STATUS_LABELS[tr.to].en})`)}
              </span>
            </button>
          ))}
        </p>
      </fieldset>
    </form>
  );
}
