import { type Selectable, sql } from 'kysely';
import { AppError } from '../../../domain/shared/errors.js';
import type {
  AuthorLinkRecord,
  AuthorLinkStore,
  ContactDetailsUpdate,
  ContactSubmission,
  NewAuthorLink,
} from '../../../ports/author-links.js';
import type { Clock } from '../../../ports/clock.js';
import { toIso } from '../codec.js';
import { isUniqueViolation } from '../db-errors.js';
import type { AuthorLinksTable } from '../schema.js';
import { type Executor, withTransaction } from '../transaction.js';
import { insertFindings } from './findings.js';
import { setContactAuthor, touchSubmission } from './submissions.js';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The AuthorLinkStore port over Kysely; the same code on SQLite and PostgreSQL. */
export class KyselyAuthorLinkStore implements AuthorLinkStore {
  constructor(
    private readonly db: Executor,
    private readonly clock: Clock,
  ) {}

  async create(link: NewAuthorLink): Promise<AuthorLinkRecord> {
    if (!SHA256_HEX.test(link.tokenHash))
      throw new RangeError('An author link is stored by its SHA-256 (hex)');
    try {
      const row = await this.db
        .insertInto('author_links')
        .values({
          token_hash: link.tokenHash,
          submission_id: link.submissionId,
          created_at: toIso(this.clock.now()),
          revoked_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toLink(row);
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('SUBMISSION_DUPLICATE');
      throw e;
    }
  }

  async findLive(tokenHash: string): Promise<AuthorLinkRecord | null> {
    if (!SHA256_HEX.test(tokenHash)) return null;
    const row = await this.db
      .selectFrom('author_links')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row ? toLink(row) : null;
  }

  async revoke(tokenHash: string): Promise<boolean> {
    const result = await this.db
      .updateTable('author_links')
      .set({ revoked_at: toIso(this.clock.now()) })
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async listForSubmission(submissionId: string): Promise<AuthorLinkRecord[]> {
    const rows = await this.db
      .selectFrom('author_links')
      .selectAll()
      .where('submission_id', '=', submissionId)
      .where('revoked_at', 'is', null)
      .orderBy('created_at')
      .orderBy('token_hash')
      .execute();
    return rows.map(toLink);
  }

  async findForContact(callId: string, email: string, limit: number): Promise<ContactSubmission[]> {
    const rows = await this.db
      .selectFrom('submissions')
      .innerJoin('authors', 'authors.id', 'submissions.contact_author_id')
      .select([
        'submissions.id as id',
        'submissions.title as title',
        'submissions.received_at as received_at',
        'authors.email as email',
        'authors.given_name as given_name',
        'authors.surname as surname',
      ])
      .where('submissions.call_id', '=', callId)
      // lower() on both sides: PostgreSQL's folds every letter, SQLite's ASCII only.
      .where(sql<string>`lower(${sql.ref('authors.email')})`, '=', sql<string>`lower(${email.trim()})`)
      .orderBy('submissions.received_at', 'desc')
      .orderBy('submissions.id')
      .limit(Math.max(0, Math.trunc(limit)))
      .execute();
    return rows.map((r) => ({
      submissionId: r.id,
      title: r.title,
      receivedAt: r.received_at,
      contactEmail: r.email ?? '',
      givenName: r.given_name,
      surname: r.surname,
    }));
  }

  recordContactDetails(update: ContactDetailsUpdate): Promise<void> {
    return withTransaction(this.db, async (trx) => {
      // Touch first: the row lock (PostgreSQL) orders this change after any concurrent one, and
      // a pending decision based on the older details becomes stale.
      await touchSubmission(trx, update.submissionId, toIso(this.clock.now()));
      const authors = await trx
        .selectFrom('authors')
        .select(['id', 'is_contact'])
        .where('submission_id', '=', update.submissionId)
        .orderBy('position')
        .execute();
      let contactId = authors.length === 1 ? authors[0]?.id : authors.find((a) => a.is_contact === 1)?.id;
      if (update.contactAuthorId !== undefined) {
        if (!authors.some((a) => a.id === update.contactAuthorId)) {
          throw new Error('The contact must be one of the submission’s authors');
        }
        contactId = update.contactAuthorId;
        await trx
          .updateTable('authors')
          .set((eb) => ({
            is_contact: eb
              .case()
              .when('id', '=', contactId as string)
              .then(1)
              .else(0)
              .end(),
          }))
          .where('submission_id', '=', update.submissionId)
          .execute();
        await setContactAuthor(trx, update.submissionId, contactId);
      }
      const details = {
        ...(update.contactEmail !== undefined ? { email: update.contactEmail } : {}),
        ...(update.phone !== undefined ? { phone: update.phone } : {}),
        ...(update.postalAddress !== undefined ? { postal_address: update.postalAddress } : {}),
      };
      if (Object.keys(details).length > 0) {
        if (contactId === undefined) throw new Error('Contact details need a contact person');
        await trx.updateTable('authors').set(details).where('id', '=', contactId).execute();
      }
      await trx
        .deleteFrom('findings')
        .where('submission_id', '=', update.submissionId)
        .where('version_id', 'is', null)
        .execute();
      await insertFindings(trx, update.submissionId, null, update.findings);
    });
  }
}

function toLink(row: Selectable<AuthorLinksTable>): AuthorLinkRecord {
  return {
    tokenHash: row.token_hash,
    submissionId: row.submission_id,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}
