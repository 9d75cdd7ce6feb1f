import {
  type ContractDocumentKind,
  type ContractFileProblem,
  checkContractFile,
} from '../domain/editorial/contract.js';
import type { FileKind } from '../domain/manuscript/model.js';
import type { Status } from '../domain/submission/status.js';
import type { ContractDocument } from '../ports/contract-documents.js';
import type { FileStore } from '../ports/file-store.js';
import type { ManuscriptReader } from '../ports/manuscript-reader.js';
import type { TransactionStores, UnitOfWork } from '../ports/message-ledger.js';

/** What keeping a contract file needs: the store, the reader that recognises the file, the bytes. */
export interface ContractFileDeps {
  uow: UnitOfWork;
  files: FileStore;
  read: ManuscriptReader;
}

export interface ContractFileInput {
  submissionId: string;
  kind: ContractDocumentKind;
  file: { name: string; bytes: Buffer };
  addedBy: ContractDocument['addedBy'];
  /** Whether the submission's status lets this file in (the rule differs for each side). */
  allowedAt: (status: Status) => boolean;
  /** The audit event recorded with it (no file name, no personal data). */
  event: string;
}

export type ContractFileResult =
  | { ok: true; document: ContractDocument }
  | { ok: false; reason: 'not-found' | 'not-now' }
  | { ok: false; reason: 'refused'; problem: ContractFileProblem };

const MEDIA_TYPES: Partial<Record<FileKind, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
};

/** The media type a kept file is recorded with, from the kind its content was recognised as. */
export function mediaTypeOf(kind: FileKind): string {
  return MEDIA_TYPES[kind] ?? 'application/octet-stream';
}

/**
 * Keeps one contract file on a submission: recognised by its content (never its name), checked
 * against the status and the caps, stored durably, then recorded with its audit event in one
 * transaction that checks the status and the count again (a decision, or another upload, may have
 * come in between). `then` runs inside that transaction, for what goes with the file (a letter).
 */
export async function keepContractFile(
  input: ContractFileInput,
  deps: ContractFileDeps,
  then?: (s: TransactionStores, document: ContractDocument) => Promise<void>,
): Promise<ContractFileResult> {
  const analysis = await deps.read({ bytes: input.file.bytes, name: input.file.name });
  // A PDF or a picture is kept as it is; a Word or LibreOffice file must at least open.
  const readable = analysis.kind === 'pdf' || analysis.kind === 'image' || analysis.error === null;
  const file = { kind: analysis.kind, readable };
  const refusal = (s: TransactionStores) => whyNot(s, input, file);
  const before = await deps.uow.run(refusal);
  if (before) return before;
  const stored = await deps.files.put(input.file.bytes);
  return deps.uow.run(async (s) => {
    const now = await refusal(s);
    if (now) return now;
    const document = await s.contractDocuments.add({
      submissionId: input.submissionId,
      kind: input.kind,
      fileSha256: stored.sha256,
      fileName: input.file.name,
      byteSize: stored.byteSize,
      mediaType: mediaTypeOf(analysis.kind),
      addedBy: input.addedBy,
    });
    await s.submissions.appendEvent(input.submissionId, {
      actor: input.addedBy.id
        ? { kind: input.addedBy.kind, id: input.addedBy.id }
        : { kind: input.addedBy.kind },
      channel: 'web',
      action: input.event,
      detail: { document: document.id },
    });
    if (then) await then(s, document);
    return { ok: true as const, document };
  });
}

async function whyNot(
  s: TransactionStores,
  input: ContractFileInput,
  file: { kind: FileKind; readable: boolean },
): Promise<Exclude<ContractFileResult, { ok: true }> | null> {
  const record = await s.submissions.findById(input.submissionId);
  if (!record) return { ok: false, reason: 'not-found' };
  if (!input.allowedAt(record.status)) return { ok: false, reason: 'not-now' };
  const kept = (await s.contractDocuments.listForSubmission(record.id)).filter((d) => d.kind === input.kind);
  const problem = checkContractFile(input.kind, file, kept.length);
  return problem ? { ok: false, reason: 'refused', problem } : null;
}
