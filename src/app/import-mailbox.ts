import { isAppError } from '../domain/shared/errors.js';
import type { RawMail, RawMailItem } from '../ports/mail-source.js';
import { type ImportDeps, importMessage } from './import-message.js';
import { count, emptySummary, type ImportSummary, type MessageOutcomeKind } from './import-summary.js';
import { importTooLarge } from './import-too-large.js';

export type ImportProgress = (outcome: MessageOutcomeKind, summary: ImportSummary) => void;

/**
 * Use case: every message of a source, one after the other. A message that fails is counted as an
 * error and the import goes on: nothing already accepted is lost, and a re-run picks it up again
 * (its raw bytes are stored, the ledger does not know it). `afterCommit` is where an IMAP source
 * flags the message: only once its effects are committed. A message over the size cap that came
 * with its header (IMAP) is recorded, answered and flagged the same way, never fetched again.
 */
export async function importMailbox(
  items: AsyncIterable<RawMailItem>,
  deps: ImportDeps,
  options: {
    afterCommit?: (raw: RawMail) => Promise<void>;
    onProgress?: ImportProgress;
    /** An error code (never the message's content) and where the message came from. */
    onError?: (code: string, source: RawMail['source']) => void;
  } = {},
): Promise<ImportSummary> {
  const summary = emptySummary();
  for await (const item of items) {
    let outcome: MessageOutcomeKind = 'error';
    if (item.type === 'message' || item.type === 'too-large') {
      try {
        outcome =
          item.type === 'message'
            ? await importMessage(item.message, deps)
            : await importTooLarge(item, deps);
        await options.afterCommit?.(item.message);
      } catch (e) {
        // One bad message never stops the import: it is counted, its bytes are kept, and a
        // re-run tries it again.
        options.onError?.(isAppError(e) ? e.code : 'UNEXPECTED', item.message.source);
      }
    } else {
      // What a source could not hand over (a path that cannot be read, a message over the size
      // cap) is said as well as counted: which one, and why.
      options.onError?.(item.problem.code, item.problem.source);
    }
    count(summary, outcome);
    options.onProgress?.(outcome, summary);
  }
  return summary;
}
