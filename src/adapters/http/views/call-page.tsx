import { LINK_REQUEST_PATH } from '../../../app/follow-link.js';
import { callText } from '../../../domain/call/call-text.js';
import { callStatus, effectiveDeadline } from '../../../domain/call/deadline.js';
import { formatInstant, formatLocalDay } from '../../../domain/call/format-date.js';
import type { Call } from '../../../domain/call/schema.js';
import { formatNumber, type Lang } from '../../../domain/shared/message.js';
import { t } from '../lang.js';
import { CallWords, callLangAttribute } from './call-words.js';
import { Layout } from './layout.js';

export interface CallPageProps {
  call: Call;
  lang: Lang;
  now: Date;
}

const FORMAT_NAMES: Record<string, string> = {
  docx: 'Word (.docx)',
  docm: 'Word (.docm)',
  dotx: 'Word (.dotx)',
  dotm: 'Word (.dotm)',
  doc: 'Word 97-2003 (.doc)',
  odt: 'LibreOffice (.odt)',
};

/** The call's public page: what it is about, its rules in plain words, and whether it is open. */
export function CallPage({ call, lang, now }: CallPageProps) {
  const status = callStatus(call.deadline, now.getTime());
  const deadline = effectiveDeadline(call.deadline);
  const day = formatLocalDay(deadline.date, lang);
  const endInstant = deadline.endsAt;
  const title = t(
    lang,
    `${call.journal} n° ${call.issue} — ${callText(call, call.theme)}`,
    `${call.journal} no. ${call.issue} — ${callText(call, call.theme)}`,
  );
  return (
    <Layout lang={lang} title={title} journal={call.journal} path="/">
      <h1>
        {t(lang, `${call.journal} n° ${call.issue}`, `${call.journal} no. ${call.issue}`)} —{' '}
        <CallWords call={call} lang={lang} text={call.theme} />
      </h1>
      <p class={`status status-${status}`} role="status">
        {status === 'closed'
          ? t(lang, `L’appel est clos depuis le ${day}.`, `The call closed on ${day}.`)
          : status === 'extended'
            ? t(
                lang,
                `L’appel est prolongé jusqu’au ${day} inclus.`,
                `The call is extended until ${day} inclusive.`,
              )
            : t(
                lang,
                `L’appel est ouvert jusqu’au ${day} inclus.`,
                `The call is open until ${day} inclusive.`,
              )}
      </p>
      <p>
        {t(lang, 'Date limite : ', 'Deadline: ')}
        <time
          dateTime={new Date(endInstant).toISOString()}
          data-zone={deadline.timeZone}
          data-locale={lang === 'fr' ? 'fr-FR' : 'en-GB'}
          data-local-template={t(lang, '(chez vous : {time})', '(your time: {time})')}
        >
          {formatInstant(endInstant, deadline.timeZone, lang)}
        </time>
      </p>
      {status !== 'closed' && (
        <p>
          <a class="button" href={`/deposer${lang === 'en' ? '?lang=en' : ''}`}>
            {t(lang, 'Proposer un article', 'Submit an article')}
          </a>
        </p>
      )}
      <p>
        {t(lang, 'Vous avez déjà envoyé une proposition ? ', 'Already sent a proposal? ')}
        <a href={`${LINK_REQUEST_PATH}${lang === 'en' ? '?lang=en' : ''}`}>
          {t(lang, 'Retrouvez votre lien de suivi', 'Get your follow-up link again')}
        </a>
      </p>
      <h2>{t(lang, 'L’argumentaire', 'The call')}</h2>
      <p {...callLangAttribute(call, lang)}>{callText(call, call.summary)}</p>
      {call.axes.length > 0 && (
        <>
          <h2>{t(lang, 'Les axes de réflexion', 'Lines of inquiry')}</h2>
          <ol>
            {call.axes.map((axis) => (
              <li key={axis.id} {...callLangAttribute(call, lang)}>
                <strong>{callText(call, axis.title)}</strong> — {callText(call, axis.summary)}
              </li>
            ))}
          </ol>
        </>
      )}
      <h2>{t(lang, 'Les règles', 'The rules')}</h2>
      <ul>
        <li>
          {t(
            lang,
            `Un manuscrit entre ${formatNumber(call.manuscript.minSignes, 'fr')} et ${formatNumber(call.manuscript.maxSignes, 'fr')} signes, espaces compris${call.notesCount ? ', notes comprises' : ''}.`,
            `A manuscript between ${formatNumber(call.manuscript.minSignes, 'en')} and ${formatNumber(call.manuscript.maxSignes, 'en')} characters, spaces included${call.notesCount ? ', notes included' : ''}.`,
          )}
        </li>
        <li>
          {t(lang, 'Formats acceptés : ', 'Accepted formats: ')}
          {call.manuscript.formats.map((f) => FORMAT_NAMES[f] ?? f).join(', ')}.
        </li>
        {(call.contactDetails.phone || call.contactDetails.postalAddress) && (
          <li>
            {t(
              lang,
              'Indiquez vos coordonnées : numéro de téléphone et adresse postale.',
              'Give your contact details: phone number and postal address.',
            )}
          </li>
        )}
        {call.authors.naturalPersonsOnly && (
          <li>
            {t(
              lang,
              'Le texte est signé par une ou plusieurs personnes (pas par une association ou un établissement).',
              'The text is signed by one or more people (not by an organisation).',
            )}
          </li>
        )}
        {call.authors.singleContact && (
          <li>
            {t(
              lang,
              'Si vous êtes plusieurs, désignez une seule personne à contacter. Les noms seront publiés par ordre alphabétique, sauf si vous demandez un autre ordre.',
              'If there are several of you, name one contact person. Names are printed in alphabetical order unless you ask otherwise.',
            )}
          </li>
        )}
        <li>
          {t(
            lang,
            'Les textes sont donnés à titre gracieux ; la publication fait l’objet d’un contrat d’édition. Proposer un texte vaut accord pour une éventuelle mise en ligne.',
            'Texts are given free of charge; publication is subject to a publishing contract. Submitting a text means agreeing to possible online publication.',
          )}
        </li>
      </ul>
      <h2>{t(lang, 'Coordination du dossier', 'Issue coordinators')}</h2>
      <ul>
        {call.coordinators.map((c) => (
          <li key={c.email}>
            {c.name}, {c.role}
          </li>
        ))}
      </ul>
      {/* Optional: adds the deadline in the visitor's own time zone when it is not the call's. */}
      <script src="/assets/author-form.js" defer />
    </Layout>
  );
}
