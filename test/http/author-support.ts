import { makeDocx, p } from '../helpers/docx-fixtures.js';

/**
 * A small stand-in for a browser without JavaScript, over the real server and real fetch: it keeps
 * cookies, posts forms as a browser would (multipart or urlencoded, fields in page order), follows
 * nothing by itself, and reads hidden fields out of the pages.
 */
export class Visitor {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly base: string) {}

  private remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (pair && eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }

  private cookieHeader(): Record<string, string> {
    if (this.cookies.size === 0) return {};
    return { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
  }

  async get(path: string): Promise<Page> {
    const response = await fetch(new URL(path, this.base), {
      headers: this.cookieHeader(),
      redirect: 'manual',
    });
    this.remember(response);
    return { status: response.status, headers: response.headers, html: await response.text() };
  }

  async post(
    path: string,
    body: FormData | URLSearchParams,
    headers: Record<string, string> = {},
  ): Promise<Page> {
    const response = await fetch(new URL(path, this.base), {
      method: 'POST',
      body,
      headers: { ...this.cookieHeader(), ...headers },
      redirect: 'manual',
    });
    this.remember(response);
    return { status: response.status, headers: response.headers, html: await response.text() };
  }

  /** The same browser, its cookies included, on another server (one that shares the cookie secret). */
  at(base: string): Visitor {
    const other = new Visitor(base);
    for (const [k, v] of this.cookies) other.cookies.set(k, v);
    return other;
  }

  /** The cookie header this browser sends (for a hand-made request). */
  get cookie(): string {
    return this.cookieHeader().cookie ?? '';
  }
}

export interface Page {
  status: number;
  headers: Headers;
  html: string;
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&quot;': '"',
  '&lt;': '<',
  '&gt;': '>',
  '&#39;': "'",
};

function decode(value: string): string {
  return value.replace(/&(amp|quot|lt|gt|#39);/g, (e) => ENTITIES[e] ?? e);
}

/** The value of the first input with this name (as a browser would send it). */
export function field(html: string, name: string): string {
  const tag = new RegExp(`<input[^>]*\\bname="${name}"[^>]*>`).exec(html)?.[0];
  if (!tag) throw new Error(`No input named ${name} in the page`);
  return decode(/\bvalue="([^"]*)"/.exec(tag)?.[1] ?? '');
}

/** Every hidden input of the page, in order (what a form of hidden fields sends). */
export function hiddenFields(html: string): [string, string][] {
  return [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/?>/g)].map(
    (m) => [m[1] as string, decode(m[2] as string)] as [string, string],
  );
}

/** The page's text without tags, spaces collapsed: what a person reads. */
export function textOf(html: string): string {
  return decode(html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' '))
    .replace(/[ \t\r\n]+/g, ' ')
    .trim();
}

export interface Author {
  givenName: string;
  surname: string;
  email?: string;
}

export interface FormInput {
  authors: Author[];
  contact?: number;
  phone?: string;
  address?: string;
  axis?: string;
  title?: string;
  consents?: boolean;
  order?: boolean;
  file?: { name: string; bytes: Buffer; type?: string };
  action?: string;
}

/** The submission form as the page would send it: CSRF token first, then the fields, the file last. */
export function submissionForm(page: string, input: FormInput): FormData {
  const form = new FormData();
  form.append('_csrf', field(page, '_csrf'));
  form.append('cle', field(page, 'cle'));
  form.append('brouillon', field(page, 'brouillon'));
  input.authors.forEach((a, i) => {
    form.append(`a${i}-prenom`, a.givenName);
    form.append(`a${i}-nom`, a.surname);
    form.append(`a${i}-courriel`, a.email ?? '');
  });
  if (input.contact !== undefined) form.append('contact', String(input.contact));
  if (input.order) form.append('ordre', 'oui');
  form.append('telephone', input.phone ?? '');
  form.append('adresse', input.address ?? '');
  form.append('axe', input.axis ?? '');
  form.append('titre', input.title ?? '');
  if (input.consents !== false) {
    form.append('accord_mise_en_ligne', 'oui');
    form.append('accord_gracieux', 'oui');
  }
  if (input.file) {
    form.append(
      'fichier',
      new Blob([new Uint8Array(input.file.bytes)], { type: input.file.type ?? '' }),
      input.file.name,
    );
  } else {
    form.append('fichier', new Blob([]), '');
  }
  form.append('action', input.action ?? 'verifier');
  return form;
}

/** The form of hidden fields on a check page, sent with the button `action`. */
export function hiddenForm(page: string, action: string): FormData {
  const form = new FormData();
  for (const [name, value] of hiddenFields(page)) form.append(name, value);
  form.append('action', action);
  return form;
}

const SENTENCE =
  'Les travailleurs sociaux accompagnent des personnes éloignées du numérique, qui découvrent les démarches en ligne avec inquiétude. ';

/** A .docx of plain paragraphs, about `signes` characters long (spaces included). */
export function manuscript(signes: number, title = 'Accompagner à distance'): Promise<Buffer> {
  const paragraphs: string[] = [p(title)];
  let total = title.length;
  while (total < signes) {
    const room = signes - total;
    const text =
      room >= SENTENCE.length * 4 ? SENTENCE.repeat(4).trim() : SENTENCE.slice(0, Math.max(1, room));
    paragraphs.push(p(text));
    total += text.length;
  }
  return makeDocx({ body: paragraphs.join('') });
}

/** The smallest PDF a browser would upload as a manuscript by mistake. */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
