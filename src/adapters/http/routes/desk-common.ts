import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Lang } from '../../../domain/shared/message.js';
import type { AppContext } from '../../../main/context.js';
import type { AccountRecord, AccountStore, PasswordHasher } from '../../../ports/accounts.js';
import type { Attempts } from '../auth/attempts.js';
import { langOf } from '../lang.js';
import { sendPage } from '../render.js';
import { DeskMessagePage } from '../views/desk/layout.js';

/** What every desk route needs, built once by registerDeskRoutes. */
export interface DeskDeps {
  context: AppContext;
  accounts: AccountStore;
  hasher: PasswordHasher;
  now: () => Date;
  /** Sign-in attempts per client address and per account address. */
  attempts: { byAddress: Attempts; byAccount: Attempts };
  /** The desk's public address when it is behind a proxy (APPEL_PUBLIC_URL); links are built on it. */
  publicUrl?: string;
}

/** The page's language; a `?lang=` choice is remembered in a cookie, as on the call's page. */
export function pageLang(request: FastifyRequest, reply: FastifyReply): Lang {
  const lang = langOf(request);
  if ((request.query as { lang?: string } | undefined)?.lang === lang) {
    reply.setCookie('lang', lang, { path: '/', sameSite: 'lax', httpOnly: true });
  }
  return lang;
}

/** Where people reach this desk: the configured public address, else the address of this request. */
export function baseUrl(request: FastifyRequest, deps: Pick<DeskDeps, 'publicUrl'>): string {
  if (deps.publicUrl) return deps.publicUrl.replace(/\/+$/, '');
  return `${request.protocol}://${request.host}`;
}

/** Whether cookies must be Secure: the desk is reached over HTTPS (directly or as configured). */
export function overHttps(request: FastifyRequest, deps: Pick<DeskDeps, 'publicUrl'>): boolean {
  return request.protocol === 'https' || deps.publicUrl?.startsWith('https:') === true;
}

/** A path of this site to go back to after signing in; anything else (//evil, https:…) is dropped. */
export function safeNext(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\'))
    return '/bureau';
  return value.slice(0, 500);
}

export function staffOf(request: FastifyRequest): AccountRecord {
  const staff = request.staff;
  if (!staff) throw new Error('This route is for signed-in staff: the gate must run before it');
  return staff.account;
}

/** A short page (refusal, stale change, used link) with its status. */
export function sendMessage(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: DeskDeps,
  status: number,
  page: { title: string; text: string; links: Array<{ href: string; label: string }> },
): FastifyReply {
  const lang = langOf(request);
  const staff = request.staff?.account ?? null;
  return sendPage(
    reply,
    DeskMessagePage({
      lang,
      journal: deps.context.call.journal,
      path: request.url,
      staff,
      csrf: staff ? reply.generateCsrf() : undefined,
      ...page,
    }),
    status,
  );
}

/** A form field as a string (a repeated field keeps its first value). */
export function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

/** A form field that may repeat (checkboxes). */
export function fields(body: unknown, name: string): string[] {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
}
