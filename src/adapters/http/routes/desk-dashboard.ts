import type { FastifyInstance } from 'fastify';
import { lengthDistribution, submissionsPerDay } from '../../../app/desk-charts.js';
import { findDeskRows, loadDeskRows, parseDeskQuery } from '../../../app/desk-dashboard.js';
import { exportTable, toCsv, toXlsx } from '../../../app/desk-export.js';
import { applyTransition } from '../../../app/desk-transition.js';
import { lifecycleActorOf } from '../../../domain/accounts/roles.js';
import { effectiveDeadline } from '../../../domain/call/deadline.js';
import { STATUS_LABELS } from '../../../domain/submission/labels.js';
import { ACTIONS, type Action, isDecision, TRANSITIONS } from '../../../domain/submission/lifecycle.js';
import { t } from '../lang.js';
import { sendPage } from '../render.js';
import { type BulkLine, BulkResultPage } from '../views/desk/bulk-result.js';
import { ANONYMISED_COPIES, Dashboard } from '../views/desk/dashboard.js';
import { sendAnonymisedCopies } from './desk-anonymised-copies.js';
import { baseUrl, type DeskDeps, field, fields, pageLang, sendMessage, staffOf } from './desk-common.js';

/** The dashboard, its exports and its bulk actions. */
export function registerDeskDashboardRoutes(app: FastifyInstance, deps: DeskDeps): void {
  const { context } = deps;
  const search = {
    index: context.manuscriptTexts,
    files: context.intake.files,
    read: context.intake.read,
  };

  app.get('/bureau', async (request, reply) => {
    const lang = pageLang(request, reply);
    const staff = staffOf(request);
    const query = parseDeskQuery(request.query as Record<string, unknown>);
    const all = await loadDeskRows(context, context.callId);
    const deadline = effectiveDeadline(context.call.deadline);
    const actor = lifecycleActorOf(staff.role);
    const actions = ACTIONS.filter((a) => TRANSITIONS.some((tr) => tr.action === a && tr.by.includes(actor)));
    const counts: Record<string, number> = {};
    for (const row of all) counts[row.status] = (counts[row.status] ?? 0) + 1;
    return sendPage(
      reply,
      Dashboard({
        lang,
        call: context.call,
        deadline,
        staff,
        csrf: reply.generateCsrf(),
        path: request.url,
        query,
        rows: await findDeskRows(all, query, search),
        total: all.length,
        counts,
        actions,
        canExport: staff.role !== 'committee',
        perDay: submissionsPerDay(all, deadline.date, deadline.timeZone),
        lengths: lengthDistribution(
          all,
          context.call.manuscript.minSignes,
          context.call.manuscript.maxSignes,
        ),
      }),
    );
  });

  const exported = async (query: Record<string, unknown>, lang: 'fr' | 'en') => {
    const rows = await findDeskRows(
      await loadDeskRows(context, context.callId),
      parseDeskQuery(query),
      search,
    );
    return exportTable(rows, lang, context.call.deadline.timeZone);
  };
  const fileName = (extension: string) => `propositions-${context.call.id}.${extension}`;

  app.get('/bureau/export.csv', async (request, reply) => {
    const lang = pageLang(request, reply);
    const csv = toCsv(await exported(request.query as Record<string, unknown>, lang));
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${fileName('csv')}"`)
      .send(csv);
  });

  app.get('/bureau/export.xlsx', async (request, reply) => {
    const lang = pageLang(request, reply);
    const xlsx = await toXlsx(await exported(request.query as Record<string, unknown>, lang));
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${fileName('xlsx')}"`)
      .send(xlsx);
  });

  app.post('/bureau/actions', { preValidation: app.csrfProtection }, async (request, reply) => {
    const lang = pageLang(request, reply);
    const staff = staffOf(request);
    const action = field(request.body, 'action') as Action;
    const selection = fields(request.body, 'selection').slice(0, 500);
    if (field(request.body, 'telecharger') === ANONYMISED_COPIES) {
      return sendAnonymisedCopies(request, reply, deps, selection);
    }
    if (!ACTIONS.includes(action) || selection.length === 0) {
      return sendMessage(request, reply, deps, 400, {
        title: t(lang, 'Rien à faire', 'Nothing to do'),
        text: t(
          lang,
          'Cochez au moins une proposition dans le tableau et choisissez une action.',
          'Tick at least one submission in the table and choose an action.',
        ),
        links: [
          { href: '/bureau', label: t(lang, 'Retour au tableau des propositions', 'Back to the dashboard') },
        ],
      });
    }
    const lines: BulkLine[] = [];
    // A decision tells each author by letter when « prévenir » is ticked (no message: one letter each).
    const tell = isDecision(action) && field(request.body, 'prevenir') === 'oui';
    const notify = tell ? { notify: { call: context.call, publicBase: baseUrl(request, deps) } } : {};
    for (const item of selection) {
      const [id = '', version = ''] = item.split(':');
      const outcome = await applyTransition(
        {
          ...notify,
          submissionId: id,
          expectedVersion: Number(version),
          action,
          actor: lifecycleActorOf(staff.role) as 'coordinator' | 'committee',
          accountId: staff.id,
        },
        context.intake,
      );
      const record = outcome.ok ? null : await context.submissions.findById(id);
      const title = outcome.ok ? outcome.summary.title : (record?.title ?? id);
      lines.push({
        id,
        title,
        done: outcome.ok,
        outcome: outcome.ok
          ? t(
              lang,
              `fait : ${STATUS_LABELS[outcome.from].fr} → ${STATUS_LABELS[outcome.summary.status].fr}${outcome.notified ? ', auteur prévenu par courriel' : ''}`,
              `done: ${STATUS_LABELS[outcome.from].en} → ${STATUS_LABELS[outcome.summary.status].en}${outcome.notified ? ', author told by e-mail' : ''}`,
            )
          : outcome.reason === 'stale'
            ? t(
                lang,
                'laissée telle quelle : quelqu’un d’autre l’a modifiée entre-temps',
                'left as it was: someone else changed it meanwhile',
              )
            : outcome.reason === 'refused'
              ? outcome.error.text[lang]
              : t(lang, 'introuvable', 'not found'),
      });
    }
    return sendPage(
      reply,
      BulkResultPage({
        lang,
        journal: context.call.journal,
        staff,
        csrf: reply.generateCsrf(),
        action,
        lines,
      }),
    );
  });
}
