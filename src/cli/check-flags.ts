import type { SubmissionFacts } from '../domain/call/check-submission.js';
import { instantOf } from '../domain/call/time-zone.js';
import { AppError } from '../domain/shared/errors.js';
import type { Author } from '../domain/submission/author.js';

export interface SubmissionFlags {
  author?: string[];
  phone?: string;
  address?: string;
  receivedAt?: string;
  orderRequested?: boolean;
}

/**
 * "Camille Martin <camille@example.org>" or "Martin, Camille": the first word is the given name
 * unless a comma says otherwise, so « Anne de La Fontaine » keeps her particle in the surname.
 */
export function parseAuthor(text: string, isContact: boolean): Author {
  const email = /<([^<>\s]+@[^<>\s]+)>/.exec(text)?.[1];
  const name = text.replace(/<[^>]*>/, '').trim();
  const comma = name.indexOf(',');
  const [givenName, surname] =
    comma >= 0
      ? [name.slice(comma + 1).trim(), name.slice(0, comma).trim()]
      : [name.split(/\s+/)[0] ?? '', name.split(/\s+/).slice(1).join(' ')];
  if (!givenName && !surname) throw new AppError('USAGE', { detail: `--author "${text}"` });
  return { givenName, surname, isContact, ...(email ? { email } : {}) };
}

/** A date-time with a zone is taken as is; without one, as wall-clock time in the call's zone. */
export function parseReceivedAt(text: string, timeZone: string): Date {
  const local = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (local) {
    const [, y, mo, d, h, mi, s] = local.map(Number) as number[];
    return new Date(
      instantOf({ year: y!, month: mo!, day: d!, hour: h || 0, minute: mi || 0, second: s || 0 }, timeZone),
    );
  }
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new AppError('USAGE', { detail: `--received-at "${text}"` });
  return date;
}

/** The submission details given on the command line; the first author is the contact person. */
export function submissionFacts(flags: SubmissionFlags, timeZone: string): Omit<SubmissionFacts, 'document'> {
  const facts: Omit<SubmissionFacts, 'document'> = {};
  if (flags.author && flags.author.length > 0)
    facts.authors = flags.author.map((a, i) => parseAuthor(a, i === 0));
  if (flags.phone !== undefined) facts.phone = flags.phone;
  if (flags.address !== undefined) facts.postalAddress = flags.address;
  if (flags.receivedAt !== undefined) facts.receivedAt = parseReceivedAt(flags.receivedAt, timeZone);
  if (flags.orderRequested) facts.orderRequested = true;
  return facts;
}
