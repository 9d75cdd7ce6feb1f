import {
  ACCESS_ACTORS,
  type Access,
  type AccessActor,
  accessMatrix,
} from '../../../../domain/accounts/authorisation.js';
import { ROLE_LABELS, ROLES, type Role } from '../../../../domain/accounts/roles.js';
import { formatInstant } from '../../../../domain/call/format-date.js';
import type { Lang, Message } from '../../../../domain/shared/message.js';
import type { AccountRecord } from '../../../../ports/accounts.js';
import { t } from '../../lang.js';
import { DeskLayout } from './layout.js';

export interface AccountsPageProps {
  lang: Lang;
  journal: string;
  timeZone: string;
  staff: AccountRecord;
  csrf: string;
  path: string;
  accounts: AccountRecord[];
  notice?: string;
  problem?: string;
  form?: { email: string; displayName: string; role: Role };
}

const ACTOR_NAMES: Record<AccessActor, Message> = {
  anonymous: { fr: 'visiteur', en: 'visitor' },
  author: { fr: 'auteur (lien privé)', en: 'author (private link)' },
  committee: { fr: 'comité', en: 'committee' },
  coordinator: { fr: 'coordination', en: 'coordinator' },
  administrator: { fr: 'administration', en: 'administrator' },
};

const ACCESS_NAMES: Record<Access, Message> = {
  allowed: { fr: 'oui', en: 'yes' },
  'with-link': { fr: 'avec le lien', en: 'with the link' },
  'sign-in': { fr: 'non (se connecter)', en: 'no (sign in)' },
  forbidden: { fr: 'non', en: 'no' },
};

function state(a: AccountRecord, lang: Lang): string {
  if (a.disabledAt) return t(lang, 'désactivé', 'disabled');
  if (!a.activatedAt) return t(lang, 'invitation envoyée', 'invited');
  return t(lang, 'actif', 'active');
}

/** Accounts of the desk: who has access, invitations, disabling; and who may do what. */
export function AccountsPage(props: AccountsPageProps) {
  const { lang, journal, timeZone, staff, csrf, path, accounts, notice, problem, form } = props;
  const title = t(lang, 'Comptes et droits', 'Accounts and rights');
  return (
    <DeskLayout
      lang={lang}
      title={title}
      journal={journal}
      path={path}
      staff={staff}
      csrf={csrf}
      section="accounts"
    >
      <h1>{title}</h1>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <div class="table-wrap">
        <table class="desk-table">
          <caption>{t(lang, 'Les personnes du bureau', 'The people of the desk')}</caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'Nom', 'Name')}</th>
              <th scope="col">{t(lang, 'Adresse électronique', 'E-mail')}</th>
              <th scope="col">{t(lang, 'Rôle', 'Role')}</th>
              <th scope="col">{t(lang, 'État', 'State')}</th>
              <th scope="col">{t(lang, 'Créé le', 'Created')}</th>
              <th scope="col">{t(lang, 'Action', 'Action')}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.displayName}</th>
                <td>{a.email}</td>
                <td>{ROLE_LABELS[a.role][lang]}</td>
                <td>{state(a, lang)}</td>
                <td>{formatInstant(Date.parse(a.createdAt), timeZone, lang)}</td>
                <td>
                  {a.id !== staff.id && !a.disabledAt && (
                    <form method="post" action={`/bureau/comptes/${a.id}/desactivation`}>
                      <input type="hidden" name="_csrf" value={csrf} />
                      <button type="submit" class="secondary">
                        {t(lang, 'Désactiver', 'Disable')}
                        <span class="visually-hidden"> {a.displayName}</span>
                      </button>
                    </form>
                  )}
                  {a.id !== staff.id && a.activatedAt && (
                    <form method="post" action={`/bureau/comptes/${a.id}/reinitialisation`}>
                      <input type="hidden" name="_csrf" value={csrf} />
                      <button type="submit" class="secondary">
                        {t(lang, 'Réinitialiser l’accès', 'Reset access')}
                        <span class="visually-hidden"> {a.displayName}</span>
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form method="post" action="/bureau/comptes/invitation">
        <input type="hidden" name="_csrf" value={csrf} />
        <h2>{t(lang, 'Inviter une personne', 'Invite someone')}</h2>
        <p>
          {t(
            lang,
            'Elle reçoit par courriel un lien à usage unique, valable 7 jours, pour choisir son mot de passe et associer son application d’authentification. Inviter de nouveau une personne dont le compte est désactivé ou pas encore activé lui envoie un nouveau lien. Mot de passe oublié ou téléphone perdu : « Réinitialiser l’accès » lui envoie une nouvelle invitation, et l’ancien accès cesse de fonctionner.',
            'They get a one-time link by e-mail, valid for 7 days, to choose a password and link their authenticator app. Inviting again someone whose account is disabled or not yet activated sends them a new link. Forgotten password or lost phone: “Reset access” sends them a new invitation, and the old access stops working.',
          )}
        </p>
        {problem && (
          <p class="alert" role="alert">
            {problem}
          </p>
        )}
        <label for="displayName">{t(lang, 'Nom', 'Name')}</label>
        <input
          type="text"
          id="displayName"
          name="displayName"
          required
          autocomplete="off"
          value={form?.displayName ?? ''}
        />
        <label for="invite-email">{t(lang, 'Adresse électronique', 'E-mail address')}</label>
        <input
          type="email"
          id="invite-email"
          name="email"
          required
          autocomplete="off"
          value={form?.email ?? ''}
        />
        <label for="role">{t(lang, 'Rôle', 'Role')}</label>
        <select id="role" name="role">
          {ROLES.map((r) => (
            <option key={r} value={r} selected={(form?.role ?? 'committee') === r}>
              {ROLE_LABELS[r][lang]}
            </option>
          ))}
        </select>
        <p>
          <button type="submit">{t(lang, 'Envoyer l’invitation', 'Send the invitation')}</button>
        </p>
      </form>
      <h2>{t(lang, 'Qui peut faire quoi', 'Who may do what')}</h2>
      <div class="table-wrap">
        <table class="desk-table">
          <caption>
            {t(
              lang,
              'La matrice des droits, appliquée à chaque demande (une page absente de la liste est refusée)',
              'The rights matrix, enforced on every request (a page missing from the list is refused)',
            )}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'Page ou action', 'Page or action')}</th>
              {ACCESS_ACTORS.map((a) => (
                <th key={a} scope="col">
                  {ACTOR_NAMES[a][lang]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {accessMatrix().map(({ rule, access }) => (
              <tr key={`${rule.method} ${rule.path}`}>
                <th scope="row">
                  {rule.purpose[lang]}
                  <span class="hint">
                    <code>
                      {rule.method} {rule.path}
                    </code>
                  </span>
                </th>
                {ACCESS_ACTORS.map((a) => (
                  <td key={a}>{ACCESS_NAMES[access[a]][lang]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </DeskLayout>
  );
}
