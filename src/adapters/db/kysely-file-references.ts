import type { NotNull } from 'kysely';
import type { FileReferences } from '../../ports/file-references.js';
import type { Executor } from './transaction.js';

/**
 * The stored files the records name: the files table (every version's file is recorded there),
 * the versions themselves, the contract's files, the readers' files and their anonymised copies,
 * and the message ledger (an e-mail's raw bytes are stored under the hash the ledger keeps). One
 * query per call; the caller keeps the list short (a few hundred).
 */
export class KyselyFileReferences implements FileReferences {
  constructor(private readonly db: Executor) {}

  async referenced(sha256s: readonly string[]): Promise<Set<string>> {
    if (sha256s.length === 0) return new Set();
    const wanted = [...sha256s];
    const rows = await this.db
      .selectFrom('files')
      .select('sha256 as sha')
      .where('sha256', 'in', wanted)
      .union(
        this.db
          .selectFrom('manuscript_versions')
          .select('file_sha256 as sha')
          .where('file_sha256', 'in', wanted),
      )
      .union(this.db.selectFrom('messages').select('sha256 as sha').where('sha256', 'in', wanted))
      .union(
        this.db
          .selectFrom('contract_documents')
          .select('file_sha256 as sha')
          .where('file_sha256', 'in', wanted),
      )
      .union(
        this.db.selectFrom('review_files').select('file_sha256 as sha').where('file_sha256', 'in', wanted),
      )
      .union(
        this.db
          .selectFrom('review_files')
          .select('anonymised_sha256 as sha')
          .where('anonymised_sha256', 'in', wanted)
          // `in` never matches a null: every row here has its copy.
          .$narrowType<{ sha: NotNull }>(),
      )
      .execute();
    return new Set(rows.map((r) => r.sha));
  }
}
