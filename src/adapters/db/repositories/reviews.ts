import type { Selectable } from 'kysely';
import {
  RECOMMENDATIONS,
  REVIEW_STATES,
  type Recommendation,
  type ReviewState,
} from '../../../domain/editorial/review.js';
import type { Clock } from '../../../ports/clock.js';
import type { IdGenerator } from '../../../ports/id-generator.js';
import type { NewReview, ReviewRecord, ReviewStore, ReviewTally } from '../../../ports/reviews.js';
import { toIso } from '../codec.js';
import type { ReviewsTable } from '../schema.js';
import type { Executor } from '../transaction.js';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The ReviewStore port over Kysely; the same code on SQLite and PostgreSQL. */
export class KyselyReviewStore implements ReviewStore {
  constructor(
    private readonly db: Executor,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async create(review: NewReview): Promise<ReviewRecord> {
    if (!SHA256_HEX.test(review.tokenHash))
      throw new RangeError('A review link is stored by its SHA-256 (hex)');
    const row = await this.db
      .insertInto('reviews')
      .values({
        id: this.ids.newId(),
        submission_id: review.submissionId,
        version_number: review.versionNumber,
        token_hash: review.tokenHash,
        reader_name: review.readerName,
        reader_email: review.readerEmail,
        due_on: review.dueOn,
        note: review.note,
        state: 'invited',
        asked_at: toIso(this.clock.now()),
        asked_by: review.askedBy,
        recommendation: null,
        for_authors: null,
        for_committee: null,
        answered_at: null,
        shared_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toReview(row);
  }

  async tallyForCall(callId: string): Promise<Map<string, ReviewTally>> {
    const rows = await this.db
      .selectFrom('reviews')
      .innerJoin('submissions', 'submissions.id', 'reviews.submission_id')
      .select(['reviews.submission_id as submission_id', 'reviews.state as state'])
      .where('submissions.call_id', '=', callId)
      .where('reviews.state', 'in', ['invited', 'submitted'])
      .execute();
    const tally = new Map<string, ReviewTally>();
    for (const row of rows) {
      const entry = tally.get(row.submission_id) ?? { standing: 0, given: 0 };
      entry.standing += 1;
      if (row.state === 'submitted') entry.given += 1;
      tally.set(row.submission_id, entry);
    }
    return tally;
  }

  async findByTokenHash(tokenHash: string): Promise<ReviewRecord | null> {
    if (!SHA256_HEX.test(tokenHash)) return null;
    const row = await this.db
      .selectFrom('reviews')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row ? toReview(row) : null;
  }

  async findById(id: string): Promise<ReviewRecord | null> {
    const row = await this.db.selectFrom('reviews').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toReview(row) : null;
  }

  async listForSubmission(submissionId: string): Promise<ReviewRecord[]> {
    const rows = await this.db
      .selectFrom('reviews')
      .selectAll()
      .where('submission_id', '=', submissionId)
      .orderBy('asked_at')
      .orderBy('id')
      .execute();
    return rows.map(toReview);
  }

  async replaceLink(id: string, tokenHash: string): Promise<boolean> {
    if (!SHA256_HEX.test(tokenHash)) throw new RangeError('A review link is stored by its SHA-256 (hex)');
    const result = await this.db
      .updateTable('reviews')
      .set({ token_hash: tokenHash })
      .where('id', '=', id)
      .where('state', '=', 'invited')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async share(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const result = await this.db
      .updateTable('reviews')
      .set({ shared_at: toIso(this.clock.now()) })
      .where('id', 'in', [...ids])
      .where('state', '=', 'submitted')
      .where('shared_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async answer(
    id: string,
    from: readonly ReviewState[],
    to: ReviewState,
    opinion?: { recommendation: Recommendation; forAuthors: string; forCommittee: string | null },
  ): Promise<boolean> {
    if (from.length === 0) return false;
    const result = await this.db
      .updateTable('reviews')
      .set({
        state: to,
        ...(to === 'cancelled' ? {} : { answered_at: toIso(this.clock.now()) }),
        ...(opinion
          ? {
              recommendation: opinion.recommendation,
              for_authors: opinion.forAuthors,
              for_committee: opinion.forCommittee,
            }
          : {}),
      })
      .where('id', '=', id)
      .where('state', 'in', [...from])
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}

function toReview(row: Selectable<ReviewsTable>): ReviewRecord {
  return {
    id: row.id,
    submissionId: row.submission_id,
    versionNumber: Number(row.version_number),
    readerName: row.reader_name,
    readerEmail: row.reader_email,
    dueOn: row.due_on,
    note: row.note,
    state: oneOf(REVIEW_STATES, row.state, 'state'),
    askedAt: row.asked_at,
    askedBy: row.asked_by,
    recommendation:
      row.recommendation === null ? null : oneOf(RECOMMENDATIONS, row.recommendation, 'recommendation'),
    forAuthors: row.for_authors,
    forCommittee: row.for_committee,
    answeredAt: row.answered_at,
    sharedAt: row.shared_at,
  };
}

/** A value the table's CHECK constraint allows; anything else means the schema and the code disagree. */
function oneOf<T extends string>(values: readonly T[], value: string, column: string): T {
  if ((values as readonly string[]).includes(value)) return value as T;
  throw new RangeError(`reviews.${column} holds an unknown value`);
}
