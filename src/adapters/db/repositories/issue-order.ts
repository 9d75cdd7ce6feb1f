import type { Clock } from '../../../ports/clock.js';
import type { IssueOrderStore } from '../../../ports/issue-order.js';
import { toIso } from '../codec.js';
import { type Executor, withTransaction } from '../transaction.js';

/** The IssueOrderStore port over Kysely; the same code on SQLite and PostgreSQL. */
export class KyselyIssueOrderStore implements IssueOrderStore {
  constructor(
    private readonly db: Executor,
    private readonly clock: Clock,
  ) {}

  async positions(callId: string): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('issue_order')
      .select(['submission_id', 'position'])
      .where('call_id', '=', callId)
      .execute();
    return new Map(rows.map((r) => [r.submission_id, Number(r.position)]));
  }

  replace(callId: string, submissionIds: readonly string[]): Promise<void> {
    return withTransaction(this.db, async (trx) => {
      await trx.deleteFrom('issue_order').where('call_id', '=', callId).execute();
      if (submissionIds.length === 0) return;
      const at = toIso(this.clock.now());
      await trx
        .insertInto('issue_order')
        .values(
          submissionIds.map((id, i) => ({
            submission_id: id,
            call_id: callId,
            position: i + 1,
            updated_at: at,
          })),
        )
        .execute();
    });
  }
}
