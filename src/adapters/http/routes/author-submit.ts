import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkContactFields } from '../../../app/author-check-details.js';
import { checkDraft, keepUpload } from '../../../app/author-check-draft.js';
import { missingForCompletion, storedFacts } from '../../../app/author-facts.js';
import { submitFromWebForm } from '../../../app/author-submit.js';
import { followUrl } from '../../../app/follow-link.js';
import { callStatus, effectiveDeadline } from '../../../domain/call/deadline.js';
import type { Lang } from '../../../domain/shared/message.js';
import type { AppContext } from '../../../main/context.js';
import type { DraftAnalyses } from '../../../ports/draft-analyses.js';
import { langOf, say } from '../lang.js';
import { sendPage } from '../render.js';
import { CheckPage } from '../views/author/check-page.js';
import { FormPage } from '../views/author/form-page.js';
import { ClosedPage, ExpiredFormPage } from '../views/author/notice-page.js';
import { ReceiptPage } from '../views/author/receipt-page.js';
import {
  addAuthor,
  authorsOf,
  contactIndex,
  DRAFT_EXPIRED,
  emptyForm,
  FILE_TOO_LARGE,
  type FieldProblems,
  type FormValues,
  fieldId,
  hasErrors,
  parseForm,
  removeAuthor,
  validateForm,
} from './author-form.js';
import { registerAuthorLinkRoutes } from './author-link.js';
import { type LinkRequestDeps, registerLinkRequestRoutes } from './author-link-request.js';
import { readPostedForm } from './author-multipart.js';
import {
  csrfTokenValid,
  DRAFT_LIFETIME_MS,
  type Draft,
  publicBase,
  randomToken,
  readDraft,
  signDraft,
  tokenHash,
} from './author-tokens.js';

export interface AuthorRouteDeps {
  now: () => Date;
  /** The address given to authors in their links; APPEL_PUBLIC_URL, else the request's host. */
  publicUrl?: string;
  /** Where a checked upload's analysis waits for the confirmation (the confirmation then skips reading it). */
  analyses?: DraftAnalyses;
  /** The limits on asking for a lost private link again. */
  linkRequests: Pick<LinkRequestDeps, 'perClient' | 'perEmail'>;
}

const SCRIPT = readFileSync(new URL('../assets/author-form.js', import.meta.url));

/**
 * The authors' side of the desk: the submission form (GET/POST /deposer, check first, then
 * confirm), the as-you-type check of contact details, the enhancement script, and the private
 * link's pages (author-link.ts).
 */
export function registerAuthorRoutes(app: FastifyInstance, context: AppContext, deps: AuthorRouteDeps): void {
  const publicUrl = deps.publicUrl ?? process.env.APPEL_PUBLIC_URL;
  // Read at each request: the desk replaces context.intake when the deadline is extended.
  const intake = () => (deps.analyses ? { ...context.intake, analyses: deps.analyses } : context.intake);

  app.get('/assets/author-form.js', (_request, reply) =>
    reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(SCRIPT),
  );

  app.get('/deposer', (request, reply) => {
    const lang = langOf(request);
    if ((request.query as { lang?: string }).lang === lang)
      reply.setCookie('lang', lang, { path: '/', sameSite: 'lax' });
    const now = deps.now();
    if (callStatus(context.call.deadline, now.getTime()) === 'closed') {
      return sendPage(reply, ClosedPage({ call: context.call, lang, now }));
    }
    // Kept by the browser for the back button (same idempotency key), never by a shared cache.
    reply.header('cache-control', 'private, max-age=0');
    return showForm(reply, lang, emptyForm(randomToken()), new Map(), null, now);
  });

  app.post('/deposer', async (request, reply) => {
    const lang = langOf(request);
    const form = await readPostedForm(app, request, reply);
    reply.header('cache-control', 'no-store');
    if (!form.csrfOk)
      return sendPage(reply, ExpiredFormPage({ call: context.call, lang, path: '/deposer' }), 403);
    const now = deps.now();
    let values = parseForm(form.fields, randomToken());
    const action = form.fields.get('action') ?? 'verifier';
    let draft = readDraft(app, values.draft, now);
    if (draft && (draft.kind !== 'submission' || draft.key !== values.key)) draft = null;
    const hadDraft = values.draft !== '';
    if (!draft) values = { ...values, draft: '' };

    let upload: Buffer | undefined;
    const status = callStatus(context.call.deadline, now.getTime());
    const lateConfirm =
      action === 'envoyer' &&
      draft !== null &&
      draft.uploadedAt <= effectiveDeadline(context.call.deadline).acceptsUntil;
    if (status === 'closed' && !lateConfirm)
      return sendPage(reply, ClosedPage({ call: context.call, lang, now }), 403);

    if (form.file) {
      const kept = await keepUpload(form.file.bytes, context.intake);
      upload = form.file.bytes;
      draft = {
        kind: 'submission',
        sha256: kept.sha256,
        name: form.file.name,
        byteSize: kept.byteSize,
        uploadedAt: now.getTime(),
        expiresAt: now.getTime() + DRAFT_LIFETIME_MS,
        key: values.key,
        follow: draft?.follow ?? randomToken(),
      };
      values = { ...values, draft: signDraft(app, draft) };
    }

    const problems: FieldProblems = new Map();
    if (action === 'ajouter') return showForm(reply, lang, addAuthor(values), problems, draft, now);
    const removed = /^retirer-(\d)$/.exec(action);
    if (removed) return showForm(reply, lang, removeAuthor(values, Number(removed[1])), problems, draft, now);
    if (action === 'changer') return showForm(reply, lang, { ...values, draft: '' }, problems, null, now);
    if (action === 'modifier') return showForm(reply, lang, values, problems, draft, now);

    for (const [id, list] of validateForm(values, context.call, {
      hasFile: draft !== null,
      postcodes: context.intake.postcodes,
    })) {
      problems.set(id, list);
    }
    if (form.fileTooLarge) problems.set(fieldId.file, [FILE_TOO_LARGE]);
    else if (!draft && hadDraft) problems.set(fieldId.file, [DRAFT_EXPIRED]);
    if (!draft || hasErrors(problems)) return showForm(reply, lang, values, problems, draft, now, 422);

    if (action === 'envoyer') return confirm(request, reply, lang, values, draft);
    const check = await checkDraft(
      {
        call: context.call,
        sha256: draft.sha256,
        name: draft.name,
        ...(upload ? { upload } : {}),
        facts: factsOf(values, draft),
      },
      intake(),
    );
    const missing = missingForCompletion(context.call, {
      manuscript: check.analysis.manuscript !== null,
      contactPerson: true,
      contactEmail: authorsOf(values)[contactIndex(values)]?.email ?? '',
      phone: values.phone,
      postalAddress: values.postalAddress,
      consents: { onlinePublication: values.consentOnline, freeOfCharge: values.consentFree },
    });
    const csrf = reply.generateCsrf();
    return sendPage(
      reply,
      CheckPage({ call: context.call, lang, values, csrf, file: draft, check, missing }),
    );
  });

  /** As the author types (JavaScript on): the call's rules on the phone and the address, as JSON. */
  app.post('/deposer/coordonnees', async (request, reply) => {
    const lang = langOf(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const token = typeof body._csrf === 'string' ? body._csrf : undefined;
    if (!csrfTokenValid(app, request, reply, token)) return reply.code(403).send({ error: 'csrf' });
    const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 400) : undefined);
    const check = checkContactFields(
      context.call,
      { phone: text(body.telephone), postalAddress: text(body.adresse) },
      context.intake.postcodes,
    );
    // Only sentences about what the author typed: no value is echoed back, nothing else is read.
    const shape = (list: typeof check.phone) =>
      list.map((f) => ({
        severity: f.severity,
        message: say(f.message, lang),
        ...(f.fix ? { fix: say(f.fix, lang) } : {}),
      }));
    return reply
      .header('cache-control', 'no-store')
      .send({ telephone: shape(check.phone), adresse: shape(check.postalAddress) });
  });

  function showForm(
    reply: FastifyReply,
    lang: Lang,
    values: FormValues,
    problems: FieldProblems,
    draft: Draft | null,
    now: Date,
    status = 200,
  ) {
    const csrf = reply.generateCsrf();
    const draftFile = draft ? { name: draft.name, byteSize: draft.byteSize } : null;
    return sendPage(
      reply,
      FormPage({ call: context.call, lang, values, problems, csrf, draftFile, now }),
      status,
    );
  }

  function factsOf(values: FormValues, draft: Draft) {
    return {
      authors: authorsOf(values),
      orderRequested: values.orderRequested,
      ...(values.phone.trim() ? { phone: values.phone.trim() } : {}),
      ...(values.postalAddress.trim() ? { postalAddress: values.postalAddress.trim() } : {}),
      consents: { onlinePublication: values.consentOnline, freeOfCharge: values.consentFree },
      receivedAt: new Date(draft.uploadedAt),
    };
  }

  async function confirm(
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    values: FormValues,
    draft: Draft,
  ) {
    const follow = draft.follow ?? randomToken();
    const address = followUrl(publicBase(request, publicUrl), follow);
    const result = await submitFromWebForm(
      {
        call: context.call,
        callId: context.callId,
        idempotencyKey: `web:${draft.key ?? values.key}`,
        receivedAt: new Date(draft.uploadedAt),
        authors: authorsOf(values),
        orderRequested: values.orderRequested,
        ...(values.phone.trim() ? { phone: values.phone.trim() } : {}),
        ...(values.postalAddress.trim() ? { postalAddress: values.postalAddress.trim() } : {}),
        consents: { onlinePublication: values.consentOnline, freeOfCharge: values.consentFree },
        title: values.title.trim(),
        ...(values.axis ? { axis: values.axis } : {}),
        file: { sha256: draft.sha256, name: draft.name },
        follow: { tokenHash: tokenHash(follow), url: address },
        lang,
      },
      intake(),
    );
    const events = await context.intake.uow.run((s) => s.submissions.listEvents(result.record.id));
    const missing = missingForCompletion(context.call, storedFacts(result.record, events));
    return sendPage(
      reply,
      ReceiptPage({
        call: context.call,
        lang,
        record: result.record,
        duplicate: result.duplicate,
        followUrl: result.linkValid ? address : null,
        missing,
      }),
      result.duplicate ? 200 : 201,
    );
  }

  registerAuthorLinkRoutes(app, context, { now: deps.now, publicUrl });
  registerLinkRequestRoutes(app, context, { now: deps.now, publicUrl, ...deps.linkRequests });
}
