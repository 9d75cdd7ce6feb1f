import type { Selectable } from 'kysely';
import type { Finding } from '../../../domain/shared/finding.js';
import type { StoredFinding } from '../../../ports/submission-records.js';
import { decodeJsonOrNull, encodeJsonOrNull } from '../codec.js';
import type { FindingsTable } from '../schema.js';
import type { Executor } from '../transaction.js';

/** Stores findings about a submission, or about one of its versions when versionId is given. */
export async function insertFindings(
  db: Executor,
  submissionId: string,
  versionId: string | null,
  findings: readonly Finding[],
): Promise<void> {
  if (findings.length === 0) return;
  await db
    .insertInto('findings')
    .values(
      findings.map((f) => ({
        submission_id: submissionId,
        version_id: versionId,
        code: f.code,
        severity: f.severity,
        message_fr: f.message.fr,
        message_en: f.message.en,
        fix_fr: f.fix?.fr ?? null,
        fix_en: f.fix?.en ?? null,
        data: encodeJsonOrNull(f.data),
      })),
    )
    .execute();
}

/** All findings of a submission, in the order they were stored. */
export async function listFindings(db: Executor, submissionId: string): Promise<StoredFinding[]> {
  const rows = await db
    .selectFrom('findings')
    .selectAll()
    .where('submission_id', '=', submissionId)
    .orderBy('id')
    .execute();
  return rows.map(toFinding);
}

function toFinding(row: Selectable<FindingsTable>): StoredFinding {
  const f: StoredFinding = {
    id: row.id,
    versionId: row.version_id,
    code: row.code,
    severity: row.severity as Finding['severity'],
    message: { fr: row.message_fr, en: row.message_en },
  };
  if (row.fix_fr !== null && row.fix_en !== null) f.fix = { fr: row.fix_fr, en: row.fix_en };
  const data = decodeJsonOrNull<NonNullable<Finding['data']>>(row.data);
  if (data !== null) f.data = data;
  return f;
}
