import type { FastifyReply, FastifyRequest } from 'fastify';
import { manuscriptPreview } from '../../../app/desk-preview.js';
import { lifecycleActorOf } from '../../../domain/accounts/roles.js';
import { localDateOf } from '../../../domain/call/time-zone.js';
import { availableTransitions } from '../../../domain/submission/lifecycle.js';
import type { SubmissionRecord } from '../../../ports/submission-records.js';
import { t } from '../lang.js';
import { sendPage } from '../render.js';
import { SubmissionPage, type SubmissionPageProps } from '../views/desk/submission-page.js';
import { type DeskDeps, pageLang, sendMessage, staffOf } from './desk-common.js';

/** A submission of this desk's call, or null (another call's is not found either). */
export async function submissionInCall(deps: DeskDeps, id: string): Promise<SubmissionRecord | null> {
  const record = await deps.context.submissions.findById(id);
  return record && record.callId === deps.context.callId ? record : null;
}

/** The 404 of the submission routes. */
export function sendSubmissionNotFound(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: DeskDeps,
): FastifyReply {
  const lang = pageLang(request, reply);
  return sendMessage(request, reply, deps, 404, {
    title: t(lang, 'Proposition introuvable', 'Submission not found'),
    text: t(
      lang,
      'Cette proposition n’existe pas, ou pas dans cet appel.',
      'This submission does not exist, or not in this call.',
    ),
    links: [
      { href: '/bureau', label: t(lang, 'Retour au tableau des propositions', 'Back to the dashboard') },
    ],
  });
}

/** What a submission's page may show besides the record: a confirmation, a form sent back. */
export type SubmissionPageExtra = Partial<
  Pick<
    SubmissionPageProps,
    | 'done'
    | 'authorTold'
    | 'linkSentTo'
    | 'reviewNotice'
    | 'reviewForm'
    | 'contractNotice'
    | 'noteNotice'
    | 'noteForm'
  >
>;

/**
 * A submission's page, read afresh: its timeline (with the names of the desk's accounts in it),
 * its reviews, its contract files, the desk's notes, the preview of its latest version and the transitions the viewer's role allows.
 * Used by the page itself and by the forms on it that are sent back with their problems.
 */
export async function sendSubmissionPage(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: DeskDeps,
  record: SubmissionRecord,
  extra: SubmissionPageExtra = {},
  status = 200,
): Promise<FastifyReply> {
  const { context } = deps;
  const lang = pageLang(request, reply);
  const staff = staffOf(request);
  const events = await context.submissions.listEvents(record.id);
  const notes = await context.editorialNotes.listForSubmission(record.id);
  const names = new Map<string, string>();
  const named = [
    ...events.flatMap((e) => (e.actor.id ? [e.actor.id] : [])),
    ...notes.map((n) => n.accountId),
  ];
  for (const id of new Set(named)) {
    const account = await deps.accounts.findById(id);
    if (account) names.set(id, account.displayName);
  }
  const latest = record.versions[record.versions.length - 1];
  const preview =
    latest && latest.signesTotal !== null ? await manuscriptPreview(latest, context.intake) : null;
  const reviews = await context.reviews.listForSubmission(record.id);
  const contract = await context.contractDocuments.listForSubmission(record.id);
  const reviewFiles = await context.reviewFiles.listForSubmission(record.id);
  return sendPage(
    reply,
    SubmissionPage({
      lang,
      call: context.call,
      staff,
      csrf: reply.generateCsrf(),
      path: `/bureau/propositions/${record.id}`,
      record,
      events,
      names,
      reviews,
      reviewFiles,
      contract,
      notes,
      today: localDateOf(deps.now().getTime(), context.call.deadline.timeZone),
      transitions: availableTransitions(record.status, lifecycleActorOf(staff.role)),
      preview,
      ...extra,
    }),
    status,
  );
}
