import type { Selectable } from 'kysely';
import type { FileKind } from '../../../domain/manuscript/model.js';
import type { JsonValue } from '../../../ports/json.js';
import type { NewVersion, VersionRecord } from '../../../ports/submission-records.js';
import { decodeJsonOrNull, encodeJsonOrNull, toIso } from '../codec.js';
import type { ManuscriptVersionsTable } from '../schema.js';
import type { Executor } from '../transaction.js';
import { recordFile } from './files.js';
import { insertFindings } from './findings.js';

/**
 * Stores a manuscript version (its file row first, then the version, then its findings).
 * The caller decides the number; (submission_id, number) is unique, so a race cannot give two
 * versions the same number.
 */
export async function insertVersion(
  db: Executor,
  id: string,
  submissionId: string,
  number: number,
  version: NewVersion,
  now: string,
): Promise<VersionRecord> {
  await recordFile(
    db,
    { sha256: version.fileSha256, byteSize: version.byteSize, mediaType: version.mediaType },
    now,
  );
  const row = await db
    .insertInto('manuscript_versions')
    .values({
      id,
      submission_id: submissionId,
      number,
      file_sha256: version.fileSha256,
      file_name: version.fileName,
      format: version.format,
      byte_size: version.byteSize,
      analysis: encodeJsonOrNull(version.analysis),
      signes_total: version.signesTotal,
      received_at: toIso(version.receivedAt),
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await insertFindings(db, submissionId, id, version.findings);
  return toVersion(row);
}

export async function lastVersionNumber(db: Executor, submissionId: string): Promise<number> {
  const row = await db
    .selectFrom('manuscript_versions')
    .select('number')
    .where('submission_id', '=', submissionId)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.number ?? 0;
}

/** Oldest first. */
export async function listVersions(db: Executor, submissionId: string): Promise<VersionRecord[]> {
  const rows = await db
    .selectFrom('manuscript_versions')
    .selectAll()
    .where('submission_id', '=', submissionId)
    .orderBy('number')
    .execute();
  return rows.map(toVersion);
}

function toVersion(row: Selectable<ManuscriptVersionsTable>): VersionRecord {
  return {
    id: row.id,
    submissionId: row.submission_id,
    number: row.number,
    fileSha256: row.file_sha256,
    fileName: row.file_name,
    format: row.format as FileKind,
    byteSize: row.byte_size,
    analysis: decodeJsonOrNull<JsonValue>(row.analysis),
    signesTotal: row.signes_total,
    receivedAt: row.received_at,
  };
}
