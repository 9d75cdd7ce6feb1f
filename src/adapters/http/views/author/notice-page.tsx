import { LINK_REQUEST_PATH } from '../../../../app/follow-link.js';
import { effectiveDeadline } from '../../../../domain/call/deadline.js';
import { formatLocalDay } from '../../../../domain/call/format-date.js';
import type { Call } from '../../../../domain/call/schema.js';
import type { Lang, Message } from '../../../../domain/shared/message.js';
import { say } from '../../lang.js';
import { Layout } from '../layout.js';
import { BackToCall, langQuery } from './parts.js';

export interface NoticeProps {
  call: Call;
  lang: Lang;
  path: string;
  title: Message;
  lines: Message[];
  /** Where to go from here, before the way back to the call's page. */
  links?: { href: string; label: Message }[];
}

/** A plain page that says one thing and where to go next. */
export function NoticePage({ call, lang, path, title, lines, links = [] }: NoticeProps) {
  return (
    <Layout lang={lang} title={say(title, lang)} journal={call.journal} path={path}>
      <h1>{say(title, lang)}</h1>
      {lines.map((line, i) => (
        <p key={i}>{say(line, lang)}</p>
      ))}
      {links.map((l) => (
        <p key={l.href}>
          <a href={`${l.href}${langQuery(lang)}`}>{say(l.label, lang)}</a>
        </p>
      ))}
      <BackToCall lang={lang} />
    </Layout>
  );
}

export function coordinatorNames(call: Call): string {
  return call.coordinators.map((c) => c.name).join(', ');
}

const LOST_LINK = {
  href: LINK_REQUEST_PATH,
  label: { fr: 'Recevoir un nouveau lien de suivi par courriel', en: 'Get a new follow-up link by e-mail' },
};

/** The call is closed: said plainly, and no form. */
export function ClosedPage({ call, lang, now }: { call: Call; lang: Lang; now: Date }) {
  const day = formatLocalDay(effectiveDeadline(call.deadline, now.getTime()).date, lang);
  return NoticePage({
    call,
    lang,
    path: '/deposer',
    title: { fr: 'L’appel est clos', en: 'The call is closed' },
    lines: [
      {
        fr: `La date limite de dépôt était le ${day} : nous ne prenons plus de nouvelles propositions pour ce numéro.`,
        en: `The submission deadline was ${day}: we no longer take new proposals for this issue.`,
      },
      {
        fr: `Si vous avez déjà envoyé une proposition, votre lien de suivi reste valable. Pour toute question, écrivez aux coordinateurs du dossier : ${coordinatorNames(call)}.`,
        en: `If you have already sent a proposal, your follow-up link still works. For any question, write to the issue coordinators: ${coordinatorNames(call)}.`,
      },
    ],
    links: [LOST_LINK],
  });
}

/** An unknown or revoked private link: a plain 404, the same for both, that gives nothing away. */
export function LinkNotFoundPage({ call, lang }: { call: Call; lang: Lang }) {
  return NoticePage({
    call,
    lang,
    path: '/',
    title: { fr: 'Ce lien de suivi n’est pas valable', en: 'This follow-up link is not valid' },
    lines: [
      {
        fr: 'Vérifiez que vous avez copié le lien en entier, depuis l’accusé de réception que nous vous avons envoyé.',
        en: 'Check that you copied the whole link, from the receipt we sent you.',
      },
      {
        fr: `Si le problème continue, écrivez aux coordinateurs du dossier : ${coordinatorNames(call)}.`,
        en: `If the problem goes on, write to the issue coordinators: ${coordinatorNames(call)}.`,
      },
    ],
    links: [LOST_LINK],
  });
}

/** A form whose CSRF token is missing or stale (an old tab, or a post from elsewhere). */
export function ExpiredFormPage({ call, lang, path }: { call: Call; lang: Lang; path: string }) {
  return NoticePage({
    call,
    lang,
    path,
    title: { fr: 'Ce formulaire a expiré', en: 'This form has expired' },
    lines: [
      {
        fr: 'Pour votre sécurité, nous n’avons rien enregistré.',
        en: 'For your safety, nothing was recorded.',
      },
      {
        fr: 'Revenez à la page précédente, rechargez-la, puis recommencez.',
        en: 'Go back to the previous page, reload it, then try again.',
      },
    ],
  });
}
