import type { Selectable } from 'kysely';
import type { Clock } from '../../../ports/clock.js';
import type { IdGenerator } from '../../../ports/id-generator.js';
import type { NewReviewFile, ReviewFile, ReviewFileStore } from '../../../ports/review-files.js';
import { toIso } from '../codec.js';
import type { ReviewFilesTable } from '../schema.js';
import { type Executor, withTransaction } from '../transaction.js';
import { recordFile } from './files.js';

/** The ReviewFileStore port over Kysely; the same code on SQLite and PostgreSQL. */
export class KyselyReviewFileStore implements ReviewFileStore {
  constructor(
    private readonly db: Executor,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async add(file: NewReviewFile): Promise<ReviewFile> {
    const now = toIso(this.clock.now());
    return withTransaction(this.db, async (trx) => {
      await recordFile(
        trx,
        { sha256: file.fileSha256, byteSize: file.byteSize, mediaType: file.mediaType },
        now,
      );
      if (file.anonymised) {
        await recordFile(
          trx,
          {
            sha256: file.anonymised.sha256,
            byteSize: file.anonymised.byteSize,
            mediaType: file.anonymised.mediaType,
          },
          now,
        );
      }
      const row = await trx
        .insertInto('review_files')
        .values({
          id: this.ids.newId(),
          review_id: file.reviewId,
          submission_id: file.submissionId,
          file_sha256: file.fileSha256,
          file_name: file.fileName,
          byte_size: file.byteSize,
          anonymised_sha256: file.anonymised?.sha256 ?? null,
          anonymised_byte_size: file.anonymised?.byteSize ?? null,
          added_at: now,
          shared_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toReviewFile({ ...row, media_type: file.mediaType });
    });
  }

  async listForSubmission(submissionId: string): Promise<ReviewFile[]> {
    // The media type is the files table's: recorded once per content, when it was first kept.
    const rows = await this.db
      .selectFrom('review_files')
      .innerJoin('files', 'files.sha256', 'review_files.file_sha256')
      .selectAll('review_files')
      .select('files.media_type')
      .where('review_files.submission_id', '=', submissionId)
      .orderBy('review_files.added_at')
      .orderBy('review_files.id')
      .execute();
    return rows.map(toReviewFile);
  }

  async share(reviewIds: readonly string[]): Promise<number> {
    if (reviewIds.length === 0) return 0;
    const result = await this.db
      .updateTable('review_files')
      .set({ shared_at: toIso(this.clock.now()) })
      .where('review_id', 'in', [...reviewIds])
      .where('anonymised_sha256', 'is not', null)
      .where('shared_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}

function toReviewFile(row: Selectable<ReviewFilesTable> & { media_type: string }): ReviewFile {
  return {
    id: row.id,
    reviewId: row.review_id,
    submissionId: row.submission_id,
    fileSha256: row.file_sha256,
    fileName: row.file_name,
    byteSize: Number(row.byte_size),
    mediaType: row.media_type,
    anonymised:
      row.anonymised_sha256 === null
        ? null
        : { sha256: row.anonymised_sha256, byteSize: Number(row.anonymised_byte_size) },
    addedAt: row.added_at,
    sharedAt: row.shared_at,
  };
}
