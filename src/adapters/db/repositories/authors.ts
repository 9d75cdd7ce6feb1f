import type { IdGenerator } from '../../../ports/id-generator.js';
import type { AuthorRecord, NewAuthor } from '../../../ports/submission-records.js';
import { fromFlag, toFlag } from '../codec.js';
import type { AuthorsTable } from '../schema.js';
import type { Executor } from '../transaction.js';

/** Inserts the authors in the order given (position 1 first) and returns them with their ids. */
export async function insertAuthors(
  db: Executor,
  ids: IdGenerator,
  submissionId: string,
  authors: readonly NewAuthor[],
): Promise<AuthorRecord[]> {
  if (authors.length === 0) return [];
  const rows: AuthorsTable[] = authors.map((a, i) => ({
    id: ids.newId(),
    submission_id: submissionId,
    position: i + 1,
    given_name: a.givenName,
    surname: a.surname,
    email: a.email ?? null,
    phone: a.phone ?? null,
    postal_address: a.postalAddress ?? null,
    is_contact: toFlag(a.isContact),
    requested_order: toFlag(a.requestedOrder),
  }));
  await db.insertInto('authors').values(rows).execute();
  return rows.map(toAuthor);
}

export async function listAuthors(db: Executor, submissionId: string): Promise<AuthorRecord[]> {
  const rows = await db
    .selectFrom('authors')
    .selectAll()
    .where('submission_id', '=', submissionId)
    .orderBy('position')
    .execute();
  return rows.map(toAuthor);
}

function toAuthor(row: AuthorsTable): AuthorRecord {
  const author: AuthorRecord = {
    id: row.id,
    position: row.position,
    givenName: row.given_name,
    surname: row.surname,
    isContact: fromFlag(row.is_contact),
    requestedOrder: fromFlag(row.requested_order),
  };
  if (row.email !== null) author.email = row.email;
  if (row.phone !== null) author.phone = row.phone;
  if (row.postal_address !== null) author.postalAddress = row.postal_address;
  return author;
}
