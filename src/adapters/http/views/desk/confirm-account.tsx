import type { Lang } from '../../../../domain/shared/message.js';
import type { AccountRecord } from '../../../../ports/accounts.js';
import { t } from '../../lang.js';
import { DeskLayout } from './layout.js';

export type AccountAction = 'disable' | 'reset';

export interface ConfirmAccountProps {
  lang: Lang;
  journal: string;
  staff: AccountRecord;
  csrf: string;
  /** The account the action is about. */
  account: AccountRecord;
  action: AccountAction;
}

const PATHS: Record<AccountAction, string> = { disable: 'desactivation', reset: 'reinitialisation' };

/**
 * Disabling an account, or resetting its access, ends the person's sessions at once: the desk
 * says what will happen, to whom, and asks once more.
 */
export function ConfirmAccountPage({ lang, journal, staff, csrf, account, action }: ConfirmAccountProps) {
  const title =
    action === 'disable'
      ? t(
          lang,
          `Désactiver le compte de ${account.displayName} ?`,
          `Disable ${account.displayName}’s account?`,
        )
      : t(
          lang,
          `Réinitialiser l’accès de ${account.displayName} ?`,
          `Reset ${account.displayName}’s access?`,
        );
  return (
    <DeskLayout
      lang={lang}
      title={title}
      journal={journal}
      path="/bureau/comptes"
      staff={staff}
      csrf={csrf}
      section="accounts"
    >
      <h1>{title}</h1>
      <p>
        {action === 'disable'
          ? t(
              lang,
              `${account.displayName} (${account.email}) ne pourra plus se connecter au bureau, et ses sessions en cours sont fermées. Ce qu’il ou elle a fait reste dans l’historique.`,
              `${account.displayName} (${account.email}) will no longer be able to sign in to the desk, and their open sessions end. What they did stays in the history.`,
            )
          : t(
              lang,
              `Les sessions de ${account.displayName} sont fermées, son mot de passe et son application d’authentification ne fonctionnent plus, et une nouvelle invitation part vers ${account.email} pour les choisir à nouveau.`,
              `${account.displayName}’s sessions end, their password and authenticator app stop working, and a new invitation goes to ${account.email} to set them again.`,
            )}
      </p>
      <form method="post" action={`/bureau/comptes/${account.id}/${PATHS[action]}`}>
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="confirmer" value="oui" />
        <p>
          <button type="submit">
            {action === 'disable'
              ? t(lang, 'Confirmer : désactiver le compte', 'Confirm: disable the account')
              : t(lang, 'Confirmer : réinitialiser l’accès', 'Confirm: reset the access')}
          </button>{' '}
          <a class="button secondary" href="/bureau/comptes">
            {t(lang, 'Revenir aux comptes', 'Back to the accounts')}
          </a>
        </p>
      </form>
    </DeskLayout>
  );
}
