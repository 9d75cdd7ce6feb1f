import { type Finding, finding } from '../../shared/finding.js';
import type { Message } from '../../shared/message.js';
import { msg } from '../../shared/typography.js';

/**
 * The single finding of a rule whose input was not given (e.g. `appel check` on a file alone):
 * information only, so that the verdict stays the verdict of what was actually checked.
 */
export function notChecked(rule: string, what: Message, missing: Message): Finding {
  return finding(
    `${rule}.not_checked`,
    'info',
    msg(`${what.fr} : non vérifié (${missing.fr}).`, `${what.en}: not checked (${missing.en}).`),
    undefined,
    { notChecked: true },
  );
}

/** True for the finding above: check-submission lists these apart. */
export function isNotChecked(f: Finding): boolean {
  return f.data?.notChecked === true;
}
