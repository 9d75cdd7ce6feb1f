import type { Clock } from '../../ports/clock.js';
import type { IdGenerator } from '../../ports/id-generator.js';
import type { TransactionStores, UnitOfWork } from '../../ports/message-ledger.js';
import { toIso } from './codec.js';
import { KyselyMessageLedger } from './kysely-message-ledger.js';
import { KyselySubmissionStore } from './kysely-submission-store.js';
import { KyselyAuthorLinkStore } from './repositories/author-links.js';
import { KyselyContractDocumentStore } from './repositories/contract-documents.js';
import { KyselyEditorialNoteStore } from './repositories/editorial-notes.js';
import { KyselyIssueOrderStore } from './repositories/issue-order.js';
import { enqueue } from './repositories/outbox.js';
import { KyselyReviewFileStore } from './repositories/review-files.js';
import { KyselyReviewStore } from './repositories/reviews.js';
import { type Executor, withTransaction } from './transaction.js';

/**
 * The UnitOfWork port over Kysely: ONE transaction, and stores built over it. The stores' own
 * multi-step writes (recordSubmission, addVersion…) call withTransaction, which joins this
 * transaction instead of nesting, so everything `fn` writes commits together or not at all.
 *
 * Inside `fn`, use only the stores it is given: a store built over the database itself would
 * write outside the transaction (PostgreSQL: another connection), or — on SQLite, whose one
 * connection the transaction holds — wait for it for ever.
 */
export class KyselyUnitOfWork implements UnitOfWork {
  constructor(
    private readonly db: Executor,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  run<T>(fn: (stores: TransactionStores) => Promise<T>): Promise<T> {
    return withTransaction(this.db, (trx) =>
      fn({
        submissions: new KyselySubmissionStore(trx, this.clock, this.ids),
        messages: new KyselyMessageLedger(trx, this.clock),
        outbox: {
          enqueue: (message) => enqueue(trx, message, toIso(this.clock.now()), { onDuplicate: 'ignore' }),
        },
        authorLinks: new KyselyAuthorLinkStore(trx, this.clock),
        reviews: new KyselyReviewStore(trx, this.clock, this.ids),
        issueOrder: new KyselyIssueOrderStore(trx, this.clock),
        contractDocuments: new KyselyContractDocumentStore(trx, this.clock, this.ids),
        reviewFiles: new KyselyReviewFileStore(trx, this.clock, this.ids),
        editorialNotes: new KyselyEditorialNoteStore(trx, this.clock, this.ids),
      }),
    );
  }
}
