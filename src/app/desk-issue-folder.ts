import type { Call } from '../domain/call/schema.js';
import type { ContractDocumentStore } from '../ports/contract-documents.js';
import type { FileStore } from '../ports/file-store.js';
import type { IssueOrderStore } from '../ports/issue-order.js';
import type { SubmissionRecord, SubmissionStore } from '../ports/submission-store.js';
import { type ContentsEntry, type IssueContents, readIssue } from './desk-issue-contents.js';

/**
 * The whole folder is built in memory (one zip, answered at once): an issue's texts and scans
 * weigh a few megabytes; past this the desk says to take them one by one instead.
 */
export const MAX_FOLDER_BYTES = 200 * 1024 * 1024;

/** One file of the folder, with what names it: the text's place in the issue, its authors, its title. */
export interface IssueFolderFile {
  /** 1, 2, … as in the table of contents. */
  position: number;
  entry: ContentsEntry;
  kind: 'text' | 'signed-contract';
  /** The name the file came with (for its extension), never used as a path. */
  originalName: string;
  bytes: Buffer;
}

export type IssueFolder =
  | { ok: true; contents: IssueContents; files: IssueFolderFile[] }
  | { ok: false; reason: 'empty' }
  | { ok: false; reason: 'too-large'; bytes: number };

/**
 * Use case: what goes to whoever lays out the issue — for each text placed in it, in the issue's
 * order, the latest version as the author sent it and the signed contract's files — with the
 * table of contents. Read only; the bytes are verified against their hashes as they are read.
 */
export async function issueFolder(
  call: Call,
  callId: string,
  deps: {
    submissions: SubmissionStore;
    issueOrder: Pick<IssueOrderStore, 'positions'>;
    contractDocuments: Pick<ContractDocumentStore, 'listForSubmission'>;
    files: Pick<FileStore, 'read'>;
  },
): Promise<IssueFolder> {
  const { contents, records } = await readIssue(call, callId, deps);
  if (contents.placed.length === 0) return { ok: false, reason: 'empty' };
  const wanted = await filesToGather(contents, records, deps);
  const bytes = wanted.reduce((sum, w) => sum + w.byteSize, 0);
  if (bytes > MAX_FOLDER_BYTES) return { ok: false, reason: 'too-large', bytes };
  const files: IssueFolderFile[] = [];
  for (const w of wanted) {
    const { position, entry, kind, originalName } = w;
    files.push({ position, entry, kind, originalName, bytes: await deps.files.read(w.sha256) });
  }
  return { ok: true, contents, files };
}

type Wanted = Omit<IssueFolderFile, 'bytes'> & { sha256: string; byteSize: number };

/** Every file's hash and size first: the cap is checked before anything is read. */
async function filesToGather(
  contents: IssueContents,
  records: ReadonlyMap<string, SubmissionRecord>,
  deps: { contractDocuments: Pick<ContractDocumentStore, 'listForSubmission'> },
): Promise<Wanted[]> {
  const wanted: Wanted[] = [];
  for (const [i, entry] of contents.placed.entries()) {
    const position = i + 1;
    const latest = records.get(entry.id)?.versions.at(-1);
    if (latest) {
      wanted.push({
        position,
        entry,
        kind: 'text',
        originalName: latest.fileName,
        sha256: latest.fileSha256,
        byteSize: latest.byteSize,
      });
    }
    for (const signed of await deps.contractDocuments.listForSubmission(entry.id)) {
      if (signed.kind !== 'signed') continue;
      wanted.push({
        position,
        entry,
        kind: 'signed-contract',
        originalName: signed.fileName,
        sha256: signed.fileSha256,
        byteSize: signed.byteSize,
      });
    }
  }
  return wanted;
}
