import { z } from 'zod';
import type { Finding } from '../shared/finding.js';
import type { Decision } from '../submission/decision.js';
import type { FieldName } from '../submission/requirements.js';

/**
 * What a letter needs, as plain values. The models are zod schemas because a letter may be queued
 * in the outbox as JSON and rendered later by a worker: the same schema types the code that builds
 * a letter and checks the JSON that comes back out of the queue.
 *
 * Values written by authors (names, file names, titles) are shown as given, cleaned of control
 * characters by the renderers; everything else comes from the call and the domain's checks.
 */

const messageSchema = z.object({ fr: z.string(), en: z.string() });

export const letterFindingSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: messageSchema,
  fix: messageSchema.optional(),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});

/** An instant as ISO 8601 (what the store and JSON give back). */
const instantSchema = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO 8601 instant');

/** The part of the call a letter quotes. Build it with `callFacts(call)`. */
export const callFactsSchema = z.object({
  journal: z.string().min(1),
  issue: z.union([z.number(), z.string()]),
  theme: z.string().min(1),
  /** The deadline in force (extensions applied): a local calendar day, inclusive. */
  deadline: z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), timeZone: z.string().min(1) }),
  minSignes: z.number().int().nonnegative(),
  maxSignes: z.number().int().positive(),
  /** The formats the call accepts, without dots: ["docx", "odt", "doc"]. */
  formats: z.array(z.string().min(1)).min(1),
  /** The contact details the call asks authors for. */
  contactDetails: z
    .object({ phone: z.boolean(), postalAddress: z.boolean() })
    .default({ phone: true, postalAddress: true }),
  /** Where manuscripts are sent by e-mail, when the call has such an address. */
  submissionAddress: z.string().optional(),
});

export const receivedFileSchema = z.object({ name: z.string(), bytes: z.number().int().nonnegative() });

export const manuscriptReportSchema = z.object({
  fileName: z.string(),
  verdict: z.enum(['pass', 'fail', 'unreadable']),
  /** Signes counted (spaces included); null when the file could not be read. */
  signes: z.number().int().nonnegative().nullable(),
  /** The count is an estimate (.doc). */
  approximate: z.boolean().default(false),
  /** As judgeManuscript gives them (errors first). */
  findings: z.array(letterFindingSchema).default([]),
});

export const missingFieldSchema = z.enum([
  'manuscript',
  'contactPerson',
  'contactEmail',
  'phone',
  'postalAddress',
  'consentOnlinePublication',
  'consentFreeOfCharge',
  'signedContract',
]);

const common = {
  lang: z.enum(['fr', 'en']).default('fr'),
  call: callFactsSchema,
  /** Name for the greeting (« Bonjour Marie Dupont, »); a plain « Bonjour, » when absent. */
  greetingName: z.string().optional(),
  /** When the message reached our mailbox (or the upload completed). */
  receivedAt: instantSchema,
  /** Every file received with the message, manuscript or not. */
  files: z.array(receivedFileSchema).default([]),
  /** The author's private link to follow the submission. */
  followUrl: z.string().optional(),
  /** The submission's reference, to quote in any correspondence. */
  reference: z.string().optional(),
};

const judged = {
  manuscripts: z.array(manuscriptReportSchema).default([]),
  /** Findings about the submission rather than a file (deadline, contact details, authors). */
  submissionFindings: z.array(letterFindingSchema).default([]),
  /** What the submission still lacks (from missingFieldsFor): asked for in plain words. */
  missing: z.array(missingFieldSchema).default([]),
};

export const receiptLetterSchema = z.object({ kind: z.literal('receipt'), ...common, ...judged });

export const newVersionLetterSchema = z.object({
  kind: z.literal('new-version'),
  ...common,
  ...judged,
  /** The number of the version just received (2 for the first new version). */
  versionNumber: z.number().int().min(2),
  /** The submission's title as recorded, to say which proposal this version belongs to. */
  title: z.string().optional(),
});

export const noManuscriptLetterSchema = z.object({ kind: z.literal('no-manuscript'), ...common });

export const lateLetterSchema = z.object({ kind: z.literal('late'), ...common });

/**
 * A message over the mailbox's size cap: never read, so its language is not known; the letter says
 * it in French, then in English. Built from the header alone (who sent it, when it arrived).
 */
export const tooLargeLetterSchema = z.object({
  kind: z.literal('too-large'),
  call: callFactsSchema,
  greetingName: z.string().optional(),
  /** When the message reached our mailbox. */
  receivedAt: instantSchema,
  /** The message's size and the most the mailbox takes in, in bytes. */
  size: z.number().int().nonnegative(),
  maxBytes: z.number().int().positive(),
  /** The desk's submission form, when its public address is known. */
  formUrl: z.string().optional(),
});

/**
 * A new file sent by e-mail for a submission whose decision is taken (decisionBehind): nothing was
 * added. French, then English: whatever language they wrote in, the author must understand that
 * this file was not taken, and whom to write to instead.
 */
export const decisionFinalLetterSchema = z.object({
  kind: z.literal('decision-final'),
  call: callFactsSchema,
  greetingName: z.string().optional(),
  /** When the message reached our mailbox. */
  receivedAt: instantSchema,
  /** The submission's title as recorded, to say which proposal the decision is about. */
  title: z.string(),
  /** Who closed it: the editors accepted or declined it, or the author withdrew it. */
  decision: z.enum(['accept', 'decline', 'withdraw']),
  /** The files that came with the message, none of them added. */
  files: z.array(receivedFileSchema).default([]),
  /** The call's coordinators, the people to write to about a decided proposal. */
  coordinators: z.array(z.object({ name: z.string(), email: z.string() })).default([]),
});

/** An invitation to the desk: the one-time link (kept in the outbox only until the letter is sent). */
export const invitationLetterSchema = z.object({
  kind: z.literal('invitation'),
  lang: z.enum(['fr', 'en']).default('fr'),
  call: callFactsSchema,
  greetingName: z.string().optional(),
  /** The display name of the person who sent the invitation. */
  invitedBy: z.string().optional(),
  role: z.enum(['committee', 'coordinator', 'administrator']),
  url: z.string(),
  expiresAt: instantSchema,
});

/**
 * A new private link for a submission, asked for on the desk with the contact person's address.
 * The link is the point of the letter: it is required here.
 */
export const followLinkAgainLetterSchema = z.object({
  kind: z.literal('follow-link-again'),
  ...common,
  followUrl: z.string(),
  /** The submission's title as recorded, to say which proposal the link opens. */
  title: z.string(),
});

/**
 * The one reminder to an incomplete submission's contact person, a week before the deadline in
 * force: what is still missing, and a new private link to complete it.
 */
export const completionReminderLetterSchema = z.object({
  kind: z.literal('completion-reminder'),
  ...common,
  followUrl: z.string(),
  /** The submission's title as recorded, to say which proposal it is. */
  title: z.string(),
  missing: z.array(missingFieldSchema).min(1),
});

/**
 * The editorial committee's decision, recorded on the desk by a coordinator. Written in the call's
 * language. `note` is the committee's own message, quoted as written.
 */
export const decisionLetterSchema = z.object({
  kind: z.literal('decision'),
  lang: z.enum(['fr', 'en']).default('fr'),
  call: callFactsSchema,
  greetingName: z.string().optional(),
  title: z.string(),
  decision: z.enum(['accept', 'decline', 'request_revisions']),
  note: z.string().optional(),
  /** The readers' words for the author (blind review), quoted one by one, without their names. */
  readerComments: z.array(z.string()).default([]),
  /** The readers' annotated files (copies without their names) put on the author's page. */
  readerFiles: z.number().int().min(0).max(1000).default(0),
  /** The page that sends a lost private link again (/suivi): an address without a secret. */
  linkRequestUrl: z.string().optional(),
});

/**
 * A request to read a submission for the committee (blind review), to the reader's address. It
 * carries the reader's private link and nothing that names the authors.
 */
export const reviewRequestLetterSchema = z.object({
  kind: z.literal('review-request'),
  lang: z.enum(['fr', 'en']).default('fr'),
  call: callFactsSchema,
  /** The reader's name, for the greeting. */
  greetingName: z.string().optional(),
  /** The submission's short reference (never its title: a title may name its author). */
  reference: z.string().min(1),
  /** The line of inquiry's title, when the submission has one. */
  axis: z.string().optional(),
  signes: z.number().int().nonnegative().optional(),
  /** YYYY-MM-DD: the day the opinion is wished for. */
  dueOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  /** The coordinator's message to the reader, quoted as written. */
  note: z.string().optional(),
  /** Who asks (the coordinator's name). */
  askedBy: z.string().optional(),
  reviewUrl: z.string(),
  /** A reminder: the day of the first request (YYYY-MM-DD, Paris); its link no longer works. */
  remindsOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});

/** To the coordinator who asked for a review: the reader answered (an opinion, or « I cannot »). */
export const reviewAnsweredLetterSchema = z.object({
  kind: z.literal('review-answered'),
  lang: z.enum(['fr', 'en']).default('fr'),
  call: callFactsSchema,
  greetingName: z.string().optional(),
  reference: z.string().min(1),
  readerName: z.string(),
  /** An opinion given, a request declined, or an annotated text sent after the opinion. */
  outcome: z.enum(['submitted', 'declined', 'file-added']),
  /** The submission's page on the desk (sign-in needed). */
  deskUrl: z.string(),
});

/**
 * To a reader who answered the review request by e-mail (a reply, not the link): what became of
 * the files attached, and that the opinion itself is given through the link.
 */
export const readerReplyLetterSchema = z.object({
  kind: z.literal('reader-reply'),
  lang: z.enum(['fr', 'en']).default('fr'),
  call: callFactsSchema,
  greetingName: z.string().optional(),
  reference: z.string().min(1),
  /** The files kept with the review (their names as sent). */
  kept: z.array(z.string()).max(50).default([]),
  /** The files not kept, each with the reason in the letter's language. */
  refused: z
    .array(z.object({ name: z.string(), reason: z.string() }))
    .max(50)
    .default([]),
  /** The review is closed (a decision, a new version, cancelled): nothing was kept. */
  closed: z.boolean().default(false),
  /** The call's coordinators: whom to ask for a lost link. */
  coordinators: z.array(z.object({ name: z.string(), email: z.string() })).default([]),
});

/**
 * The publishing contract is ready, to the contact person: it carries a new private link, where
 * the contract is downloaded and the signed copy sent back.
 */
export const contractSentLetterSchema = z.object({
  kind: z.literal('contract-sent'),
  lang: z.enum(['fr', 'en']).default('fr'),
  call: callFactsSchema,
  greetingName: z.string().optional(),
  title: z.string(),
  followUrl: z.string(),
});

/** To the coordinator who sent the contract: the author sent a signed copy back. */
export const contractReturnedLetterSchema = z.object({
  kind: z.literal('contract-returned'),
  lang: z.enum(['fr', 'en']).default('fr'),
  call: callFactsSchema,
  greetingName: z.string().optional(),
  reference: z.string().min(1),
  /** The submission's page on the desk (sign-in needed). */
  deskUrl: z.string(),
});

export const letterSchema = z.discriminatedUnion('kind', [
  receiptLetterSchema,
  newVersionLetterSchema,
  noManuscriptLetterSchema,
  lateLetterSchema,
  invitationLetterSchema,
  tooLargeLetterSchema,
  decisionFinalLetterSchema,
  followLinkAgainLetterSchema,
  completionReminderLetterSchema,
  decisionLetterSchema,
  reviewRequestLetterSchema,
  reviewAnsweredLetterSchema,
  readerReplyLetterSchema,
  contractSentLetterSchema,
  contractReturnedLetterSchema,
]);

/** Inputs: defaults (lang, empty lists) may be left out. */
export type LetterInput = z.input<typeof letterSchema>;
export type Letter = z.output<typeof letterSchema>;
export type ReceiptLetter = z.output<typeof receiptLetterSchema>;
export type NewVersionLetter = z.output<typeof newVersionLetterSchema>;
export type NoManuscriptLetter = z.output<typeof noManuscriptLetterSchema>;
export type LateLetter = z.output<typeof lateLetterSchema>;
export type InvitationLetter = z.output<typeof invitationLetterSchema>;
export type TooLargeLetter = z.output<typeof tooLargeLetterSchema>;
export type DecisionFinalLetter = z.output<typeof decisionFinalLetterSchema>;
export type FollowLinkAgainLetter = z.output<typeof followLinkAgainLetterSchema>;
export type CompletionReminderLetter = z.output<typeof completionReminderLetterSchema>;
export type DecisionLetter = z.output<typeof decisionLetterSchema>;
export type ReviewRequestLetter = z.output<typeof reviewRequestLetterSchema>;
export type ReviewAnsweredLetter = z.output<typeof reviewAnsweredLetterSchema>;
export type ReaderReplyLetter = z.output<typeof readerReplyLetterSchema>;
export type ContractSentLetter = z.output<typeof contractSentLetterSchema>;
export type ContractReturnedLetter = z.output<typeof contractReturnedLetterSchema>;
export type CallFacts = z.output<typeof callFactsSchema>;
export type ReceivedFile = z.output<typeof receivedFileSchema>;
export type ManuscriptReport = z.output<typeof manuscriptReportSchema>;
export type LetterFinding = z.output<typeof letterFindingSchema>;
export type MissingField = z.output<typeof missingFieldSchema>;

/** The rendered letter: text is the reference, html says the same thing. */
export interface RenderedLetter {
  subject: string;
  text: string;
  html: string;
}

// The models must take the domain's own values as they are: a drift is a compile error here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const missingMatchesFieldNames: Same<MissingField, FieldName> = true;
const findingsFit: Finding extends LetterFinding ? true : false = true;
const decisionsMatch: Same<DecisionFinalLetter['decision'], Decision> = true;
void missingMatchesFieldNames;
void findingsFit;
void decisionsMatch;
