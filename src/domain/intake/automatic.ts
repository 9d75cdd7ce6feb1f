import type { IncomingMessage } from './message.js';

/**
 * Whether a message was sent by a program rather than a person, and whether we may answer it
 * (RFC 3834, and what mail programs actually send). Mail loops between two robots, or receipts
 * sent to mailing lists, are what this prevents: when in doubt, do not answer.
 */

/** The header our receipts and letters carry, so that one coming back is never answered. */
export const RECEIPT_HEADER = 'X-Appel-Receipt';

export type AutomaticReason =
  | 'auto-submitted'
  | 'own-message'
  | 'precedence'
  | 'list'
  | 'empty-return-path'
  | 'daemon-sender'
  | 'x-autoreply'
  | 'delivery-report'
  | 'auto-response-suppress'
  | 'no-sender';

export interface AutomaticVerdict {
  /** person: written by someone; the others: sent by a program, never a submission by itself. */
  kind: 'person' | 'auto-reply' | 'bounce' | 'list' | 'bulk' | 'own-message';
  /** Whether an automatic reply (a receipt) may be sent. */
  answer: boolean;
  reasons: AutomaticReason[];
}

// Senders that are programs (RFC 3834 §2 names the first ones), compared on the local part.
const DAEMON =
  /^(mailer-daemon|postmaster|listserv|majordomo|mailman|no-?reply|do-?not-?reply|bounces?|owner-.+|.+-request|.+-bounces?)$/i;

function localPart(address: string | undefined): string {
  return address ? address.slice(0, address.lastIndexOf('@')) : '';
}

export interface AutomaticOptions {
  /** Our own sending addresses: a message from one of them is ours coming back. */
  ownAddresses?: readonly string[];
}

export function detectAutomatic(
  message: Pick<IncomingMessage, 'from' | 'sender' | 'returnPath' | 'automation' | 'replyTo'>,
  options: AutomaticOptions = {},
): AutomaticVerdict {
  const a = message.automation;
  const reasons: AutomaticReason[] = [];
  let kind: AutomaticVerdict['kind'] = 'person';
  const mark = (reason: AutomaticReason, as: AutomaticVerdict['kind']) => {
    reasons.push(reason);
    if (kind === 'person') kind = as;
  };

  const own = new Set((options.ownAddresses ?? []).map((x) => x.toLowerCase()));
  const senders = [message.from?.address, message.sender?.address, message.returnPath].filter(
    (x): x is string => x !== undefined,
  );
  if (a.appelReceipt !== undefined || senders.some((s) => own.has(s.toLowerCase()))) {
    mark('own-message', 'own-message');
  }
  if (a.returnPathEmpty) mark('empty-return-path', 'bounce');
  if (a.contentType === 'multipart/report') mark('delivery-report', 'bounce');
  if (senders.some((s) => DAEMON.test(localPart(s)))) mark('daemon-sender', 'bounce');
  const auto = (a.autoSubmitted ?? '').split(/[;(\s]/)[0]?.toLowerCase() ?? '';
  if (auto !== '' && auto !== 'no') mark('auto-submitted', 'auto-reply');
  if (a.xAutoreply !== undefined) mark('x-autoreply', 'auto-reply');
  const precedence = (a.precedence ?? '').trim().toLowerCase();
  if (precedence === 'list') mark('precedence', 'list');
  else if (precedence === 'bulk' || precedence === 'junk') mark('precedence', 'bulk');
  if (a.listHeaders.length > 0) mark('list', 'list');
  // The sender's own request (Outlook): not a program's message, but no automatic answer.
  if (/\b(all|autoreply|oof)\b/i.test(a.xAutoResponseSuppress ?? '')) reasons.push('auto-response-suppress');
  if (!message.from && message.replyTo.length === 0) reasons.push('no-sender');
  return { kind, answer: reasons.length === 0, reasons };
}
