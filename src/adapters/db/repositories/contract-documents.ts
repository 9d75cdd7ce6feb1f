import type { Selectable } from 'kysely';
import { CONTRACT_DOCUMENT_KINDS, type ContractDocumentKind } from '../../../domain/editorial/contract.js';
import type { Clock } from '../../../ports/clock.js';
import type {
  ContractDocument,
  ContractDocumentStore,
  NewContractDocument,
} from '../../../ports/contract-documents.js';
import type { IdGenerator } from '../../../ports/id-generator.js';
import { toIso } from '../codec.js';
import type { ContractDocumentsTable } from '../schema.js';
import { type Executor, withTransaction } from '../transaction.js';
import { recordFile } from './files.js';

/** The ContractDocumentStore port over Kysely; the same code on SQLite and PostgreSQL. */
export class KyselyContractDocumentStore implements ContractDocumentStore {
  constructor(
    private readonly db: Executor,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async add(document: NewContractDocument): Promise<ContractDocument> {
    const now = toIso(this.clock.now());
    return withTransaction(this.db, async (trx) => {
      await recordFile(
        trx,
        { sha256: document.fileSha256, byteSize: document.byteSize, mediaType: document.mediaType },
        now,
      );
      const row = await trx
        .insertInto('contract_documents')
        .values({
          id: this.ids.newId(),
          submission_id: document.submissionId,
          kind: document.kind,
          file_sha256: document.fileSha256,
          file_name: document.fileName,
          byte_size: document.byteSize,
          added_by_kind: document.addedBy.kind,
          added_by: document.addedBy.id,
          added_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toDocument(row);
    });
  }

  async listForSubmission(submissionId: string): Promise<ContractDocument[]> {
    const rows = await this.db
      .selectFrom('contract_documents')
      .selectAll()
      .where('submission_id', '=', submissionId)
      .orderBy('added_at')
      .orderBy('id')
      .execute();
    return rows.map(toDocument);
  }

  async signedCopiesForCall(callId: string): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('contract_documents')
      .innerJoin('submissions', 'submissions.id', 'contract_documents.submission_id')
      .select(['contract_documents.submission_id as submission_id'])
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where('submissions.call_id', '=', callId)
      .where('contract_documents.kind', '=', 'signed')
      .groupBy('contract_documents.submission_id')
      .execute();
    return new Map(rows.map((r) => [r.submission_id, Number(r.count)]));
  }
}

function toDocument(row: Selectable<ContractDocumentsTable>): ContractDocument {
  const kind = row.kind as ContractDocumentKind;
  if (!CONTRACT_DOCUMENT_KINDS.includes(kind)) throw new RangeError(`Unknown contract document kind ${kind}`);
  return {
    id: row.id,
    submissionId: row.submission_id,
    kind,
    fileSha256: row.file_sha256,
    fileName: row.file_name,
    byteSize: Number(row.byte_size),
    addedBy: { kind: row.added_by_kind === 'author' ? 'author' : 'coordinator', id: row.added_by },
    addedAt: row.added_at,
  };
}
