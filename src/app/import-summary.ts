/** What an import did, as `appel mail import --json` prints it. */
export interface ImportSummary {
  messages: number;
  submissions: number;
  versions: number;
  duplicates: number;
  ignored: number;
  errors: number;
}

export type MessageOutcomeKind = 'submission' | 'version' | 'duplicate' | 'ignored' | 'error';

export function emptySummary(): ImportSummary {
  return { messages: 0, submissions: 0, versions: 0, duplicates: 0, ignored: 0, errors: 0 };
}

const FIELD: Record<MessageOutcomeKind, keyof ImportSummary> = {
  submission: 'submissions',
  version: 'versions',
  duplicate: 'duplicates',
  ignored: 'ignored',
  error: 'errors',
};

export function count(summary: ImportSummary, outcome: MessageOutcomeKind): void {
  summary.messages++;
  summary[FIELD[outcome]]++;
}
