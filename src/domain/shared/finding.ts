import type { Message } from './message.js';
import { frenchTypography } from './typography.js';

/**
 * A finding is what a check says about a manuscript or a submission. Checks collect findings
 * instead of throwing (HotCRP's checkformat does the same): an author gets every problem at once.
 *
 * - error: the submission fails a rule of the call;
 * - warning: worth fixing or confirming, but no rule fails on it alone;
 * - info: facts the author or the coordinators may want to know.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  code: string;
  severity: Severity;
  message: Message;
  /** How to fix it, in plain words; absent when there is nothing to do. */
  fix?: Message;
  /** Machine-readable figures behind the message (counts, limits). Never personal data. */
  data?: Record<string, string | number | boolean | null>;
}

export function finding(
  code: string,
  severity: Severity,
  message: Message,
  fix?: Message,
  data?: Finding['data'],
): Finding {
  // French typography (no-break spaces before : ; ! ? and inside « ») is applied here once,
  // so that every finding gets it whoever wrote the sentence.
  const f: Finding = { code, severity, message: typeset(message) };
  if (fix) f.fix = typeset(fix);
  if (data) f.data = data;
  return f;
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then information: what a person must fix comes first. */
export function bySeverity(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
}

function typeset(message: Message): Message {
  return { fr: frenchTypography(message.fr), en: message.en };
}
