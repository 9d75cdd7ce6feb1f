import type { Executor } from '../transaction.js';

export interface FileRow {
  sha256: string;
  byteSize: number;
  mediaType: string;
}

/**
 * Records that the file store holds these bytes. The same content arriving again (a re-sent
 * e-mail, the same attachment in two submissions) is one row: the first record stays.
 */
export async function recordFile(db: Executor, file: FileRow, now: string): Promise<void> {
  await db
    .insertInto('files')
    .values({ sha256: file.sha256, byte_size: file.byteSize, media_type: file.mediaType, created_at: now })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}

export async function findFile(db: Executor, sha256: string): Promise<FileRow | null> {
  const row = await db.selectFrom('files').selectAll().where('sha256', '=', sha256).executeTakeFirst();
  return row ? { sha256: row.sha256, byteSize: row.byte_size, mediaType: row.media_type } : null;
}
