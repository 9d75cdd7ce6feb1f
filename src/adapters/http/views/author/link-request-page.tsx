import { LINK_REQUEST_PATH } from '../../../../app/follow-link.js';
import type { Call } from '../../../../domain/call/schema.js';
import type { Lang, Message } from '../../../../domain/shared/message.js';
import { say, t } from '../../lang.js';
import { Layout } from '../layout.js';
import { coordinatorNames } from './notice-page.js';
import { BackToCall, CsrfField, FieldMessages, langQuery, shown } from './parts.js';

export interface LinkRequestPageProps {
  call: Call;
  lang: Lang;
  csrf: string;
  /** What was typed, shown again with its problem. */
  email?: string;
  problem?: Message;
}

/**
 * « Retrouver mon lien de suivi »: one field, the contact person's address. The page never says
 * whether a proposal was found (see the sent page), so it can be offered to anyone.
 */
export function LinkRequestPage({ call, lang, csrf, email, problem }: LinkRequestPageProps) {
  const title = t(lang, 'Retrouver votre lien de suivi', 'Get your follow-up link again');
  const problems = problem ? [{ message: problem, severity: 'error' as const }] : undefined;
  return (
    <Layout lang={lang} title={title} journal={call.journal} path={LINK_REQUEST_PATH}>
      <h1>{title}</h1>
      <p>
        {t(
          lang,
          'Vous avez envoyé une proposition et vous ne retrouvez plus le lien de suivi de l’accusé de réception ? Indiquez l’adresse électronique de la personne à contacter, celle donnée avec la proposition : si une proposition est enregistrée avec cette adresse, nous y envoyons aussitôt un nouveau lien.',
          'You sent a proposal and cannot find the follow-up link from the receipt any more? Give the contact person’s e-mail address, the one given with the proposal: if a proposal is recorded with this address, we send a new link to it at once.',
        )}
      </p>
      <form method="post" action={`${LINK_REQUEST_PATH}${langQuery(lang)}`} data-once="" noValidate>
        <CsrfField token={csrf} />
        <label for="courriel">{t(lang, 'Adresse électronique', 'E-mail address')}</label>
        <p class="hint" id="courriel-aide">
          {t(lang, 'Par exemple : prenom.nom@exemple.fr', 'For example: first.last@example.org')}
        </p>
        <input
          type="email"
          name="courriel"
          id="courriel"
          autocomplete="email"
          required
          value={email ?? ''}
          aria-describedby={problem ? 'courriel-aide courriel-erreur' : 'courriel-aide'}
          {...(problem ? { 'aria-invalid': 'true' as const, autofocus: true } : {})}
        />
        <FieldMessages id="courriel" problems={problems} lang={lang} />
        <p>
          <button type="submit">{t(lang, 'Recevoir mon lien', 'Send me my link')}</button>
        </p>
      </form>
      <p>
        {t(
          lang,
          `Vous n’avez plus accès à cette adresse ? Écrivez aux coordinateurs du dossier : ${coordinatorNames(call)}.`,
          `You no longer have access to this address? Write to the issue coordinators: ${coordinatorNames(call)}.`,
        )}
      </p>
      <BackToCall lang={lang} />
    </Layout>
  );
}

/**
 * After a request: the same words whether a proposal was found or not, with the address as typed
 * (the person who typed it sees it again, to spot a mistake) and where else to look.
 */
export function LinkRequestSentPage({ call, lang, email }: { call: Call; lang: Lang; email: string }) {
  const title = t(lang, 'Regardez votre messagerie', 'Check your mailbox');
  return (
    <Layout lang={lang} title={title} journal={call.journal} path={LINK_REQUEST_PATH}>
      <h1>{title}</h1>
      <p>
        {t(
          lang,
          'Si une proposition pour ce numéro est enregistrée avec l’adresse ',
          'If a proposal for this issue is recorded with the address ',
        )}
        <strong>{shown(email, 254)}</strong>
        {t(
          lang,
          ', un message avec un nouveau lien de suivi vient de partir vers cette adresse.',
          ', a message with a new follow-up link has just been sent to that address.',
        )}
      </p>
      <p>
        {t(
          lang,
          'Il peut mettre quelques minutes à arriver. Pensez à regarder dans le dossier des courriers indésirables (spam).',
          'It may take a few minutes to arrive. Remember to look in your junk (spam) folder.',
        )}
      </p>
      <p>
        {t(
          lang,
          `Rien reçu au bout d’une heure ? Vérifiez l’adresse ci-dessus et recommencez, ou écrivez aux coordinateurs du dossier : ${coordinatorNames(call)}.`,
          `Nothing after an hour? Check the address above and try again, or write to the issue coordinators: ${coordinatorNames(call)}.`,
        )}
      </p>
      <p>
        <a href={`${LINK_REQUEST_PATH}${langQuery(lang)}`}>
          {t(lang, 'Essayer une autre adresse', 'Try another address')}
        </a>
      </p>
      <BackToCall lang={lang} />
    </Layout>
  );
}

/** Too many requests from this network in a short time: when to try again, and whom to write to. */
export function LinkRequestTooManyPage({ call, lang, minutes }: { call: Call; lang: Lang; minutes: number }) {
  const title = t(lang, 'Trop de demandes', 'Too many requests');
  return (
    <Layout lang={lang} title={title} journal={call.journal} path={LINK_REQUEST_PATH}>
      <h1>{title}</h1>
      <p>
        {say(
          {
            fr: `Beaucoup de liens ont été demandés depuis votre connexion en peu de temps. Attendez ${minutes} minute${minutes > 1 ? 's' : ''}, puis recommencez.`,
            en: `Many links were asked for from your connection in a short time. Wait ${minutes} minute${minutes > 1 ? 's' : ''}, then try again.`,
          },
          lang,
        )}
      </p>
      <p>
        {t(
          lang,
          `Si c’est urgent, écrivez aux coordinateurs du dossier : ${coordinatorNames(call)}.`,
          `If it is urgent, write to the issue coordinators: ${coordinatorNames(call)}.`,
        )}
      </p>
    </Layout>
  );
}
