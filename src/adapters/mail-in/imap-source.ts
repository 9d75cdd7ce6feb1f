import { ImapFlow } from 'imapflow';
import { AppError } from '../../domain/shared/errors.js';
import { essentialHeaders } from './header-only.js';
import { type MailLimits, mailLimits } from './limits.js';
import {
  type RawMessageSource,
  rawMessage,
  rawMessageOf,
  type SourceItem,
  sourceProblem,
  type TooLargeItem,
} from './raw-message.js';

/**
 * An IMAP mailbox as a mail source. Reading never changes the mailbox: sources are fetched with
 * BODY.PEEK, so nothing becomes \Seen. The import marks a message only once its bytes are stored
 * and its record committed (markProcessed), with a keyword that later fetches skip; it may then
 * move it to a folder. Nothing is ever expunged: MOVE is used only where the server has it, and
 * otherwise the message is copied and stays, flagged, where it was.
 *
 * "Not yet imported" is "without our keyword", not "unseen": a coordinator may well have read a
 * message in their mail program before the import ran.
 */
export interface ImapSettings {
  host: string;
  port: number;
  user: string;
  password: string;
  /** tls: TLS from the start (993); starttls: upgrade on 143; none: only on this machine (tests). */
  security: 'tls' | 'starttls' | 'none';
  /** The keyword that marks imported messages. */
  keyword?: string;
  /** Also set \Seen when marking (default true), so the mail program shows what was handled. */
  markSeen?: boolean;
  /** Move imported messages to this folder (created if missing). */
  moveTo?: string;
  limits?: Partial<MailLimits>;
  /** Certificate checks stay on unless a test turns them off. */
  rejectUnauthorized?: boolean;
}

export const IMPORTED_KEYWORD = '$AppelImported';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export class ImapSource {
  private readonly keyword: string;
  private readonly limits: MailLimits;

  private constructor(
    private readonly client: ImapFlow,
    private readonly settings: ImapSettings,
  ) {
    this.keyword = settings.keyword ?? IMPORTED_KEYWORD;
    this.limits = mailLimits(settings.limits);
  }

  static async connect(settings: ImapSettings): Promise<ImapSource> {
    if (settings.security === 'none' && !LOOPBACK.has(settings.host)) {
      // The password would cross the network in clear.
      throw new AppError('IMAP_CONNECTION_FAILED', {
        host: settings.host,
        detail: 'plain-text login refused',
      });
    }
    const client = new ImapFlow({
      host: settings.host,
      port: settings.port,
      secure: settings.security === 'tls',
      doSTARTTLS: settings.security === 'starttls' ? true : settings.security === 'none' ? false : undefined,
      auth: { user: settings.user, pass: settings.password },
      tls: { rejectUnauthorized: settings.rejectUnauthorized ?? true },
      // imapflow's logs would carry addresses and subjects: personal data stays out of logs.
      logger: false,
      disableAutoIdle: true,
    });
    client.on('error', () => {}); // a dropped connection surfaces on the next command instead
    try {
      await client.connect();
    } catch (e) {
      throw new AppError('IMAP_CONNECTION_FAILED', { host: settings.host, detail: imapDetail(e) });
    }
    const source = new ImapSource(client, settings);
    if (settings.moveTo) await source.ensureMailbox(settings.moveTo);
    return source;
  }

  /**
   * Messages of the mailbox without our keyword, oldest UID first, one at a time. Each carries
   * (mailbox, UIDVALIDITY, UID) and the internal date. One over the size cap comes with its header
   * alone (a too-large item), so that the import can record it, tell its sender and flag it.
   */
  async *fetchNew(
    mailbox = 'INBOX',
    options: { limit?: number } = {},
  ): AsyncGenerator<SourceItem | TooLargeItem> {
    const { uidValidity, sizes } = await this.listNew(mailbox, options.limit);
    for (const [uid, size] of sizes) {
      const source = {
        kind: 'imap' as const,
        location: `imap://${this.settings.host}/${encodeURIComponent(mailbox)};UIDVALIDITY=${uidValidity}/;UID=${uid}`,
        mailbox,
        uidValidity,
        uid,
      };
      if (size > this.limits.maxMessageBytes) {
        const item = await this.fetchHeaderOnly(source, size);
        if (item) yield item;
        continue;
      }
      const lock = await this.client.getMailboxLock(mailbox);
      let item: SourceItem | null = null;
      try {
        this.checkUidValidity(mailbox, uidValidity);
        const message = await this.client.fetchOne(
          String(uid),
          { uid: true, source: true, internalDate: true },
          { uid: true },
        );
        // false: expunged by someone else meanwhile; nothing to import.
        if (message !== false && message.source) {
          const at = message.internalDate ? new Date(message.internalDate) : undefined;
          item = rawMessage(source, message.source, at ? { at, from: 'imap-internal-date' } : undefined);
        }
      } finally {
        lock.release();
      }
      if (item) yield item;
    }
  }

  /**
   * A message over the cap: its header alone (BODY.PEEK[HEADER], at most maxHeaderBytes of it),
   * never its body, cut to the fields an answer needs. Null when someone expunged it meanwhile; a
   * problem, as before, when the server gives no header.
   */
  private async fetchHeaderOnly(
    source: RawMessageSource & { mailbox: string; uidValidity: number; uid: number },
    size: number,
  ): Promise<SourceItem | TooLargeItem | null> {
    const max = this.limits.maxMessageBytes;
    const lock = await this.client.getMailboxLock(source.mailbox);
    try {
      this.checkUidValidity(source.mailbox, source.uidValidity);
      const message = await this.client.fetchOne(
        String(source.uid),
        {
          uid: true,
          internalDate: true,
          bodyParts: [{ key: 'HEADER', maxLength: this.limits.maxHeaderBytes }],
        },
        { uid: true },
      );
      if (message === false) return null;
      if (!message.headers?.length) return sourceProblem(source, 'MAIL_TOO_LARGE', { size, max });
      const at = message.internalDate ? new Date(message.internalDate) : undefined;
      const header = essentialHeaders(message.headers);
      const raw = rawMessageOf(source, header, at ? { at, from: 'imap-internal-date' } : undefined);
      return { type: 'too-large', message: raw, size, max };
    } finally {
      lock.release();
    }
  }

  /** Marks one message as imported (after its record is committed); moves it if configured. */
  async markProcessed(source: Pick<RawMessageSource, 'mailbox' | 'uidValidity' | 'uid'>): Promise<void> {
    const { mailbox, uidValidity, uid } = source;
    if (mailbox === undefined || uidValidity === undefined || uid === undefined) {
      throw new TypeError('markProcessed needs an IMAP source (mailbox, uidValidity, uid)');
    }
    const lock = await this.client.getMailboxLock(mailbox);
    try {
      this.checkUidValidity(mailbox, uidValidity);
      const flags = [...(this.settings.markSeen === false ? [] : ['\\Seen']), this.keyword];
      await this.client.messageFlagsAdd(String(uid), flags, { uid: true });
      const { moveTo } = this.settings;
      if (moveTo && moveTo !== mailbox) {
        if (this.client.capabilities.has('MOVE'))
          await this.client.messageMove(String(uid), moveTo, { uid: true });
        else await this.client.messageCopy(String(uid), moveTo, { uid: true });
      }
    } finally {
      lock.release();
    }
  }

  async close(): Promise<void> {
    await this.client.logout().catch(() => this.client.close());
  }

  private async listNew(
    mailbox: string,
    limit = Number.POSITIVE_INFINITY,
  ): Promise<{ uidValidity: number; sizes: [number, number][] }> {
    const lock = await this.client.getMailboxLock(mailbox);
    try {
      const opened = this.client.mailbox;
      if (!opened)
        throw new AppError('IMAP_CONNECTION_FAILED', { host: this.settings.host, detail: 'no mailbox' });
      const permanent = opened.permanentFlags;
      if (!this.settings.moveTo && permanent && !permanent.has('\\*') && !permanent.has(this.keyword)) {
        throw new AppError('IMAP_KEYWORDS_UNSUPPORTED', { mailbox, keyword: this.keyword });
      }
      const uids = (await this.client.search({ unKeyword: this.keyword }, { uid: true })) || [];
      const chosen = [...uids].sort((a, b) => a - b).slice(0, limit);
      const sizes: [number, number][] = [];
      if (chosen.length) {
        for (const m of await this.client.fetchAll(
          chosen.join(','),
          { uid: true, size: true },
          { uid: true },
        )) {
          sizes.push([m.uid, m.size ?? 0]);
        }
      }
      return { uidValidity: Number(opened.uidValidity), sizes: sizes.sort((a, b) => a[0] - b[0]) };
    } finally {
      lock.release();
    }
  }

  private checkUidValidity(mailbox: string, expected: number): void {
    const actual = Number(this.client.mailbox ? this.client.mailbox.uidValidity : Number.NaN);
    if (actual !== expected) throw new AppError('IMAP_UIDVALIDITY_CHANGED', { mailbox, expected, actual });
  }

  private async ensureMailbox(path: string): Promise<void> {
    const list = await this.client.list();
    if (!list.some((m) => m.path === path)) await this.client.mailboxCreate(path);
  }
}

/** Sorted UIDs as an IMAP set with ranges ("1:5,7,9:12"): short even for a large mailbox. */
export function uidSet(sorted: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] as number) + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}:${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

function imapDetail(e: unknown): string {
  const err = e as { code?: unknown; serverResponseCode?: unknown; authenticationFailed?: unknown } | null;
  if (err?.authenticationFailed) return 'authentication failed';
  for (const value of [err?.serverResponseCode, err?.code]) if (typeof value === 'string') return value;
  return 'connection error';
}
