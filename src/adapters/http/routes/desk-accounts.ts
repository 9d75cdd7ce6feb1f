import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { disableAccount } from '../../../app/accounts/disable-account.js';
import { inviteAccount } from '../../../app/accounts/invite-account.js';
import { resetAccess } from '../../../app/accounts/reset-access.js';
import { isRole } from '../../../domain/accounts/roles.js';
import { t } from '../lang.js';
import { sendPage } from '../render.js';
import { AccountsPage, type AccountsPageProps } from '../views/desk/accounts-page.js';
import { type AccountAction, ConfirmAccountPage } from '../views/desk/confirm-account.js';
import { baseUrl, type DeskDeps, field, pageLang, sendMessage, staffOf } from './desk-common.js';

/** The administrators' page: accounts, invitations, disabling, and the rights matrix. */
export function registerDeskAccountRoutes(app: FastifyInstance, deps: DeskDeps): void {
  const { context } = deps;

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Pick<AccountsPageProps, 'notice' | 'problem' | 'form'> = {},
    status = 200,
  ) =>
    sendPage(
      reply,
      AccountsPage({
        lang: pageLang(request, reply),
        journal: context.call.journal,
        timeZone: context.call.deadline.timeZone,
        staff: staffOf(request),
        csrf: reply.generateCsrf(),
        path: '/bureau/comptes',
        accounts: await deps.accounts.list(),
        ...extra,
      }),
      status,
    );

  app.get('/bureau/comptes', (request, reply) => {
    const lang = pageLang(request, reply);
    const query = request.query as { invite?: string; desactive?: string; reinitialise?: string };
    const notice =
      query.invite === '1'
        ? t(
            lang,
            'L’invitation est partie : la personne a 7 jours pour utiliser son lien.',
            'The invitation is on its way: the person has 7 days to use the link.',
          )
        : query.reinitialise === '1'
          ? t(
              lang,
              'Accès réinitialisé : l’ancien mot de passe et l’ancienne application ne fonctionnent plus. Une nouvelle invitation est partie ; la personne a 7 jours pour utiliser son lien.',
              'Access reset: the old password and authenticator app no longer work. A new invitation is on its way; the person has 7 days to use the link.',
            )
          : query.desactive === '1'
            ? t(
                lang,
                'Le compte est désactivé ; ses sessions sont fermées.',
                'The account is disabled; its sessions are closed.',
              )
            : undefined;
    return page(request, reply, notice ? { notice } : {});
  });

  /**
   * Without « confirmer=oui », the confirmation page (true); with it, or for an account that is not
   * there (the use case says why), nothing here (false).
   */
  const askedOnceMore = async (request: FastifyRequest, reply: FastifyReply, action: AccountAction) => {
    if (field(request.body, 'confirmer') === 'oui') return false;
    const account = await deps.accounts.findById((request.params as { id: string }).id);
    // One's own account is refused by the use case: no question to ask first.
    if (!account || account.id === staffOf(request).id) return false;
    await sendPage(
      reply,
      ConfirmAccountPage({
        lang: pageLang(request, reply),
        journal: context.call.journal,
        staff: staffOf(request),
        csrf: reply.generateCsrf(),
        account,
        action,
      }),
    );
    return true;
  };

  app.post('/bureau/comptes/invitation', { preValidation: app.csrfProtection }, async (request, reply) => {
    const lang = pageLang(request, reply);
    const role = field(request.body, 'role');
    const form = {
      email: field(request.body, 'email'),
      displayName: field(request.body, 'displayName'),
      role: isRole(role) ? role : ('committee' as const),
    };
    if (!isRole(role)) {
      return page(
        request,
        reply,
        { form, problem: t(lang, 'Choisissez un rôle dans la liste.', 'Pick a role from the list.') },
        400,
      );
    }
    const result = await inviteAccount(
      { ...form, invitedBy: staffOf(request), baseUrl: baseUrl(request, deps), lang },
      { accounts: deps.accounts, now: deps.now, call: context.call },
    );
    if (!result.ok) return page(request, reply, { form, problem: result.problem[lang] }, 400);
    return reply.redirect('/bureau/comptes?invite=1', 303);
  });

  app.post(
    '/bureau/comptes/:id/desactivation',
    { preValidation: app.csrfProtection },
    async (request, reply) => {
      const lang = pageLang(request, reply);
      if (await askedOnceMore(request, reply, 'disable')) return reply;
      const result = await disableAccount((request.params as { id: string }).id, staffOf(request), deps);
      if (result.ok) return reply.redirect('/bureau/comptes?desactive=1', 303);
      return sendMessage(request, reply, deps, result.status, {
        title: t(lang, 'Compte non désactivé', 'Account not disabled'),
        text: result.problem[lang],
        links: [{ href: '/bureau/comptes', label: t(lang, 'Retour aux comptes', 'Back to the accounts') }],
      });
    },
  );
  app.post(
    '/bureau/comptes/:id/reinitialisation',
    { preValidation: app.csrfProtection },
    async (request, reply) => {
      const lang = pageLang(request, reply);
      if (await askedOnceMore(request, reply, 'reset')) return reply;
      const result = await resetAccess(
        (request.params as { id: string }).id,
        staffOf(request),
        { baseUrl: baseUrl(request, deps), lang },
        { accounts: deps.accounts, now: deps.now, call: context.call },
      );
      if (result.ok) return reply.redirect('/bureau/comptes?reinitialise=1', 303);
      return sendMessage(request, reply, deps, result.status, {
        title: t(lang, 'Accès non réinitialisé', 'Access not reset'),
        text: result.problem[lang],
        links: [{ href: '/bureau/comptes', label: t(lang, 'Retour aux comptes', 'Back to the accounts') }],
      });
    },
  );
}
