import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendVersionFromLink } from '../../../app/author-add-version.js';
import { checkDraft, keepUpload } from '../../../app/author-check-draft.js';
import { completeDetails, type DetailsField } from '../../../app/author-complete-details.js';
import { type AuthorView, authorView, openAuthorLink } from '../../../app/author-follow.js';
import { returnSignedContract } from '../../../app/author-return-contract.js';
import { type SharedReview, sharedReviews } from '../../../app/author-reviews.js';
import { openContractDocument } from '../../../app/open-contract-document.js';
import { openSharedReviewFile } from '../../../app/open-review-file.js';
import { withdrawSubmission } from '../../../app/withdraw-submission.js';
import {
  contractFallbackName,
  contractFileProblemMessage,
  showsContract,
} from '../../../domain/editorial/contract.js';
import type { Lang } from '../../../domain/shared/message.js';
import type { AppContext } from '../../../main/context.js';
import type { ContractDocument } from '../../../ports/contract-documents.js';
import { langOf } from '../lang.js';
import { sendPage } from '../render.js';
import { VersionCheckPage, WithdrawPage } from '../views/author/link-actions.js';
import { type DetailsTyped, type Done, LinkPage } from '../views/author/link-page.js';
import { ExpiredFormPage, LinkNotFoundPage } from '../views/author/notice-page.js';
import { langQuery } from '../views/author/parts.js';
import { DRAFT_EXPIRED, FILE_TOO_LARGE, type FieldProblem, type FieldProblems } from './author-form.js';
import { readPostedForm } from './author-multipart.js';
import {
  DRAFT_LIFETIME_MS,
  isTokenShaped,
  publicBase,
  readDraft,
  signDraft,
  tokenHash,
} from './author-tokens.js';
import { sendDownload } from './download.js';

/** Stricter than the site's limit: 30 tries a minute cannot find a 256-bit token, and say so. */
const LINK_RATE = { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } };

const DONE: readonly Done[] = ['coordonnees', 'version', 'version-deja', 'retrait', 'contrat'];

// The details form's field names, and the use case's fields they carry.
const DETAIL_FIELDS: Record<DetailsField, string> = {
  contactAuthorId: 'contact',
  contactEmail: 'courriel',
  phone: 'telephone',
  postalAddress: 'adresse',
};

const NO_SIGNED_FILE: FieldProblem = {
  message: { fr: 'Aucun fichier n’est choisi.', en: 'No file is chosen.' },
  fix: {
    fr: 'Cliquez sur « Parcourir » ou « Choisir un fichier » et choisissez le contrat signé (PDF ou photo).',
    en: 'Click “Browse” or “Choose file” and pick the signed contract (PDF or photo).',
  },
  severity: 'error',
};

const NO_FILE: FieldProblem = {
  message: { fr: 'Aucun fichier n’est choisi.', en: 'No file is chosen.' },
  fix: {
    fr: 'Cliquez sur « Parcourir » ou « Choisir un fichier » et choisissez votre nouvelle version.',
    en: 'Click “Browse” or “Choose file” and pick your new version.',
  },
  severity: 'error',
};

/**
 * The author's private link, /suivi/<token>: the submission it opens and nothing else. An unknown
 * or revoked token is a plain 404, the same page for both; every route here has a stricter rate
 * limit; pages are never cached and never indexed.
 */
export function registerAuthorLinkRoutes(
  app: FastifyInstance,
  context: AppContext,
  deps: { now: () => Date; publicUrl: string | undefined },
): void {
  interface Opened {
    token: string;
    path: string;
    lang: Lang;
    view: AuthorView;
    /** The contract's files, once the contract is sent (none before). */
    contract: ContractDocument[];
    /** The readers' opinions and annotated texts passed on with a decision. */
    reviews: SharedReview[];
  }

  const contractOf = async (view: AuthorView) =>
    showsContract(view.record.status) ? context.contractDocuments.listForSubmission(view.record.id) : [];

  /** What the page shows beside the submission itself: the contract, the readers' files. */
  const filesOf = async (view: AuthorView) => ({
    contract: await contractOf(view),
    reviews: await sharedReviews(view.record.id, context),
  });

  /** The link's submission, or null once the 404 is sent. */
  async function open(request: FastifyRequest, reply: FastifyReply): Promise<Opened | null> {
    const lang = langOf(request);
    const token = (request.params as { token?: string }).token ?? '';
    reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex, nofollow');
    const found = isTokenShaped(token) ? await openAuthorLink(tokenHash(token), context.intake) : null;
    if (!found) {
      sendPage(reply, LinkNotFoundPage({ call: context.call, lang }), 404);
      return null;
    }
    const view = authorView(context.call, found.record, found.events, deps.now());
    return { token, path: `/suivi/${token}`, lang, view, ...(await filesOf(view)) };
  }

  /** The link read again, as the GET would: a decision taken during the request is shown. */
  async function reopen(o: Opened): Promise<Opened> {
    const found = await openAuthorLink(tokenHash(o.token), context.intake);
    if (!found) return o;
    const view = authorView(context.call, found.record, found.events, deps.now());
    return { ...o, view, ...(await filesOf(view)) };
  }

  function showLink(
    reply: FastifyReply,
    o: Opened,
    extra: { problems?: FieldProblems; typed?: DetailsTyped; done?: Done | null } = {},
    status = 200,
  ) {
    return sendPage(
      reply,
      LinkPage({
        call: context.call,
        lang: o.lang,
        path: o.path,
        view: o.view,
        contract: o.contract,
        reviews: o.reviews,
        csrf: reply.generateCsrf(),
        problems: extra.problems ?? new Map(),
        typed: extra.typed ?? {},
        done: extra.done ?? null,
      }),
      status,
    );
  }

  /** Post / redirect / get: a reload after an action shows the page, and does not repeat it. */
  function backTo(reply: FastifyReply, o: Opened, done: Done) {
    return reply.redirect(`${o.path}?fait=${done}${langQuery(o.lang, '&')}`, 303);
  }

  app.get('/suivi/:token', LINK_RATE, async (request, reply) => {
    const o = await open(request, reply);
    if (!o) return reply;
    const fait = (request.query as { fait?: string }).fait;
    const done = DONE.find((d) => d === fait) ?? null;
    return showLink(reply, o, { done });
  });

  app.post('/suivi/:token/coordonnees', LINK_RATE, async (request, reply) => {
    const o = await open(request, reply);
    if (!o) return reply;
    const form = await readPostedForm(app, request, reply);
    if (!form.csrfOk)
      return sendPage(reply, ExpiredFormPage({ call: context.call, lang: o.lang, path: o.path }), 403);
    const field = (name: string) => {
      const value = form.fields.get(name)?.trim();
      return value ? value.slice(0, 400) : undefined;
    };
    const typed: DetailsTyped = {
      ...(field('contact') ? { contact: field('contact') } : {}),
      ...(field('courriel') ? { email: field('courriel') } : {}),
      ...(field('telephone') ? { phone: field('telephone') } : {}),
      ...(field('adresse') ? { postalAddress: field('adresse') } : {}),
    };
    const online = form.fields.get('accord_mise_en_ligne') === 'oui';
    const free = form.fields.get('accord_gracieux') === 'oui';
    const result = await completeDetails(
      {
        submissionId: o.view.record.id,
        call: context.call,
        ...(typed.contact ? { contactAuthorId: typed.contact } : {}),
        ...(typed.email ? { contactEmail: typed.email } : {}),
        ...(typed.phone ? { phone: typed.phone } : {}),
        ...(typed.postalAddress ? { postalAddress: typed.postalAddress } : {}),
        ...(online || free
          ? {
              consents: {
                ...(online ? { onlinePublication: true } : {}),
                ...(free ? { freeOfCharge: true } : {}),
              },
            }
          : {}),
      },
      context.intake,
    );
    if (result.ok) return backTo(reply, o, 'coordonnees');
    const problems: FieldProblems = new Map();
    for (const [name, findings] of Object.entries(result.errors) as [
      DetailsField,
      typeof result.errors.phone,
    ][]) {
      problems.set(
        DETAIL_FIELDS[name],
        (findings ?? []).map((f) => ({
          message: f.message,
          ...(f.fix ? { fix: f.fix } : {}),
          severity: 'error' as const,
        })),
      );
    }
    return showLink(reply, o, { problems, typed }, 422);
  });

  app.post('/suivi/:token/version', LINK_RATE, async (request, reply) => {
    const o = await open(request, reply);
    if (!o) return reply;
    const form = await readPostedForm(app, request, reply);
    if (!form.csrfOk)
      return sendPage(reply, ExpiredFormPage({ call: context.call, lang: o.lang, path: o.path }), 403);
    const now = deps.now();
    const { record } = o.view;

    if (form.fields.get('action') === 'envoyer') {
      const draft = readDraft(app, form.fields.get('brouillon'), now);
      if (draft?.kind !== 'version' || draft.submissionId !== record.id) {
        return showLink(reply, o, { problems: new Map([['fichier', [DRAFT_EXPIRED]]]) }, 422);
      }
      const sent = await sendVersionFromLink(
        {
          submissionId: record.id,
          call: context.call,
          file: { sha256: draft.sha256, name: draft.name },
          receivedAt: new Date(draft.uploadedAt),
          now,
          followUrl: `${publicBase(request, deps.publicUrl)}${o.path}`,
          lang: o.lang,
        },
        context.intake,
      );
      // Refused because a decision came while the file was checked: the page shows that decision.
      if (!sent.ok) return showLink(reply, await reopen(o), {}, 409);
      return backTo(reply, o, sent.duplicate ? 'version-deja' : 'version');
    }

    if (!o.view.canSendVersion) return showLink(reply, o, {}, 409);
    if (!form.file) {
      const problem = form.fileTooLarge ? FILE_TOO_LARGE : NO_FILE;
      return showLink(reply, o, { problems: new Map([['fichier', [problem]]]) }, 422);
    }
    const kept = await keepUpload(form.file.bytes, context.intake);
    const draft = signDraft(app, {
      kind: 'version',
      sha256: kept.sha256,
      name: form.file.name,
      byteSize: kept.byteSize,
      uploadedAt: now.getTime(),
      expiresAt: now.getTime() + DRAFT_LIFETIME_MS,
      submissionId: record.id,
    });
    const check = await checkDraft(
      {
        call: context.call,
        sha256: kept.sha256,
        name: form.file.name,
        upload: form.file.bytes,
        // The authors' names, so that the anonymity hints look for them in the new text too.
        facts: { authors: record.authors },
      },
      context.intake,
    );
    return sendPage(
      reply,
      VersionCheckPage({
        call: context.call,
        lang: o.lang,
        path: o.path,
        record,
        csrf: reply.generateCsrf(),
        draft,
        file: { name: form.file.name, byteSize: kept.byteSize },
        check,
      }),
    );
  });

  app.get('/suivi/:token/contrat/:document', LINK_RATE, async (request, reply) => {
    const o = await open(request, reply);
    if (!o) return reply;
    const { record } = o.view;
    const found = await openContractDocument(
      {
        submissionId: record.id,
        documentId: (request.params as { document: string }).document,
        reader: { side: 'author', status: record.status },
      },
      { contractDocuments: context.contractDocuments, files: context.intake.files },
    );
    if (!found) return sendPage(reply, LinkNotFoundPage({ call: context.call, lang: o.lang }), 404);
    const { document, bytes } = found;
    return sendDownload(reply, {
      name: document.fileName,
      fallback: contractFallbackName(document.kind),
      bytes,
    });
  });

  app.get('/suivi/:token/relectures/:file', LINK_RATE, async (request, reply) => {
    const o = await open(request, reply);
    if (!o) return reply;
    const file = (request.params as { file: string }).file;
    const found = await openSharedReviewFile(o.view.record.id, file, {
      ...context,
      files: context.intake.files,
    });
    if (!found) return sendPage(reply, LinkNotFoundPage({ call: context.call, lang: o.lang }), 404);
    return sendDownload(reply, { name: found.name, fallback: 'relecture', bytes: found.bytes });
  });

  app.post('/suivi/:token/contrat', LINK_RATE, async (request, reply) => {
    const o = await open(request, reply);
    if (!o) return reply;
    const form = await readPostedForm(app, request, reply);
    if (!form.csrfOk)
      return sendPage(reply, ExpiredFormPage({ call: context.call, lang: o.lang, path: o.path }), 403);
    const fileProblem = (problem: FieldProblem, status: number) =>
      showLink(reply, o, { problems: new Map([['contrat-fichier', [problem]]]) }, status);
    if (!form.file) return fileProblem(form.fileTooLarge ? FILE_TOO_LARGE : NO_SIGNED_FILE, 422);
    const result = await returnSignedContract(
      { submissionId: o.view.record.id, file: form.file },
      {
        ...context.intake,
        call: context.call,
        accounts: context.accounts,
        publicBase: publicBase(request, deps.publicUrl),
      },
    );
    if (result.ok) return backTo(reply, o, 'contrat');
    if (result.reason === 'refused') {
      const message = contractFileProblemMessage('signed', result.problem);
      return fileProblem({ message, severity: 'error' }, 422);
    }
    // The signature was recorded, or the submission closed, while the file was on its way.
    return showLink(reply, await reopen(o), {}, 409);
  });

  app.get('/suivi/:token/retirer', LINK_RATE, async (request, reply) => {
    const o = await open(request, reply);
    if (!o) return reply;
    if (!o.view.canWithdraw) return reply.redirect(`${o.path}${langQuery(o.lang)}`, 303);
    return sendPage(
      reply,
      WithdrawPage({
        call: context.call,
        lang: o.lang,
        path: o.path,
        record: o.view.record,
        csrf: reply.generateCsrf(),
      }),
    );
  });

  app.post('/suivi/:token/retirer', LINK_RATE, async (request, reply) => {
    const o = await open(request, reply);
    if (!o) return reply;
    const form = await readPostedForm(app, request, reply);
    if (!form.csrfOk)
      return sendPage(reply, ExpiredFormPage({ call: context.call, lang: o.lang, path: o.path }), 403);
    if (form.fields.get('confirmer') !== 'oui')
      return reply.redirect(`${o.path}/retirer${langQuery(o.lang)}`, 303);
    await withdrawSubmission({ submissionId: o.view.record.id, channel: 'web' }, context.intake);
    return backTo(reply, o, 'retrait');
  });
}
