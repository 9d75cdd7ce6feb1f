import { checkSubmission, type SubmissionFacts } from '../domain/call/check-submission.js';
import { receiptDecision } from '../domain/call/deadline.js';
import type { PostcodeDirectory } from '../domain/call/rules/postcodes.js';
import type { Call } from '../domain/call/schema.js';
import { callFacts } from '../domain/letters/call-facts.js';
import type { LetterInput } from '../domain/letters/model.js';
import type { Finding } from '../domain/shared/finding.js';
import type { Lang } from '../domain/shared/message.js';
import type { Author } from '../domain/submission/author.js';
import { decideIntake } from '../domain/submission/intake.js';
import type { StatusFacts } from '../domain/submission/requirements.js';
import type { FileStore } from '../ports/file-store.js';
import type { ManuscriptReader } from '../ports/manuscript-reader.js';
import type { NewMessageEntry, UnitOfWork } from '../ports/message-ledger.js';
import type { Channel, SubmissionRecord } from '../ports/submission-store.js';
import type { Analysis } from './analysis.js';
import { byteSizeOf, type IncomingFile, manuscriptLine, storeAndJudge } from './judge-file.js';
import { type LetterEnvelope, letterJob } from './process-outbox.js';

/** A new submission as any channel (e-mail, web form, command line) hands it over. */
export interface SubmissionIntake {
  callId: string;
  call: Call;
  channel: Channel;
  /** Same key twice = the same sending (Message-ID + raw hash, upload token): never two records. */
  idempotencyKey: string;
  receivedAt: Date;
  title?: string;
  axis?: string;
  authors: Author[];
  orderRequested?: boolean;
  phone?: string;
  postalAddress?: string;
  consents?: SubmissionFacts['consents'];
  /**
   * Every file received; the first one that reads as a manuscript becomes version 1. A web upload
   * comes already stored and analysed (at its check): it is not read again.
   */
  files: IncomingFile[];
  /** What intake itself noticed (contact details not found in the message …). */
  intakeFindings?: Finding[];
  /** Where the receipt goes; null when no automatic reply may be sent (RFC 3834, rate limit). */
  reply: LetterEnvelope | null;
  lang: Lang;
  /** The ledger entry of the message that carried it, committed with the submission. */
  message?: Omit<NewMessageEntry, 'outcome' | 'submissionId' | 'replied'>;
  /**
   * The author's private link, created in the same transaction (only the token's SHA-256 is
   * stored) and given in the receipt.
   */
  follow?: { tokenHash: string; url: string };
}

// Intake's own findings say how to send a missing detail by e-mail; the rule's would repeat them.
const SUPERSEDES: Record<string, string> = {
  'intake.phone_not_found': 'contact.phone_missing',
  'intake.address_not_found': 'contact.address_missing',
};

export interface SubmitDeps {
  uow: UnitOfWork;
  files: FileStore;
  read: ManuscriptReader;
  postcodes?: PostcodeDirectory;
}

export interface SubmitResult {
  record: SubmissionRecord;
  /** True when this sending was already recorded: nothing new was written. */
  duplicate: boolean;
}

/**
 * Use case: records a new submission. The files are stored (fsynced) first, then the submission,
 * its version, findings, audit event, ledger entry and receipt are committed in ONE transaction:
 * a receipt is never queued for something not recorded, and a recorded submission always has one.
 */
export async function submitManuscript(intake: SubmissionIntake, deps: SubmitDeps): Promise<SubmitResult> {
  const known = await deps.uow.run((s) =>
    s.submissions.findByIdempotencyKey(intake.callId, intake.idempotencyKey),
  );
  if (known) return { record: known, duplicate: true };

  const judged = await storeAndJudge(intake.files, intake.receivedAt, intake.call, deps);
  const { analysis, file, version } = judged;
  const facts = submissionFacts(intake, analysis);
  const checked = checkSubmission(intake.call, facts, deps.postcodes ? { postcodes: deps.postcodes } : {});
  const intakeFindings = intake.intakeFindings ?? [];
  const superseded = new Set(intakeFindings.flatMap((f) => SUPERSEDES[f.code] ?? []));
  const submissionFindings = [...intakeFindings, ...checked.findings.filter((f) => !superseded.has(f.code))];
  const late = receiptDecision(intake.call.deadline, intake.receivedAt.getTime()).late;
  const decision = decideIntake(intake.call, statusFacts(intake, analysis), late);

  const letter: LetterInput = {
    kind: 'receipt',
    lang: intake.lang,
    call: callFacts(intake.call),
    receivedAt: intake.receivedAt.toISOString(),
    files: intake.files.map((f) => ({ name: f.name, bytes: byteSizeOf(f) })),
    manuscripts: [manuscriptLine(judged)],
    submissionFindings: submissionFindings.filter((f) => !checked.notChecked.includes(f.code)),
    missing: decision.missing,
  };
  if (intake.follow) letter.followUrl = intake.follow.url;
  const greeting = intake.authors.find((a) => a.isContact) ?? intake.authors[0];
  if (greeting) letter.greetingName = `${greeting.givenName} ${greeting.surname}`.trim();

  const record = await deps.uow.run(async (s) => {
    const created = await s.submissions.recordSubmission({
      callId: intake.callId,
      title: intake.title?.trim() || analysis.manuscript?.facts.core.title || file.name,
      channel: intake.channel,
      axis: intake.axis ?? null,
      receivedAt: intake.receivedAt,
      idempotencyKey: intake.idempotencyKey,
      late: decision.late,
      status: decision.status,
      authors: intake.authors.map((a) => ({ ...a, requestedOrder: intake.orderRequested ?? false })),
      version,
      findings: submissionFindings,
      event: {
        actor: { kind: 'system' },
        channel: intake.channel,
        action: 'submission.received',
        detail: {
          verdict: judged.verdict,
          status: decision.status,
          late: decision.late,
          ...consentFlags(intake),
        },
      },
      outbox: intake.reply
        ? [letterJob(intake.reply, letter, `receipt:${intake.callId}:${intake.idempotencyKey}`)]
        : [],
    });
    if (intake.follow) {
      await s.authorLinks.create({ tokenHash: intake.follow.tokenHash, submissionId: created.id });
    }
    if (intake.message) {
      await s.messages.record({
        ...intake.message,
        outcome: 'submission',
        submissionId: created.id,
        replied: intake.reply !== null,
      });
    }
    return created;
  });
  return { record, duplicate: false };
}

/** The consents as given, kept in the audit event: the record of what the author agreed to. */
function consentFlags(intake: SubmissionIntake): Record<string, boolean> {
  const c = intake.consents;
  if (!c) return {};
  return {
    ...(c.onlinePublication !== undefined ? { consentOnlinePublication: c.onlinePublication } : {}),
    ...(c.freeOfCharge !== undefined ? { consentFreeOfCharge: c.freeOfCharge } : {}),
  };
}

function submissionFacts(intake: SubmissionIntake, analysis: Analysis): SubmissionFacts {
  const facts: SubmissionFacts = { receivedAt: intake.receivedAt };
  if (intake.authors.length > 0) facts.authors = intake.authors;
  if (intake.orderRequested) facts.orderRequested = true;
  if (intake.phone) facts.phone = intake.phone;
  if (intake.postalAddress) facts.postalAddress = intake.postalAddress;
  if (intake.consents) facts.consents = intake.consents;
  const m = analysis.manuscript;
  if (m) {
    facts.document = { text: m.paragraphs.map((p) => p.text).join('\n') };
    if (m.facts.core.creator) facts.document.creator = m.facts.core.creator;
    if (m.facts.core.lastModifiedBy) facts.document.lastModifiedBy = m.facts.core.lastModifiedBy;
  }
  return facts;
}

function statusFacts(intake: SubmissionIntake, analysis: Analysis): StatusFacts {
  const contacts = intake.authors.filter((a) => a.isContact);
  const contact = contacts[0] ?? (intake.authors.length === 1 ? intake.authors[0] : undefined);
  const facts: StatusFacts = {
    manuscript: analysis.manuscript !== null,
    contactPerson: contacts.length === 1 || intake.authors.length === 1,
  };
  const email = contact?.email ?? intake.reply?.to.address;
  if (email) facts.contactEmail = email;
  const phone = intake.phone ?? contact?.phone;
  if (phone) facts.phone = phone;
  const address = intake.postalAddress ?? contact?.postalAddress;
  if (address) facts.postalAddress = address;
  if (intake.consents) facts.consents = intake.consents;
  return facts;
}
