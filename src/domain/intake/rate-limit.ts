/**
 * At most one automatic reply per sender per day: a sender (or a robot posing as one) who writes
 * fifty times gets one receipt, and two auto-responders cannot ping-pong. "A day" is the 24 hours
 * before now, which needs no time zone and cannot be gamed around midnight.
 */
export interface SentReply {
  to: string;
  at: Date;
}

export interface ReplyAllowance {
  allowed: boolean;
  /** Automatic replies to this sender in the last 24 hours. */
  sentInWindow: number;
  /** When the next one may go, when not allowed now. */
  nextAllowedAt?: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function rateLimitReceipts(
  sender: string,
  sentToday: readonly SentReply[],
  now: Date,
  perDay = 1,
): ReplyAllowance {
  const who = sender.toLowerCase();
  const since = now.getTime() - DAY_MS;
  const recent = sentToday
    .filter((s) => s.to.toLowerCase() === who && s.at.getTime() > since && s.at.getTime() <= now.getTime())
    .map((s) => s.at.getTime())
    .sort((a, b) => a - b);
  if (recent.length < perDay) return { allowed: true, sentInWindow: recent.length };
  const oldest = recent[recent.length - perDay] ?? now.getTime();
  return { allowed: false, sentInWindow: recent.length, nextAllowedAt: new Date(oldest + DAY_MS) };
}
