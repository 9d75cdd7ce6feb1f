import { showsContract } from '../domain/editorial/contract.js';
import type { Status } from '../domain/submission/status.js';
import type { ContractDocument, ContractDocumentStore } from '../ports/contract-documents.js';
import type { FileStore } from '../ports/file-store.js';

/** Who is downloading: the desk sees every file; the author, through the link, from the sending on. */
export type ContractReader = { side: 'desk' } | { side: 'author'; status: Status };

/**
 * Use case: one contract file of a submission, with its bytes (verified against their hash), or
 * null when it is not this submission's, or not yet the author's to see.
 */
export async function openContractDocument(
  input: { submissionId: string; documentId: string; reader: ContractReader },
  deps: {
    contractDocuments: Pick<ContractDocumentStore, 'listForSubmission'>;
    files: Pick<FileStore, 'read'>;
  },
): Promise<{ document: ContractDocument; bytes: Buffer } | null> {
  if (input.reader.side === 'author' && !showsContract(input.reader.status)) return null;
  const documents = await deps.contractDocuments.listForSubmission(input.submissionId);
  const document = documents.find((d) => d.id === input.documentId);
  if (!document) return null;
  return { document, bytes: await deps.files.read(document.fileSha256) };
}
