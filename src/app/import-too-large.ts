import { detectAutomatic } from '../domain/intake/automatic.js';
import { callFacts } from '../domain/letters/call-facts.js';
import type { LetterInput } from '../domain/letters/model.js';
import type { TooLargeMail } from '../ports/mail-source.js';
import { type ImportDeps, isKnown, ledgerEntry, replyEnvelope } from './import-message.js';
import type { MessageOutcomeKind } from './import-summary.js';
import { letterJob } from './process-outbox.js';

// The desk's submission form (adapters/http/routes/author-submit.ts), on its public address.
const FORM_PATH = '/deposer';

/**
 * Use case: a message over the size cap, known by its header alone. It is recorded once in the
 * ledger (by its IMAP identity, and the SHA-256 of that header), and its sender gets one letter,
 * queued in the same transaction: what happened, and how to send the text so that it arrives.
 * After the commit the source flags it, so the next poll does not fetch it again; a crash before
 * the flag finds it in the ledger (a duplicate: no second letter), and a crash before the letter
 * went leaves it in the outbox, which sends it. Never a submission: nothing of it was read.
 */
export async function importTooLarge(item: TooLargeMail, deps: ImportDeps): Promise<MessageOutcomeKind> {
  const raw = item.message;
  if (await isKnown(raw, deps)) return 'duplicate';
  const message = await deps.parse(raw);
  const entry = ledgerEntry(raw, message, deps);
  // The same RFC 3834 rules as any message: never answer a robot or a DMARC failure; this letter
  // records nothing, so it is a notice, capped per sender in any 24 hours (rate-limit.ts).
  const automatic = detectAutomatic(message, { ownAddresses: deps.ownAddresses });
  const reply =
    automatic.kind === 'person' ? await replyEnvelope(message, entry, automatic.answer, deps) : null;
  const letter: LetterInput = {
    kind: 'too-large',
    call: callFacts(deps.call),
    receivedAt: entry.receivedAt.toISOString(),
    size: item.size,
    maxBytes: item.max,
  };
  if (message.from?.name) letter.greetingName = message.from.name;
  if (deps.publicUrl) letter.formUrl = `${deps.publicUrl.replace(/\/+$/, '')}${FORM_PATH}`;
  await deps.uow.run(async (s) => {
    if (reply) await s.outbox.enqueue(letterJob(reply, letter, `too-large:${entry.sha256}`));
    await s.messages.record({
      ...entry,
      outcome: 'too-large',
      submissionId: null,
      replied: reply !== null,
      detail: { size: item.size, max: item.max },
    });
  });
  return 'too-large';
}
