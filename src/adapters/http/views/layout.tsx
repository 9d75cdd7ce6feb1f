import type { ComponentChildren } from 'preact';
import type { Lang } from '../../../domain/shared/message.js';
import { t } from '../lang.js';

export interface LayoutProps {
  lang: Lang;
  title: string;
  journal: string;
  /** The path of this page, for the language switch. */
  path: string;
  children: ComponentChildren;
}

/**
 * Every page: plain HTML that works without JavaScript, large targets, a skip link, the language
 * switch. No inline script or style, so the CSP can forbid them.
 */
export function Layout({ lang, title, journal, path, children }: LayoutProps) {
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  const switchHref = `${path}${path.includes('?') ? '&' : '?'}lang=${other}`;
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* The server says no-referrer, with which Chromium posts our own forms with « Origin: null »
            and the Origin check cannot tell them from a foreign post; same-origin keeps the referrer
            from every other site (private links included) and lets our forms say where they come from. */}
        <meta name="referrer" content="same-origin" />
        <title>{`${title} — ${journal}`}</title>
        <link rel="stylesheet" href="/assets/appel.css" />
      </head>
      <body>
        <a class="skip" href="#contenu">
          {t(lang, 'Aller au contenu', 'Skip to content')}
        </a>
        <header class="site">
          <p class="journal">{journal}</p>
          <nav aria-label={t(lang, 'Langue', 'Language')}>
            <a href={switchHref} hreflang={other} lang={other}>
              {other === 'en' ? 'English' : 'Français'}
            </a>
          </nav>
        </header>
        <main id="contenu">{children}</main>
        <footer class="site">
          <p>{t(lang, 'appel — appel à auteurs', 'appel — call for authors')}</p>
        </footer>
      </body>
    </html>
  );
}
