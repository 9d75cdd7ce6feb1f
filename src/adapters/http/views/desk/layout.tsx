import type { ComponentChildren } from 'preact';
import { ROLE_LABELS } from '../../../../domain/accounts/roles.js';
import type { Lang } from '../../../../domain/shared/message.js';
import type { AccountRecord } from '../../../../ports/accounts.js';
import { t } from '../../lang.js';

export interface DeskLayoutProps {
  lang: Lang;
  title: string;
  journal: string;
  /** This page's address (with its query), for the language switch. */
  path: string;
  /** The signed-in person, or null on the sign-in pages. */
  staff: AccountRecord | null;
  /** The CSRF token for the sign-out form (and the page's own forms). */
  csrf?: string;
  /** Which entry of the menu is this page. */
  section?: 'submissions' | 'contents' | 'call' | 'accounts';
  children: ComponentChildren;
}

function switchHref(path: string, lang: Lang): string {
  const url = new URL(path, 'http://desk.invalid');
  url.searchParams.set('lang', lang);
  return `${url.pathname}${url.search}`;
}

/** The desk's pages: wider than the authors' pages (tables), the same plain, script-free HTML. */
export function DeskLayout(props: DeskLayoutProps) {
  const { lang, title, journal, path, staff, csrf, section, children } = props;
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  const current = (name: DeskLayoutProps['section']) => (section === name ? 'page' : undefined);
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        {/* As on the public pages: with the server's no-referrer, Chromium posts our own forms with
            « Origin: null », which the Origin check cannot tell from a foreign post. Same-origin keeps
            the referrer (one-time links included) on this site only. */}
        <meta name="referrer" content="same-origin" />
        <title>{`${title} — ${t(lang, 'Bureau', 'Desk')} — ${journal}`}</title>
        <link rel="stylesheet" href="/assets/appel.css" />
        <link rel="stylesheet" href="/assets/desk-bureau.css" />
      </head>
      <body class="desk">
        <a class="skip" href="#contenu">
          {t(lang, 'Aller au contenu', 'Skip to content')}
        </a>
        <header class="site">
          <p class="journal">
            {journal} — {t(lang, 'bureau de l’appel', 'call desk')}
          </p>
          <nav aria-label={t(lang, 'Langue', 'Language')}>
            <a href={switchHref(path, other)} hreflang={other} lang={other}>
              {other === 'en' ? 'English' : 'Français'}
            </a>
          </nav>
        </header>
        {staff && (
          <nav class="desk-menu" aria-label={t(lang, 'Menu du bureau', 'Desk menu')}>
            <ul>
              <li>
                <a href="/bureau" aria-current={current('submissions')}>
                  {t(lang, 'Propositions', 'Submissions')}
                </a>
              </li>
              <li>
                <a href="/bureau/sommaire" aria-current={current('contents')}>
                  {t(lang, 'Sommaire', 'Contents')}
                </a>
              </li>
              <li>
                <a href="/bureau/appel" aria-current={current('call')}>
                  {t(lang, 'L’appel', 'The call')}
                </a>
              </li>
              {staff.role === 'administrator' && (
                <li>
                  <a href="/bureau/comptes" aria-current={current('accounts')}>
                    {t(lang, 'Comptes', 'Accounts')}
                  </a>
                </li>
              )}
            </ul>
            <form method="post" action="/deconnexion" class="signout">
              <span>
                {staff.displayName} ({ROLE_LABELS[staff.role][lang]})
              </span>{' '}
              <input type="hidden" name="_csrf" value={csrf ?? ''} />
              <button type="submit" class="secondary">
                {t(lang, 'Se déconnecter', 'Sign out')}
              </button>
            </form>
          </nav>
        )}
        <main id="contenu">{children}</main>
        <footer class="site">
          <p>
            {t(
              lang,
              'appel — bureau des coordinateurs et du comité',
              'appel — coordinators’ and committee’s desk',
            )}
          </p>
        </footer>
      </body>
    </html>
  );
}

/** A short page that says what happened and where to go (refusals, stale pages, used links). */
export function DeskMessagePage(props: {
  lang: Lang;
  journal: string;
  path: string;
  staff: AccountRecord | null;
  csrf?: string;
  title: string;
  text: string;
  links: Array<{ href: string; label: string }>;
}) {
  const { lang, journal, path, staff, csrf, title, text, links } = props;
  return (
    <DeskLayout lang={lang} title={title} journal={journal} path={path} staff={staff} csrf={csrf}>
      <h1>{title}</h1>
      <p>{text}</p>
      <ul class="links">
        {links.map((l) => (
          <li key={l.href}>
            <a href={l.href}>{l.label}</a>
          </li>
        ))}
      </ul>
    </DeskLayout>
  );
}
