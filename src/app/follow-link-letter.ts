import type { Call } from '../domain/call/schema.js';
import { callFacts } from '../domain/letters/call-facts.js';
import type { Lang } from '../domain/shared/message.js';
import type { ContactSubmission } from '../ports/author-links.js';
import type { TransactionStores } from '../ports/message-ledger.js';
import type { Actor } from '../ports/submission-store.js';
import { newFollowLink } from './follow-link.js';
import { letterJob } from './process-outbox.js';

/**
 * Inside a use case's transaction: a new private link for the submission (only its hash stored),
 * the letter that carries it to the contact's address as stored, and an audit event without the
 * address. Earlier links keep working.
 */
export async function queueNewFollowLink(
  s: TransactionStores,
  target: ContactSubmission,
  context: { call: Call; publicBase: string; lang: Lang; actor: Actor; action: string },
): Promise<void> {
  const follow = newFollowLink(context.publicBase);
  await s.authorLinks.create({ tokenHash: follow.tokenHash, submissionId: target.submissionId });
  const greetingName = `${target.givenName} ${target.surname}`.trim();
  await s.outbox.enqueue(
    letterJob(
      { to: { address: target.contactEmail, ...(greetingName ? { name: greetingName } : {}) } },
      {
        kind: 'follow-link-again',
        lang: context.lang,
        call: callFacts(context.call),
        ...(greetingName ? { greetingName } : {}),
        receivedAt: target.receivedAt,
        title: target.title,
        followUrl: follow.url,
      },
      `follow-link-again:${follow.tokenHash}`,
    ),
  );
  await s.submissions.appendEvent(target.submissionId, {
    actor: context.actor,
    channel: 'web',
    action: context.action,
  });
}
