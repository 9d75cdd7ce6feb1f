import type { Header } from 'postal-mime';
import type { AutomationHeaders, DmarcResult } from '../../domain/intake/message.js';
import { stripUnsafe } from './escape.js';

/**
 * Facts read from the top-level headers as written, before anyone's interpretation: when the
 * message reached us, how it was sent (by a person or a program), what our server said of it.
 */

function first(headers: readonly Header[], key: string): string | undefined {
  return headers.find((h) => h.key === key)?.value;
}

/** A header value fit to keep: one line, no control characters, capped. */
function clean(value: string | undefined, max = 300): string | undefined {
  return value === undefined ? undefined : stripUnsafe(value, max);
}

/** A date as the mail headers write it (RFC 5322), or undefined when it does not read as one. */
export function parseMailDate(text: string | undefined): Date | undefined {
  if (!text) return undefined;
  const withoutComments = text.replace(/\([^()]*\)/g, ' ').trim();
  const at = new Date(withoutComments);
  const year = at.getUTCFullYear();
  // Far-off years are typos or tricks; neither can stand for the time a message arrived.
  return Number.isNaN(at.getTime()) || year < 1990 || year > 2200 ? undefined : at;
}

/**
 * The date in the topmost Received header: the last hop, written by the server that put the
 * message in our mailbox. Headers below it were written by servers on the sender's side, or by
 * the sender, and prove nothing.
 */
export function topReceivedDate(headers: readonly Header[]): Date | undefined {
  const received = first(headers, 'received');
  if (!received) return undefined;
  const semicolon = received.lastIndexOf(';');
  return semicolon === -1 ? undefined : parseMailDate(received.slice(semicolon + 1));
}

export function automationHeaders(headers: readonly Header[]): AutomationHeaders {
  const listHeaders = [...new Set(headers.filter((h) => h.key.startsWith('list-')).map((h) => h.key))];
  const returnPath = first(headers, 'return-path');
  const contentType = first(headers, 'content-type');
  const facts: AutomationHeaders = {
    listHeaders: listHeaders.slice(0, 20),
    returnPathEmpty: returnPath !== undefined && /^\s*<\s*>\s*$/.test(returnPath),
  };
  const add = (key: keyof AutomationHeaders, header: string) => {
    const value = clean(first(headers, header));
    if (value !== undefined) (facts as unknown as Record<string, string>)[key] = value;
  };
  add('autoSubmitted', 'auto-submitted');
  add('precedence', 'precedence');
  add('xAutoreply', 'x-autoreply');
  add('xAutoResponseSuppress', 'x-auto-response-suppress');
  add('appelReceipt', 'x-appel-receipt');
  add('returnPath', 'return-path');
  if (contentType) facts.contentType = (contentType.split(';')[0] ?? '').trim().toLowerCase().slice(0, 100);
  return facts;
}

const DMARC_RESULTS = new Set<DmarcResult>(['pass', 'fail', 'none', 'temperror', 'permerror']);

/**
 * The DMARC verdict of our own server: the topmost Authentication-Results header, or the first
 * one from `authservId` when given (a sender can add any Authentication-Results it likes below).
 */
export function dmarcResult(headers: readonly Header[], authservId?: string): DmarcResult {
  const all = headers.filter((h) => h.key === 'authentication-results').map((h) => h.value);
  const ours = authservId
    ? all.find(
        (v) => (v.split(';')[0] ?? '').trim().split(/\s+/)[0]?.toLowerCase() === authservId.toLowerCase(),
      )
    : all[0];
  const match = ours?.match(/(?:^|[;\s])dmarc\s*=\s*([a-z]+)/i);
  const result = match?.[1]?.toLowerCase() as DmarcResult | undefined;
  return result && DMARC_RESULTS.has(result) ? result : 'unknown';
}

/** Message identifiers (<…>) in a header value, at most `max`, the last ones kept. */
export function messageIds(value: string | undefined, max = 100): string[] {
  if (!value) return [];
  const ids = [...value.matchAll(/<([^<>\s]{1,250})>/g)].map((m) => `<${m[1]}>`);
  return ids.slice(-max);
}
