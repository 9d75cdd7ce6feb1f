/** What an import did, as `appel mail import --json` prints it. */
export interface ImportSummary {
  messages: number;
  submissions: number;
  versions: number;
  duplicates: number;
  ignored: number;
  /**
   * Over the mailbox's size cap: never read, but recorded, answered (RFC 3834 allowing) and flagged,
   * so not « ignored »: the operator may want to know that authors were told to send again.
   */
  tooLarge: number;
  /** Readers' replies to review requests: their files went to their reviews, never a submission. */
  readerReplies: number;
  errors: number;
}

export type MessageOutcomeKind =
  | 'submission'
  | 'version'
  | 'duplicate'
  | 'ignored'
  | 'too-large'
  | 'reader-reply'
  | 'error';

export function emptySummary(): ImportSummary {
  return {
    messages: 0,
    submissions: 0,
    versions: 0,
    duplicates: 0,
    ignored: 0,
    tooLarge: 0,
    readerReplies: 0,
    errors: 0,
  };
}

const FIELD: Record<MessageOutcomeKind, keyof ImportSummary> = {
  submission: 'submissions',
  version: 'versions',
  duplicate: 'duplicates',
  ignored: 'ignored',
  'too-large': 'tooLarge',
  'reader-reply': 'readerReplies',
  error: 'errors',
};

export function count(summary: ImportSummary, outcome: MessageOutcomeKind): void {
  summary.messages++;
  summary[FIELD[outcome]]++;
}
