import { printOrder } from '../domain/call/rules/author-order.js';
import type { Call } from '../domain/call/schema.js';
import type { Status } from '../domain/submission/status.js';
import type { IssueOrderStore } from '../ports/issue-order.js';
import type { SubmissionRecord, SubmissionStore } from '../ports/submission-store.js';

/** In the issue: placed in its table of contents, or already published. */
export const IN_ISSUE: readonly Status[] = ['in_issue', 'published'];
/** Accepted, on the way to the issue (contract to send, to sign, or signed). */
export const ON_THE_WAY: readonly Status[] = ['accepted', 'contract_sent', 'contract_signed'];

export interface ContentsEntry {
  id: string;
  title: string;
  /** « Prénom Nom » in the order they will be printed (alphabetical unless the authors asked). */
  authors: string[];
  /** The authors asked for their own order. */
  orderRequested: boolean;
  axis: string | null;
  status: Status;
  /** Signes of the latest version (spaces included); null when it could not be counted. */
  signes: number | null;
}

export interface IssueContents {
  /**
   * In the issue: in the order the coordinators set, then the texts they have not placed yet, by
   * line of inquiry (the call's order, then none), then by arrival.
   */
  placed: ContentsEntry[];
  /** Accepted, not yet in the issue, in the same order. */
  coming: ContentsEntry[];
  /** The signes of the texts in the issue, for the page count. */
  placedSignes: number;
}

/**
 * Use case: the issue's table of contents as it stands — the texts placed in it, and those accepted
 * on their way — with the authors in print order (the call's rule, author-order.ts). Read only.
 */
export async function issueContents(
  call: Call,
  callId: string,
  deps: { submissions: SubmissionStore; issueOrder: Pick<IssueOrderStore, 'positions'> },
): Promise<IssueContents> {
  return (await readIssue(call, callId, deps)).contents;
}

/** The contents, with the records they were read from (the issue's folder needs their versions). */
export async function readIssue(
  call: Call,
  callId: string,
  deps: { submissions: SubmissionStore; issueOrder: Pick<IssueOrderStore, 'positions'> },
): Promise<{ contents: IssueContents; records: ReadonlyMap<string, SubmissionRecord> }> {
  const summaries = await deps.submissions.listByCall(callId, { status: [...IN_ISSUE, ...ON_THE_WAY] });
  const read = await Promise.all(summaries.map((s) => deps.submissions.findById(s.id)));
  const records = read.filter((r): r is SubmissionRecord => r !== null);
  const axisRank = (axis: string | null) => {
    const at = axis === null ? -1 : call.axes.findIndex((a) => a.id === axis);
    return at < 0 ? call.axes.length : at;
  };
  records.sort((a, b) => axisRank(a.axis) - axisRank(b.axis) || a.receivedAt.localeCompare(b.receivedAt));
  const entries = records.map((r) => entryOf(r, call));
  const positions = await deps.issueOrder.positions(callId);
  const rank = (e: ContentsEntry) => positions.get(e.id) ?? Number.POSITIVE_INFINITY;
  // A stable sort: texts without a position keep the default order, after the ordered ones.
  const placed = entries.filter((e) => IN_ISSUE.includes(e.status)).sort((a, b) => rank(a) - rank(b) || 0);
  const contents = {
    placed,
    coming: entries.filter((e) => ON_THE_WAY.includes(e.status)),
    placedSignes: placed.reduce((sum, e) => sum + (e.signes ?? 0), 0),
  };
  return { contents, records: new Map(records.map((r) => [r.id, r])) };
}

function entryOf(record: SubmissionRecord, call: Call): ContentsEntry {
  const orderRequested = record.authors.some((a) => a.requestedOrder);
  const latest = record.versions[record.versions.length - 1];
  return {
    id: record.id,
    title: record.title,
    authors: printOrder(record.authors, call, orderRequested).map((a) =>
      `${a.givenName} ${a.surname}`.trim(),
    ),
    orderRequested,
    axis: record.axis,
    status: record.status,
    signes: latest?.signesTotal ?? null,
  };
}

/** The table of contents as plain text, for whoever lays out the issue. */
export function contentsText(contents: IssueContents, heading: string): string {
  const lines = [heading, ''];
  contents.placed.forEach((e, i) => {
    lines.push(`${i + 1}. ${e.title}`, `   ${e.authors.join(', ')}`, '');
  });
  return `${lines.join('\n').trimEnd()}\n`;
}
