import { groupByFour, PASSWORD_MIN } from '../../../../domain/accounts/credentials.js';
import { ROLE_LABELS, type Role } from '../../../../domain/accounts/roles.js';
import type { Lang, Message } from '../../../../domain/shared/message.js';
import { say, t } from '../../lang.js';
import { DeskLayout } from './layout.js';
import { CodeField } from './parts.js';

export interface ActivationPageProps {
  lang: Lang;
  journal: string;
  csrf: string;
  /** This page's own address (it holds the one-time link). */
  path: string;
  email: string;
  displayName: string;
  role: Role;
  secret: string;
  uri: string;
  /** When the link stops working, in words. */
  expires: string;
  problems?: { password?: Message; code?: Message };
}

/**
 * Choosing a password and setting up the authenticator, on one page that works without
 * JavaScript: the secret is shown as text in groups of four (to type into the app) and as an
 * otpauth:// address (to paste into a password manager).
 */
export function ActivationPage(props: ActivationPageProps) {
  const { lang, journal, csrf, path, email, displayName, role, secret, uri, expires, problems } = props;
  const passwordError = problems?.password && say(problems.password, lang);
  const codeError = problems?.code && say(problems.code, lang);
  return (
    <DeskLayout
      lang={lang}
      title={t(lang, 'Activer votre compte', 'Activate your account')}
      journal={journal}
      path={path}
      staff={null}
    >
      <h1>{t(lang, 'Activer votre compte', 'Activate your account')}</h1>
      <p>
        {t(
          lang,
          `Bonjour ${displayName}. Ce compte (${email}) vous donne accès au bureau de l’appel en tant que ${ROLE_LABELS[role].fr}.`,
          `Hello ${displayName}. This account (${email}) gives you access to the call desk as ${ROLE_LABELS[role].en}.`,
        )}{' '}
        {t(lang, `Ce lien est valable jusqu’au ${expires}.`, `This link is valid until ${expires}.`)}
      </p>
      {(passwordError || codeError) && (
        <div class="alert" role="alert">
          <p>{t(lang, 'Le compte n’est pas encore activé :', 'The account is not activated yet:')}</p>
          <ul>
            {passwordError && <li>{passwordError}</li>}
            {codeError && <li>{codeError}</li>}
          </ul>
        </div>
      )}
      <h2>{t(lang, '1. Installez une application d’authentification', '1. Install an authenticator app')}</h2>
      <p>
        {t(
          lang,
          'Sur votre téléphone : FreeOTP, Aegis, Google Authenticator ou Microsoft Authenticator, par exemple. Elle affichera un code à 6 chiffres qui change toutes les 30 secondes.',
          'On your phone: FreeOTP, Aegis, Google Authenticator or Microsoft Authenticator, for example. It will show a 6-digit code that changes every 30 seconds.',
        )}
      </p>
      <h2>{t(lang, '2. Ajoutez ce compte dans l’application', '2. Add this account to the app')}</h2>
      <p>
        {t(
          lang,
          'Choisissez « Saisir une clé » (ou « Entrer manuellement ») et tapez cette clé, les espaces ne comptent pas :',
          'Choose “Enter a setup key” (or “Enter manually”) and type this key; spaces do not matter:',
        )}
      </p>
      <p class="secret">{groupByFour(secret)}</p>
      <details>
        <summary>
          {t(
            lang,
            'Adresse otpauth:// (gestionnaires de mots de passe)',
            'otpauth:// address (password managers)',
          )}
        </summary>
        <p class="uri">{uri}</p>
      </details>
      <form method="post" action={path}>
        <input type="hidden" name="_csrf" value={csrf} />
        <h2>{t(lang, '3. Choisissez votre mot de passe', '3. Choose your password')}</h2>
        <label for="password">
          {t(lang, 'Mot de passe', 'Password')}
          <span class="hint" id="password-hint">
            {t(
              lang,
              `Au moins ${PASSWORD_MIN} caractères ; une phrase facile à retenir convient très bien.`,
              `At least ${PASSWORD_MIN} characters; an easy-to-remember sentence is fine.`,
            )}
          </span>
        </label>
        <input
          type="password"
          id="password"
          name="password"
          autocomplete="new-password"
          required
          minLength={PASSWORD_MIN}
          aria-describedby="password-hint"
          aria-invalid={passwordError ? 'true' : undefined}
        />
        <label for="password-again">
          {t(lang, 'Le même mot de passe, encore une fois', 'The same password again')}
        </label>
        <input
          type="password"
          id="password-again"
          name="passwordAgain"
          autocomplete="new-password"
          required
          minLength={PASSWORD_MIN}
        />
        <h2>{t(lang, '4. Confirmez avec le code', '4. Confirm with the code')}</h2>
        <CodeField
          lang={lang}
          label={t(lang, 'Code affiché par l’application', 'Code shown by the app')}
          invalid={codeError !== undefined}
        />
        <p>
          <button type="submit">{t(lang, 'Activer mon compte', 'Activate my account')}</button>
        </p>
      </form>
    </DeskLayout>
  );
}
