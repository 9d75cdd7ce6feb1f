import type { Clock } from '../../ports/clock.js';
import type { MessageEntry, MessageLedger, NewMessageEntry } from '../../ports/message-ledger.js';
import { toIso } from './codec.js';
import {
  countRepliesSince,
  findByImapUid,
  findBySha256,
  findSubmissionByMessageIds,
  findSubmissionsBySender,
  insertMessage,
} from './repositories/messages.js';
import type { Executor } from './transaction.js';

/** The MessageLedger port over Kysely; the same code on SQLite and PostgreSQL. */
export class KyselyMessageLedger implements MessageLedger {
  constructor(
    private readonly db: Executor,
    private readonly clock: Clock,
  ) {}

  record(entry: NewMessageEntry): Promise<MessageEntry> {
    return insertMessage(this.db, entry, toIso(this.clock.now()));
  }

  findBySha256(sha256: string): Promise<MessageEntry | null> {
    return findBySha256(this.db, sha256);
  }

  findByImapUid(mailbox: string, uidValidity: number, uid: number): Promise<MessageEntry | null> {
    return findByImapUid(this.db, mailbox, uidValidity, uid);
  }

  findSubmissionByMessageIds(callId: string, messageIds: readonly string[]): Promise<string | null> {
    return findSubmissionByMessageIds(this.db, callId, messageIds);
  }

  findSubmissionsBySender(callId: string, senderKey: string): Promise<string[]> {
    return findSubmissionsBySender(this.db, callId, senderKey);
  }

  countRepliesSince(senderKey: string, since: Date): Promise<number> {
    return countRepliesSince(this.db, senderKey, toIso(since));
  }
}
