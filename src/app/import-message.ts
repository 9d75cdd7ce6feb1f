import { createHash } from 'node:crypto';
import type { PostcodeDirectory } from '../domain/call/rules/postcodes.js';
import type { Call } from '../domain/call/schema.js';
import { detectAutomatic } from '../domain/intake/automatic.js';
import { splitBody } from '../domain/intake/body.js';
import { extractContact } from '../domain/intake/extract-contact.js';
import type { IncomingMessage } from '../domain/intake/message.js';
import { mayReply, type ReplyKind, replyWindowStart } from '../domain/intake/rate-limit.js';
import { matchThread, type ThreadCandidate } from '../domain/intake/thread.js';
import { callFacts } from '../domain/letters/call-facts.js';
import { isAppError } from '../domain/shared/errors.js';
import { finding } from '../domain/shared/finding.js';
import type { Lang } from '../domain/shared/message.js';
import type { Author } from '../domain/submission/author.js';
import type { AccountStore } from '../ports/accounts.js';
import type { ManuscriptAnonymiser } from '../ports/anonymiser.js';
import type { Clock } from '../ports/clock.js';
import type { FileStore } from '../ports/file-store.js';
import type { RawMail } from '../ports/mail-source.js';
import type { ManuscriptReader } from '../ports/manuscript-reader.js';
import type {
  MessageOutcome,
  NewMessageEntry,
  TransactionStores,
  UnitOfWork,
} from '../ports/message-ledger.js';
import type { Outbox } from '../ports/outbox.js';
import { addManuscriptVersion } from './add-manuscript-version.js';
import { newFollowLink } from './follow-link.js';
import { decidedSubmission, refuseVersionAfterDecision } from './import-after-decision.js';
import { findReaderReply, importReaderReply } from './import-reader-reply.js';
import type { MessageOutcomeKind } from './import-summary.js';
import { type LetterEnvelope, letterJob } from './process-outbox.js';
import { submitManuscript } from './submit-manuscript.js';

export interface ImportDeps {
  uow: UnitOfWork;
  files: FileStore;
  read: ManuscriptReader;
  parse: (raw: RawMail) => Promise<IncomingMessage>;
  clock: Clock;
  call: Call;
  callId: string;
  /** Our own sending addresses: a message from one of them is a receipt coming back. */
  ownAddresses: readonly string[];
  /** Our letters as sent: a reply to a review request is known by the letter it answers. */
  sentLetters: Pick<Outbox, 'get'>;
  /** Copies of a reader's annotated file without their name, when they reply with it. */
  anonymise: ManuscriptAnonymiser;
  postcodes?: PostcodeDirectory;
  /**
   * The desk's public address (APPEL_PUBLIC_URL). When set, the receipt of a new submission gives
   * the author's private link on it, as the web form does; without it there is no address to give.
   */
  publicUrl?: string;
  /** The desk's accounts: a reader's late annotated text is told to who asked (see tellsAboutFile). */
  accounts?: Pick<AccountStore, 'findById'>;
}

// Inline pictures (logos in signatures) are not manuscripts; every other attachment may be one.
const isCandidate = (a: IncomingMessage['attachments'][number]) =>
  !(a.kind === 'image' && a.disposition === 'inline');

/**
 * Use case: one message from a mailbox. The raw bytes are stored first (so a re-run can derive
 * everything again), then the message is judged and its effects (submission or new version,
 * ledger entry, letter) are committed in one transaction. A message already in the ledger is a
 * duplicate, whatever path it came by. Returns what happened, for the summary.
 */
export async function importMessage(raw: RawMail, deps: ImportDeps): Promise<MessageOutcomeKind> {
  await deps.files.put(raw.bytes);
  if (await isKnown(raw, deps)) return 'duplicate';
  const message = await deps.parse(raw);
  const entry = ledgerEntry(raw, message, deps);
  const automatic = detectAutomatic(message, { ownAddresses: deps.ownAddresses });
  if (automatic.kind !== 'person') {
    await deps.uow.run((s) =>
      s.messages.record({ ...entry, outcome: 'automatic', submissionId: null, replied: false }),
    );
    return 'ignored';
  }
  // A receipt for what the message records, a capped notice for what it does not (rate-limit.ts).
  const reply = (kind: ReplyKind) => replyEnvelope(message, entry, automatic.answer, deps, kind);
  const attachments = message.attachments.filter(isCandidate);
  // A reader writing back to a review request, with their annotated text or not: never a submission.
  const review = await findReaderReply(message, deps);
  if (review) {
    const files = attachments.map((a) => ({ name: a.filename, bytes: a.bytes }));
    // Files kept are receipted as any file is; a message without one gets a capped notice.
    const kind = files.length > 0 ? 'receipt' : 'notice';
    return importReaderReply({ message, entry, review, files, reply: await reply(kind) }, deps);
  }
  const match = await findThread(
    message,
    entry,
    attachments.map((a) => a.sha256),
    deps,
  );
  if (attachments.length === 0) {
    if (match.kind === 'follow-up') {
      // A reply in a submission's thread without a file (the details the receipt asked for, a
      // question): kept with its submission, for the coordinators; never answered « no manuscript
      // found » — we have the manuscript.
      await deps.uow.run((s) =>
        s.messages.record({
          ...entry,
          outcome: 'no-manuscript',
          submissionId: match.submissionId,
          replied: false,
        }),
      );
      return 'ignored';
    }
    await recordWithoutManuscript(message, entry, await reply('notice'), deps);
    return 'ignored';
  }
  const files = attachments.map((a) => ({ name: a.filename, bytes: a.bytes }));
  if (match.kind === 'same-file') {
    await deps.uow.run((s) =>
      s.messages.record({
        ...entry,
        outcome: 'duplicate-file',
        submissionId: match.submissionId,
        replied: false,
      }),
    );
    return 'duplicate';
  }
  const lang: Lang = message.language ?? 'fr';
  if (match.kind === 'follow-up' && match.newFile) {
    try {
      await addManuscriptVersion(
        {
          submissionId: match.submissionId,
          call: deps.call,
          files,
          receivedAt: entry.receivedAt,
          reply: await reply('receipt'),
          lang,
          channel: 'email',
          message: entry,
        },
        deps,
      );
      return 'version';
    } catch (e) {
      // After a decision the text is closed, as on the author's private link: the use case
      // decided so in its own transaction (new-version.ts), and nothing was added. The message is
      // not a failure: it is recorded and answered with the refusal letter.
      if (!isAppError(e) || e.code !== 'SUBMISSION_DECIDED') throw e;
      const closed = await decidedSubmission(match.submissionId, deps);
      if (!closed) throw e;
      return refuseVersionAfterDecision(
        { message, entry, closed, files, reply: await reply('notice') },
        deps,
      );
    }
  }
  const receipt = await reply('receipt');
  const { own, signature } = splitBody(message.text);
  const contact = extractContact(own, signature, {
    ...(message.from ? { sender: message.from } : {}),
    ...(deps.postcodes ? { postcodes: deps.postcodes } : {}),
    required: deps.call.contactDetails,
  });
  const result = await submitManuscript(
    {
      callId: deps.callId,
      call: deps.call,
      channel: 'email',
      idempotencyKey: `mail:${raw.sha256}`,
      receivedAt: entry.receivedAt,
      title: message.subject,
      authors: withContactDetails(contact),
      ...(contact.phone ? { phone: contact.phone } : {}),
      ...(contact.postalAddress ? { postalAddress: contact.postalAddress } : {}),
      // The call says that sending a manuscript implies both consents.
      consents: { onlinePublication: true, freeOfCharge: true },
      files,
      intakeFindings: [...contact.findings, receivedAtFinding(message, entry.receivedAt)],
      reply: receipt,
      lang,
      message: entry,
      // Only the receipt carries the token (the store keeps its hash): without a receipt to give
      // it, a link would open for nobody. A new version by e-mail keeps the first link.
      ...(receipt && deps.publicUrl ? { follow: newFollowLink(deps.publicUrl) } : {}),
    },
    deps,
  );
  return result.duplicate ? 'duplicate' : 'submission';
}

/**
 * The phone and address found in a message are its sender's (their own words and signature): they
 * are recorded on that author, or on the contact when the sender is not among the authors listed.
 * Without this they were checked, then lost: the submission could be complete with no number kept.
 */
function withContactDetails(contact: ReturnType<typeof extractContact>): Author[] {
  const holder =
    contact.authors.find((a) => a.isSender) ??
    contact.authors.find((a) => a.isContact) ??
    (contact.authors.length === 1 ? contact.authors[0] : undefined);
  return contact.authors.map(({ isSender: _sender, ...a }, i) =>
    contact.authors[i] === holder
      ? {
          ...a,
          ...(contact.phone ? { phone: contact.phone } : {}),
          ...(contact.postalAddress ? { postalAddress: contact.postalAddress } : {}),
        }
      : a,
  );
}

export async function isKnown(raw: RawMail, deps: ImportDeps): Promise<boolean> {
  return deps.uow.run(async (s) => {
    if (await s.messages.findBySha256(raw.sha256)) return true;
    const { mailbox, uidValidity, uid } = raw.source;
    if (mailbox !== undefined && uidValidity !== undefined && uid !== undefined) {
      return (await s.messages.findByImapUid(mailbox, uidValidity, uid)) !== null;
    }
    return false;
  });
}

export type Entry = Omit<NewMessageEntry, 'outcome' | 'submissionId' | 'replied'>;

export function ledgerEntry(raw: RawMail, message: IncomingMessage, deps: ImportDeps): Entry {
  return {
    sha256: raw.sha256,
    callId: deps.callId,
    source: raw.source,
    messageId: message.messageId ?? null,
    senderKey: message.from ? senderKey(message.from.address) : null,
    // The deadline is judged on when the message reached the mailbox, never on the sender's Date.
    receivedAt: message.receivedAt ?? raw.receivedAt ?? message.dateHeader ?? deps.clock.now(),
  };
}

export function senderKey(address: string): string {
  return createHash('sha256').update(address.trim().toLowerCase()).digest('hex');
}

/**
 * RFC 3834: answer people only, never when DMARC failed; a receipt for every message that records
 * something, a notice (a letter that records nothing) only while the sender's day allows it. A
 * caller that does not say which is sending a notice: the capped kind is the safe default.
 */
export async function replyEnvelope(
  message: IncomingMessage,
  entry: Entry,
  answerable: boolean,
  deps: ImportDeps,
  kind: ReplyKind = 'notice',
): Promise<LetterEnvelope | null> {
  const to = message.replyTo[0] ?? message.from;
  const key = entry.senderKey;
  if (!answerable || !to || message.dmarc === 'fail' || key === null) return null;
  if (kind === 'notice') {
    const since = replyWindowStart(deps.clock.now());
    const sent = await deps.uow.run((s) => s.messages.countRepliesSince(key, since));
    if (!mayReply(kind, sent)) return null;
  }
  const envelope: LetterEnvelope = { to: { address: to.address, ...(to.name ? { name: to.name } : {}) } };
  if (message.messageId) {
    envelope.inReplyTo = message.messageId;
    envelope.references = [...message.references, message.messageId];
  }
  return envelope;
}

async function recordWithoutManuscript(
  message: IncomingMessage,
  entry: Entry,
  reply: LetterEnvelope | null,
  deps: ImportDeps,
): Promise<void> {
  await deps.uow.run(async (s: TransactionStores) => {
    if (reply) {
      const letter = {
        kind: 'no-manuscript' as const,
        lang: message.language ?? 'fr',
        call: callFacts(deps.call),
        receivedAt: entry.receivedAt.toISOString(),
      };
      await s.outbox.enqueue(letterJob(reply, letter, `no-manuscript:${entry.sha256}`));
    }
    const outcome: MessageOutcome = 'no-manuscript';
    await s.messages.record({ ...entry, outcome, submissionId: null, replied: reply !== null });
  });
}

/** Earlier submissions this message may belong to: by Message-ID, then by sender. */
async function findThread(message: IncomingMessage, entry: Entry, hashes: string[], deps: ImportDeps) {
  const ids = [message.inReplyTo, ...[...message.references].reverse()].filter((x): x is string => !!x);
  const candidates = await deps.uow.run(async (s) => {
    const byId = ids.length > 0 ? await s.messages.findSubmissionByMessageIds(deps.callId, ids) : null;
    const bySender = entry.senderKey
      ? await s.messages.findSubmissionsBySender(deps.callId, entry.senderKey)
      : [];
    const found: ThreadCandidate[] = [];
    for (const id of new Set([...(byId ? [byId] : []), ...bySender])) {
      const record = await s.submissions.findById(id);
      if (!record) continue;
      found.push({
        submissionId: id,
        callId: record.callId,
        messageIds: id === byId ? ids : [],
        senders: [
          ...(bySender.includes(id) && message.from ? [message.from.address] : []),
          ...record.authors.flatMap((a) => (a.email ? [a.email] : [])),
        ],
        titles: [record.title],
        fileHashes: record.versions.map((v) => v.fileSha256),
      });
    }
    return found;
  });
  return matchThread(
    {
      ...(message.from ? { sender: message.from.address } : {}),
      callId: deps.callId,
      ...(message.inReplyTo ? { inReplyTo: message.inReplyTo } : {}),
      references: message.references,
      titles: [message.subject],
      fileHashes: hashes,
    },
    candidates,
  );
}

function receivedAtFinding(message: IncomingMessage, at: Date) {
  const source = message.receivedAt ? (message.receivedAtSource ?? 'received-header') : 'date-header';
  const how = {
    'received-header': {
      fr: 'l’arrivée sur le serveur de la revue (en-tête Received)',
      en: 'its arrival on the journal’s server (Received header)',
    },
    'imap-internal-date': {
      fr: 'l’arrivée dans la boîte aux lettres (date IMAP)',
      en: 'its arrival in the mailbox (IMAP date)',
    },
    'file-time': { fr: 'la date du fichier du message', en: 'the message file’s date' },
    'date-header': { fr: 'la date indiquée par l’expéditeur', en: 'the date given by the sender' },
  }[source];
  return finding(
    'intake.received_at',
    'info',
    { fr: `Date de réception retenue : ${how.fr}.`, en: `Time of receipt used: ${how.en}.` },
    undefined,
    { source, at: at.toISOString() },
  );
}
