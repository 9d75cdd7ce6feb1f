import assert from 'node:assert/strict';
import * as OTPAuth from 'otpauth';
import type { DeskOptions } from '../../src/adapters/http/routes/desk-register.js';
import { bootstrapAdministrator } from '../../src/app/accounts/bootstrap-administrator.js';
import { inviteAccount } from '../../src/app/accounts/invite-account.js';
import { activationPath } from '../../src/app/accounts/links.js';
import { hashToken } from '../../src/app/accounts/secrets.js';
import { applyTransition } from '../../src/app/desk-transition.js';
import { submitManuscript } from '../../src/app/submit-manuscript.js';
import type { Role } from '../../src/domain/accounts/roles.js';
import type { Action } from '../../src/domain/submission/lifecycle.js';
import type { AccountRecord } from '../../src/ports/accounts.js';
import type { OutboxJob } from '../../src/ports/outbox.js';
import { makeDocx, p } from '../helpers/docx-fixtures.js';
import { type RunningDesk, startDesk } from '../helpers/http-server.js';

/**
 * A clock the tests move: TOTP codes are accepted once per 30-second step. It starts a day ago, so
 * that letters queued on it are already due for the outbox (which runs on the real clock).
 */
export function testClock(start = Date.now() - 86_400_000) {
  let now = start;
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}

export type TestClock = ReturnType<typeof testClock>;

/** The desk on a free port with a clock the test controls. */
export async function startTestDesk(options: DeskOptions = {}, clock = testClock()) {
  const desk = await startDesk({
    signInPerAddress: 1000,
    signInPerAccount: 1000,
    ...options,
    now: clock.now,
  });
  return { desk, clock };
}

/** The code an authenticator app would show now. */
export function totpCode(secret: string, at: Date): string {
  return OTPAuth.TOTP.generate({
    secret: OTPAuth.Secret.fromBase32(secret.replace(/\s+/g, '')),
    timestamp: at.getTime(),
  });
}

/** A browser in miniature: keeps cookies, never follows redirects, reads CSRF tokens from forms. */
export class Visitor {
  readonly cookies = new Map<string, string>();
  lastSetCookies: string[] = [];

  constructor(readonly base: string) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(response: Response): void {
    this.lastSetCookies = response.headers.getSetCookie();
    for (const line of this.lastSetCookies) {
      const [pair] = line.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq < 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const response = await fetch(`${this.base}${path}`, {
      redirect: 'manual',
      headers: { cookie: this.cookieHeader(), ...headers },
    });
    this.keep(response);
    return response;
  }

  async post(
    path: string,
    form: Record<string, string | string[]>,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form))
      for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    const response = await fetch(`${this.base}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        cookie: this.cookieHeader(),
        'content-type': 'application/x-www-form-urlencoded',
        ...headers,
      },
      body,
    });
    this.keep(response);
    return response;
  }

  /** POSTs a multipart form with a small file, as the authors' form expects. */
  async postMultipart(path: string, form: Record<string, string>): Promise<Response> {
    return this.postFile(path, form, { name: 'x.txt', bytes: Buffer.from('x') });
  }

  /** POSTs a form with one chosen file, as a browser's file input sends it. */
  async postFile(
    path: string,
    form: Record<string, string>,
    file: { name: string; bytes: Uint8Array },
  ): Promise<Response> {
    const body = new FormData();
    for (const [k, v] of Object.entries(form)) body.append(k, v);
    body.append('fichier', new Blob([new Uint8Array(file.bytes)]), file.name);
    const response = await fetch(`${this.base}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: this.cookieHeader() },
      body,
    });
    this.keep(response);
    return response;
  }

  /** GETs a page with a form and returns its HTML and CSRF token. */
  async page(path: string): Promise<{ response: Response; html: string; csrf: string }> {
    const response = await this.get(path);
    const html = await response.text();
    return { response, html, csrf: csrfIn(html) };
  }
}

export function csrfIn(html: string): string {
  return /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
}

/** The secret shown on an activation page, as the person types it into the app. */
export function secretIn(html: string): string {
  const found = /<p class="secret">([A-Z2-7 ]+)<\/p>/.exec(html)?.[1];
  assert.ok(found, 'the activation page shows the secret');
  return found.replace(/ /g, '');
}

export const PASSWORD = 'une phrase de passe assez longue';

/** Goes through the one-time link: password, secret, first code; the visitor ends signed in. */
export async function activate(visitor: Visitor, path: string, clock: TestClock): Promise<string> {
  const { html, csrf } = await visitor.page(path);
  const secret = secretIn(html);
  const response = await visitor.post(path, {
    _csrf: csrf,
    password: PASSWORD,
    passwordAgain: PASSWORD,
    code: totpCode(secret, clock.now()),
  });
  assert.equal(response.status, 303, 'activation redirects to the dashboard');
  clock.advance(30_000);
  return secret;
}

/** Signs in through the form with the next code. */
export async function signIn(
  visitor: Visitor,
  email: string,
  secret: string,
  clock: TestClock,
  password = PASSWORD,
): Promise<Response> {
  const { csrf } = await visitor.page('/connexion');
  const response = await visitor.post('/connexion', {
    _csrf: csrf,
    email,
    password,
    code: totpCode(secret, clock.now()),
  });
  clock.advance(30_000);
  return response;
}

export interface Staff {
  account: AccountRecord;
  visitor: Visitor;
  secret: string;
}

/** An activated, signed-in member of the desk with the given role (the administrator invites). */
export async function staffMember(
  desk: RunningDesk,
  clock: TestClock,
  role: Role,
  email = `${role}@exemple.fr`,
  admin?: AccountRecord,
): Promise<Staff> {
  const deps = { accounts: desk.context.accounts, now: clock.now };
  let path: string;
  if (role === 'administrator' && !admin) {
    const boot = await bootstrapAdministrator({ email, displayName: 'Ada Admin' }, deps);
    assert.ok(boot.ok);
    path = activationPath(boot.token);
  } else {
    assert.ok(admin, 'an administrator invites the others');
    const invited = await inviteAccount(
      { email, displayName: `Personne ${role}`, role, invitedBy: admin, baseUrl: desk.url, lang: 'fr' },
      { ...deps, call: desk.context.call },
    );
    assert.ok(invited.ok);
    const job = (await desk.context.outbox.claimDue({ worker: 'test', limit: 100 })).find(
      (j) => (j.payload as { to?: { address?: string } }).to?.address === email,
    );
    assert.ok(job, 'the invitation letter is queued');
    const url = (job.payload as { letter: { url: string } }).letter.url;
    path = new URL(url).pathname;
  }
  const visitor = new Visitor(desk.url);
  const secret = await activate(visitor, path, clock);
  const account = await desk.context.accounts.findByEmail(email);
  assert.ok(account);
  return { account, visitor, secret };
}

export interface SeedOptions {
  title: string;
  givenName: string;
  surname: string;
  receivedAt: string;
  /** Roughly this many characters of text (the length verdict follows). */
  length?: number;
  /** Paragraphs written as given (after the filler text). */
  extra?: string[];
  channel?: 'email' | 'web';
  axis?: string;
  fileName?: string;
  /** A private link for the author (its token). */
  linkToken?: string;
}

const FILLER =
  'Le travail social se transforme avec les outils numériques, entre promesses d’accès et nouvelles distances. ';

/** A submission recorded through the one submission use case, with a real .docx in the file store. */
export async function seedSubmission(desk: RunningDesk, options: SeedOptions) {
  const text = FILLER.repeat(Math.max(1, Math.ceil((options.length ?? 12_000) / FILLER.length))).slice(
    0,
    options.length ?? 12_000,
  );
  const body = [p('Introduction'), p(text), ...(options.extra ?? []).map((e) => p(escapeXml(e)))].join('');
  const bytes = await makeDocx({ body });
  const email = `${options.surname.toLowerCase()}@exemple.fr`;
  const { record } = await submitManuscript(
    {
      callId: desk.context.callId,
      call: desk.context.call,
      channel: options.channel ?? 'web',
      idempotencyKey: `seed-${options.title}-${options.receivedAt}`,
      receivedAt: new Date(options.receivedAt),
      title: options.title,
      ...(options.axis ? { axis: options.axis } : {}),
      authors: [
        {
          givenName: options.givenName,
          surname: options.surname,
          email,
          phone: '01 45 67 89 10',
          postalAddress: '12 rue de la Paix\n75002 Paris',
          isContact: true,
        },
      ],
      phone: '01 45 67 89 10',
      postalAddress: '12 rue de la Paix\n75002 Paris',
      consents: { onlinePublication: true, freeOfCharge: true },
      files: [{ name: options.fileName ?? `${options.surname}.docx`, bytes }],
      reply: { to: { address: email } },
      lang: 'fr',
      ...(options.linkToken
        ? {
            follow: {
              tokenHash: hashToken(options.linkToken),
              url: `${desk.url}/suivi/${options.linkToken}`,
            },
          }
        : {}),
    },
    desk.context.intake,
  );
  return { record, bytes };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** From a complete submission to a place in the issue, the contract signed on the way. */
export const TO_ISSUE: readonly Action[] = [
  'send_to_review',
  'accept',
  'send_contract',
  'record_signed_contract',
  'place_in_issue',
];

/**
 * Moves a submission through these actions as a coordinator would (the one transition table),
 * from the version given; `after` runs after each move (to add what that step brings). The last
 * version.
 */
export async function moveAlong(
  desk: RunningDesk,
  submissionId: string,
  version: number,
  actions: readonly Action[],
  after?: (action: Action) => Promise<void>,
): Promise<number> {
  let current = version;
  for (const action of actions) {
    const outcome = await applyTransition(
      { submissionId, expectedVersion: current, action, actor: 'coordinator', accountId: 'test' },
      desk.context.intake,
    );
    assert.ok(outcome.ok, action);
    current = outcome.summary.version;
    if (after) await after(action);
  }
  return current;
}

/** Letter jobs of this kind not yet seen (claimed, so that the next call sees only new ones). */
export async function newLetters(desk: RunningDesk, kind: string): Promise<OutboxJob[]> {
  const jobs = await desk.context.outbox.claimDue({ worker: 'test', limit: 500 });
  return jobs.filter((j) => (j.payload as { letter?: { kind?: string } }).letter?.kind === kind);
}

/**
 * Posts the submission page's transition form as a person of the desk does, confirmed: the
 * version is read from the page, as the browser sends it back.
 */
export async function postTransition(
  visitor: Visitor,
  id: string,
  form: Record<string, string>,
): Promise<Response> {
  const { html, csrf } = await visitor.page(`/bureau/propositions/${id}`);
  const version = /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';
  return visitor.post(`/bureau/propositions/${id}/transition`, {
    _csrf: csrf,
    version,
    confirmer: 'oui',
    ...form,
  });
}
