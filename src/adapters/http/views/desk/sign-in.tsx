import type { Lang } from '../../../../domain/shared/message.js';
import { t } from '../../lang.js';
import { DeskLayout } from './layout.js';
import { CodeField } from './parts.js';

export interface SignInPageProps {
  lang: Lang;
  journal: string;
  csrf: string;
  /** Where to go once signed in (a path of the desk). */
  next: string;
  email?: string;
  /** The one refusal there is: it never says which of the three was wrong. */
  refused?: boolean;
  missing?: boolean;
}

export function SignInPage({ lang, journal, csrf, next, email, refused, missing }: SignInPageProps) {
  return (
    <DeskLayout
      lang={lang}
      title={t(lang, 'Connexion', 'Sign in')}
      journal={journal}
      path="/connexion"
      staff={null}
    >
      <h1>{t(lang, 'Connexion au bureau de l’appel', 'Sign in to the call desk')}</h1>
      <p>
        {t(
          lang,
          'Réservé aux coordinateurs du dossier, au comité de rédaction et aux administrateurs. Les auteurs suivent leur proposition avec le lien reçu par courriel.',
          'For the issue coordinators, the editorial committee and administrators. Authors follow their submission with the link they received by e-mail.',
        )}
      </p>
      {(refused || missing) && (
        <p class="alert" role="alert" id="sign-in-error">
          {missing
            ? t(lang, 'Remplissez les trois champs.', 'Fill in the three fields.')
            : t(
                lang,
                'La connexion a échoué : l’adresse, le mot de passe ou le code ne correspond pas. Vérifiez-les et recommencez (le code change toutes les 30 secondes).',
                'Sign-in failed: the address, the password or the code does not match. Check them and try again (the code changes every 30 seconds).',
              )}
        </p>
      )}
      <form method="post" action="/connexion">
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="suite" value={next} />
        <label for="email">{t(lang, 'Adresse électronique', 'E-mail address')}</label>
        <input
          type="email"
          id="email"
          name="email"
          autocomplete="username"
          required
          value={email ?? ''}
          aria-describedby={refused || missing ? 'sign-in-error' : undefined}
        />
        <label for="password">{t(lang, 'Mot de passe', 'Password')}</label>
        <input type="password" id="password" name="password" autocomplete="current-password" required />
        <CodeField
          lang={lang}
          label={t(lang, 'Code de l’application d’authentification', 'Code from the authenticator app')}
        />
        <p>
          <button type="submit">{t(lang, 'Se connecter', 'Sign in')}</button>
        </p>
      </form>
      <p>
        {t(
          lang,
          'Mot de passe oublié ou téléphone perdu ? Demandez à un administrateur de vous envoyer une nouvelle invitation.',
          'Forgot your password or lost your phone? Ask an administrator to send you a new invitation.',
        )}
      </p>
    </DeskLayout>
  );
}
