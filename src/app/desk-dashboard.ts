import { bySeverity, type Finding } from '../domain/shared/finding.js';
import { foldForSearch, searchWords } from '../domain/shared/search-fold.js';
import { contactPerson } from '../domain/submission/author.js';
import { STATUSES, type Status } from '../domain/submission/status.js';
import type { ContractDocumentStore } from '../ports/contract-documents.js';
import type { EditorialNoteStore } from '../ports/editorial-notes.js';
import type { ReviewStore, ReviewTally } from '../ports/reviews.js';
import type { Channel, SubmissionRecord, SubmissionStore } from '../ports/submission-store.js';
import {
  keepTexts,
  type SearchedFile,
  type SearchTextDeps,
  submissionsContaining,
} from './desk-search-texts.js';

const NO_REVIEW: ReviewTally = { standing: 0, given: 0 };

/**
 * The dashboard's read side: one row per submission of the call, with what coordinators scan for
 * (status, length against the window, the main findings, channel, axis, date), then filters, sort
 * and search done in memory. A call gathers tens to a few hundred submissions: reading them all
 * is cheaper than keeping a second, denormalised copy in step.
 */

export type Verdict = 'pass' | 'fail' | 'unreadable';
export const VERDICTS: readonly Verdict[] = ['pass', 'fail', 'unreadable'];
export const CHANNELS: readonly Channel[] = ['email', 'web', 'cli'];
export const SORT_KEYS = ['received', 'title', 'status', 'signes', 'authors'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface DeskRow {
  id: string;
  title: string;
  status: Status;
  channel: Channel;
  axis: string | null;
  receivedAt: string;
  late: boolean;
  /** The optimistic-lock counter the page was built from. */
  version: number;
  /** « Prénom Nom », in the order given. */
  authors: string[];
  contactEmail: string | null;
  /** Signes of the latest version; null when it could not be read. */
  signes: number | null;
  approximate: boolean;
  verdict: Verdict;
  versions: number;
  /** Errors first, then warnings: the latest version's and the submission's own. */
  findings: Finding[];
  /** Blind review: requests standing and opinions given (0 and 0 when none was asked). */
  reviews: ReviewTally;
  /** Signed copies of the contract the author sent back (0 when none). */
  signedCopies: number;
  /** The desk's notes on it that stand (not taken back). */
  notes: number;
  /** The latest version's file, whose words the search looks into; null without a version. */
  latestFile: { sha256: string; fileName: string } | null;
  /** The searched words (as typed) found in the manuscript's text that the title and authors do not hold. */
  wordsInText?: string[];
}

export interface DeskQuery {
  status: Status[];
  late?: boolean;
  channel?: Channel;
  axis?: string;
  verdict?: Verdict;
  /** Words searched in titles and authors' names, accents and case ignored. */
  q: string;
  sort: SortKey;
  dir: 'asc' | 'desc';
}

export const DEFAULT_QUERY: DeskQuery = { status: [], q: '', sort: 'received', dir: 'asc' };

/** What the dashboard counts beside each record, read once for the whole call. */
export interface RowTallies {
  reviews?: ReviewTally;
  signedCopies?: number;
  notes?: number;
}

export function toDeskRow(record: SubmissionRecord, tallies: RowTallies = {}): DeskRow {
  const { reviews = NO_REVIEW, signedCopies = 0, notes = 0 } = tallies;
  const latest = record.versions[record.versions.length - 1];
  const own = record.findings.filter((f) => f.versionId === null || f.versionId === latest?.id);
  const analysis = latest?.analysis as { counts?: { approximate?: boolean } } | null | undefined;
  const signes = latest?.signesTotal ?? null;
  const contact = contactPerson(record.authors);
  return {
    id: record.id,
    title: record.title,
    status: record.status,
    channel: record.channel,
    axis: record.axis,
    receivedAt: record.receivedAt,
    late: record.late,
    version: record.version,
    authors: record.authors.map((a) => `${a.givenName} ${a.surname}`.trim()),
    contactEmail: contact?.email ?? null,
    signes,
    approximate: analysis?.counts?.approximate === true,
    verdict:
      signes === null
        ? 'unreadable'
        : own.some((f) => f.versionId !== null && f.severity === 'error')
          ? 'fail'
          : 'pass',
    versions: record.versions.length,
    findings: own.filter((f) => f.severity !== 'info').sort(bySeverity),
    reviews,
    signedCopies,
    notes,
    latestFile: latest ? { sha256: latest.fileSha256, fileName: latest.fileName } : null,
  };
}

export async function loadDeskRows(
  stores: {
    submissions: SubmissionStore;
    reviews: Pick<ReviewStore, 'tallyForCall'>;
    contractDocuments: Pick<ContractDocumentStore, 'signedCopiesForCall'>;
    editorialNotes: Pick<EditorialNoteStore, 'countsForCall'>;
  },
  callId: string,
): Promise<DeskRow[]> {
  const summaries = await stores.submissions.listByCall(callId);
  const records = await Promise.all(summaries.map((s) => stores.submissions.findById(s.id)));
  const tally = await stores.reviews.tallyForCall(callId);
  const signed = await stores.contractDocuments.signedCopiesForCall(callId);
  const notes = await stores.editorialNotes.countsForCall(callId);
  return records.flatMap((r) =>
    r
      ? [
          toDeskRow(r, {
            reviews: tally.get(r.id),
            signedCopies: signed.get(r.id) ?? 0,
            notes: notes.get(r.id) ?? 0,
          }),
        ]
      : [],
  );
}

/** For each searched word, the submissions whose latest manuscript holds it (desk-search-texts.ts). */
export type TextHits = ReadonlyMap<string, ReadonlySet<string>>;

function passesFilters(row: DeskRow, q: DeskQuery): boolean {
  if (q.status.length > 0 && !q.status.includes(row.status)) return false;
  if (q.late !== undefined && row.late !== q.late) return false;
  if (q.channel !== undefined && row.channel !== q.channel) return false;
  if (q.axis !== undefined && (q.axis === '' ? row.axis !== null : row.axis !== q.axis)) return false;
  return q.verdict === undefined || row.verdict === q.verdict;
}

/**
 * The row as the search keeps it, or null: every word in the title, an author's name (« Élodie »
 * is found with « elodie ») or the text; the words only the text holds are named on the row.
 */
function searched(row: DeskRow, words: string[], typed: string[], inText: TextHits): DeskRow | null {
  if (words.length === 0) return row;
  const haystack = foldForSearch(`${row.title} ${row.authors.join(' ')}`);
  const wordsInText: string[] = [];
  for (const [i, w] of words.entries()) {
    if (haystack.includes(w)) continue;
    if (inText.get(w)?.has(row.id) !== true) return null;
    wordsInText.push(typed[i] ?? w);
  }
  return wordsInText.length > 0 ? { ...row, wordsInText } : row;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

function compare(a: DeskRow, b: DeskRow, key: SortKey): number {
  switch (key) {
    case 'received':
      return a.receivedAt.localeCompare(b.receivedAt);
    case 'title':
      return collator.compare(a.title, b.title);
    case 'status':
      return STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status);
    case 'signes':
      return (a.signes ?? -1) - (b.signes ?? -1);
    case 'authors':
      return collator.compare(a.authors[0] ?? '', b.authors[0] ?? '');
  }
}

/** The rows the query keeps, sorted; `inText` says where the searched words are in the manuscripts. */
export function selectRows(
  rows: readonly DeskRow[],
  query: DeskQuery,
  inText: TextHits = new Map(),
): DeskRow[] {
  const words = searchWords(query.q);
  // The same words as typed, one for one (folding changes letters, never where words end).
  const typed = query.q.trim().split(/\s+/u);
  const sign = query.dir === 'desc' ? -1 : 1;
  return rows
    .filter((row) => passesFilters(row, query))
    .flatMap((row) => searched(row, words, typed, inText) ?? [])
    .sort((a, b) => sign * compare(a, b, query.sort) || a.receivedAt.localeCompare(b.receivedAt));
}

function one<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;
}

/** The query string of the dashboard (and of its exports), read leniently: unknown values are ignored. */
export function parseDeskQuery(raw: Record<string, unknown>): DeskQuery {
  const statuses = (Array.isArray(raw.statut) ? raw.statut : [raw.statut]).filter(
    (s): s is Status => typeof s === 'string' && (STATUSES as readonly string[]).includes(s),
  );
  const query: DeskQuery = {
    status: [...new Set(statuses)],
    q: typeof raw.q === 'string' ? raw.q.slice(0, 200) : '',
    sort: one(raw.tri, SORT_KEYS) ?? 'received',
    dir: one(raw.ordre, ['asc', 'desc'] as const) ?? 'asc',
  };
  const late = one(raw.retard, ['oui', 'non'] as const);
  if (late) query.late = late === 'oui';
  const channel = one(raw.canal, CHANNELS);
  if (channel) query.channel = channel;
  if (typeof raw.axe === 'string' && raw.axe !== '') query.axis = raw.axe === '-' ? '' : raw.axe.slice(0, 80);
  const verdict = one(raw.verdict, VERDICTS);
  if (verdict) query.verdict = verdict;
  return query;
}

/** The same query as a query string, to keep it across links (exports, sorting). */
export function deskQueryString(query: DeskQuery, patch: Partial<DeskQuery> = {}): string {
  const q = { ...query, ...patch };
  const params = new URLSearchParams();
  for (const s of q.status) params.append('statut', s);
  if (q.late !== undefined) params.set('retard', q.late ? 'oui' : 'non');
  if (q.channel) params.set('canal', q.channel);
  if (q.axis !== undefined) params.set('axe', q.axis === '' ? '-' : q.axis);
  if (q.verdict) params.set('verdict', q.verdict);
  if (q.q) params.set('q', q.q);
  if (q.sort !== 'received') params.set('tri', q.sort);
  if (q.dir !== 'asc') params.set('ordre', q.dir);
  return params.toString();
}

/**
 * The dashboard's rows for a query: the filters, and the search in titles, authors' names and
 * the latest manuscripts' words (read once per file, then kept: desk-search-texts.ts).
 */
export async function findDeskRows(
  rows: readonly DeskRow[],
  query: DeskQuery,
  deps: SearchTextDeps,
): Promise<DeskRow[]> {
  const words = searchWords(query.q);
  if (words.length === 0) return selectRows(rows, query);
  return selectRows(rows, query, await submissionsContaining(searchedFiles(rows), words, deps));
}

function searchedFiles(rows: readonly DeskRow[]): SearchedFile[] {
  return rows.flatMap((r) => (r.latestFile ? [{ submissionId: r.id, ...r.latestFile }] : []));
}

/**
 * Use case: keeps the words of the call's latest manuscripts not kept yet, so that the first
 * search after new arrivals reads nothing (the desk runs it hourly; a search does it anyway).
 */
export async function keepDeskTexts(
  stores: Parameters<typeof loadDeskRows>[0],
  callId: string,
  deps: SearchTextDeps,
): Promise<number> {
  return keepTexts(searchedFiles(await loadDeskRows(stores, callId)), deps);
}
