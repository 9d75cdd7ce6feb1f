import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { type LetterInput, letterSchema } from '../domain/letters/model.js';
import { renderLetter } from '../domain/letters/render-letter.js';
import { AppError, isAppError } from '../domain/shared/errors.js';
import type { JsonObject } from '../ports/json.js';
import type { MailAddress, Mailer, OutgoingMail } from '../ports/mailer.js';
import type { Outbox, OutboxJob, OutboxMessage } from '../ports/outbox.js';
import { redactLetterSecrets } from './sent-letter-secrets.js';

/**
 * The worker's use case: claim due jobs, render and send each one, then mark it sent, or failed so
 * that the outbox retries it later with backoff (the outbox decides the delay and when to give up).
 * A job is never lost: whatever happens between the claim and the settlement, the row stays, and a
 * job whose worker died is claimed again when its lease runs out. The price is "at least once": a
 * crash between the server's 250 and markSent sends the message again, with the same Message-ID.
 */

export const LETTER_JOB_KIND = 'letter';

const addressSchema = z.object({ address: z.string(), name: z.string().optional() });

/** A self-contained letter job: who gets it, which thread it answers, and the letter's model. */
const letterJobSchema = z.object({
  to: addressSchema,
  replyTo: addressSchema.optional(),
  inReplyTo: z.string().optional(),
  references: z.array(z.string()).optional(),
  letter: letterSchema,
});

export interface LetterEnvelope {
  to: MailAddress;
  replyTo?: MailAddress;
  /** The original's Message-ID and References, for threading. */
  inReplyTo?: string;
  references?: string[];
}

/** The outbox message for a letter: queue it in the transaction that records its cause. */
export function letterJob(envelope: LetterEnvelope, letter: LetterInput, dedupeKey?: string): OutboxMessage {
  // JSON round trip: drops undefined members, so the payload is exactly what the table will hold.
  const payload = JSON.parse(JSON.stringify({ ...envelope, letter })) as JsonObject;
  return { kind: LETTER_JOB_KIND, payload, ...(dedupeKey ? { dedupeKey } : {}) };
}

/** Turns a job into the mail to send; null when there is nothing to send any more (it is settled). */
export type PrepareMail = (job: OutboxJob) => Promise<OutgoingMail | null>;

/** The default: letter jobs carry everything they need. Other kinds need their own `prepare`. */
export const prepareLetterJob: PrepareMail = async (job) => {
  if (job.kind !== LETTER_JOB_KIND) {
    throw new AppError('OUTBOX_JOB_INVALID', { id: job.id, kind: job.kind, detail: 'unknown kind' });
  }
  const parsed = letterJobSchema.safeParse(job.payload);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(root)'))].join(', ');
    throw new AppError('OUTBOX_JOB_INVALID', { id: job.id, kind: job.kind, detail: `invalid ${fields}` });
  }
  const { to, replyTo, inReplyTo, references, letter } = parsed.data;
  const rendered = renderLetter(letter);
  return {
    to,
    ...(replyTo ? { replyTo } : {}),
    ...(inReplyTo ? { inReplyTo } : {}),
    ...(references ? { references } : {}),
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    autoSubmitted: 'auto-replied',
  };
};

export interface ProcessOutboxDeps {
  outbox: Outbox;
  mailer: Mailer;
  /** Who claims (host:pid): only the holder of a lease settles a job. */
  worker: string;
  /** The domain of the Message-IDs given to jobs. */
  messageIdDomain: string;
  prepare?: PrepareMail;
  /** Ids, kinds, attempts and outcomes only: never an address, a name or a letter. */
  log?: (event: OutboxLogEvent) => void;
}

export interface ProcessOutboxOptions {
  batchSize?: number;
  /** Longer than a send can take (the SMTP timeouts), so no other worker takes a job mid-send. */
  leaseMs?: number;
  /** drain: stop after this many jobs even if more are due (a bound, not a schedule). */
  maxJobs?: number;
}

export type JobOutcome = 'sent' | 'skipped' | 'retrying' | 'failed' | 'lease-lost';

export interface OutboxLogEvent {
  jobId: number;
  kind: string;
  attempts: number;
  outcome: JobOutcome;
  error?: string;
}

export interface OutboxSummary {
  claimed: number;
  sent: number;
  skipped: number;
  /** Failed this time, scheduled again by the outbox. */
  retrying: number;
  /** Failed on the last allowed attempt: kept with status failed, for a person to look at. */
  failed: number;
  /** Another worker took the job over (our lease ran out); it settles it. */
  leaseLost: number;
  errors: Array<{ jobId: number; kind: string; attempts: number; error: string }>;
}

export function emptySummary(): OutboxSummary {
  return { claimed: 0, sent: 0, skipped: 0, retrying: 0, failed: 0, leaseLost: 0, errors: [] };
}

/** Stable per job: a re-send after a crash carries the same id, so receivers can tell. */
export function jobMessageId(job: OutboxJob, domain: string): string {
  const seed = `${job.id}|${job.kind}|${job.createdAt}|${job.dedupeKey ?? ''}`;
  const tag = createHash('sha256').update(seed).digest('hex').slice(0, 16);
  return `<appel.${job.id}.${tag}@${domain}>`;
}

/** What went wrong, fit for the outbox's last_error and the log: codes and figures, no content. */
export function describeFailure(e: unknown): string {
  if (isAppError(e)) return `${e.code}: ${e.text.en}`.slice(0, 500);
  if (e instanceof z.ZodError) return `invalid letter: ${e.issues.map((i) => i.path.join('.')).join(', ')}`;
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return text.replace(/[^\s<>@"'(),;:]+@[^\s<>@"'(),;:]+/g, '[address]').slice(0, 500);
}

async function processJob(deps: ProcessOutboxDeps, job: OutboxJob): Promise<OutboxLogEvent> {
  const event = { jobId: job.id, kind: job.kind, attempts: job.attempts };
  const prepare = deps.prepare ?? prepareLetterJob;
  let mail: OutgoingMail | null;
  try {
    mail = await prepare(job);
    if (mail !== null) {
      await deps.mailer.send({
        ...mail,
        messageId: mail.messageId ?? jobMessageId(job, deps.messageIdDomain),
      });
    }
  } catch (e) {
    const error = describeFailure(e);
    // If markFailed itself throws (the database is down), the job stays claimed: its lease runs out
    // and it is claimed again. The error goes up to the worker loop; the job is still not lost.
    const outcome = await deps.outbox.markFailed(job.id, deps.worker, error);
    const mapped: JobOutcome =
      outcome === 'retry' ? 'retrying' : outcome === 'failed' ? 'failed' : 'lease-lost';
    return { ...event, outcome: mapped, error };
  }
  // Sent: from here on a failure must not be recorded as a failed send (that would send it again).
  // The row stays as the record of what was sent, without the live secret links it carried.
  const redacted = mail !== null && job.kind === LETTER_JOB_KIND ? redactLetterSecrets(job.payload) : null;
  const held = await deps.outbox.markSent(job.id, deps.worker, redacted ?? undefined);
  return { ...event, outcome: !held ? 'lease-lost' : mail === null ? 'skipped' : 'sent' };
}

function record(summary: OutboxSummary, event: OutboxLogEvent): void {
  const key = {
    sent: 'sent',
    skipped: 'skipped',
    retrying: 'retrying',
    failed: 'failed',
    'lease-lost': 'leaseLost',
  } as const;
  summary[key[event.outcome]] += 1;
  if (event.error !== undefined) {
    summary.errors.push({
      jobId: event.jobId,
      kind: event.kind,
      attempts: event.attempts,
      error: event.error,
    });
  }
}

/** One claim, then each job in turn (one at a time: an SMTP server prefers it, and so does SQLite). */
export async function processDueJobs(
  deps: ProcessOutboxDeps,
  options: ProcessOutboxOptions = {},
  summary: OutboxSummary = emptySummary(),
): Promise<OutboxSummary> {
  const jobs = await deps.outbox.claimDue({
    worker: deps.worker,
    limit: options.batchSize ?? 10,
    leaseMs: options.leaseMs ?? 10 * 60_000,
  });
  summary.claimed += jobs.length;
  for (const job of jobs) {
    const event = await processJob(deps, job);
    deps.log?.(event);
    record(summary, event);
  }
  return summary;
}

/** `appel worker --once`: process until nothing is due, then say what was done. */
export async function drainOutbox(
  deps: ProcessOutboxDeps,
  options: ProcessOutboxOptions = {},
): Promise<OutboxSummary> {
  const summary = emptySummary();
  const maxJobs = options.maxJobs ?? 10_000;
  while (summary.claimed < maxJobs) {
    const before = summary.claimed;
    const batchSize = Math.min(options.batchSize ?? 10, maxJobs - summary.claimed);
    await processDueJobs(deps, { ...options, batchSize }, summary);
    if (summary.claimed === before) break;
  }
  return summary;
}

/**
 * `appel worker`: drain, wait, drain again, until the signal aborts. A failing database is waited
 * out rather than fatal: the jobs are in it, and nothing is lost by trying again later.
 */
export async function runOutboxWorker(
  deps: ProcessOutboxDeps,
  options: ProcessOutboxOptions & { signal: AbortSignal; pollMs?: number; onError?: (e: unknown) => void },
): Promise<void> {
  while (!options.signal.aborted) {
    try {
      await drainOutbox(deps, options);
    } catch (e) {
      options.onError?.(e);
    }
    try {
      await sleep(options.pollMs ?? 5_000, undefined, { signal: options.signal });
    } catch {
      return; // aborted while waiting
    }
  }
}
