import { createHash } from 'node:crypto';
import type { DbHandle } from '../../../src/adapters/db/connect.js';
import { KyselyCallStore } from '../../../src/adapters/db/kysely-call-store.js';
import { KyselyMessageLedger } from '../../../src/adapters/db/kysely-message-ledger.js';
import { KyselyOutbox } from '../../../src/adapters/db/kysely-outbox.js';
import { KyselySubmissionStore } from '../../../src/adapters/db/kysely-submission-store.js';
import { KyselyUnitOfWork } from '../../../src/adapters/db/kysely-unit-of-work.js';
import { migrateToLatest } from '../../../src/adapters/db/migrate.js';
import { finding } from '../../../src/domain/shared/finding.js';
import { manualClock } from '../../../src/ports/clock.js';
import { randomIds } from '../../../src/ports/id-generator.js';
import type { RetryPolicy } from '../../../src/ports/outbox.js';
import type { NewSubmission, NewVersion } from '../../../src/ports/submission-records.js';

export const T0 = '2026-03-01T09:00:00.000Z';
export const RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 10_000 };

/** Stores over one migrated database, sharing a clock the test moves by hand. */
export async function storesFor(handle: DbHandle) {
  await migrateToLatest(handle);
  const clock = manualClock(T0);
  return {
    clock,
    calls: new KyselyCallStore(handle.db, clock, randomIds),
    submissions: new KyselySubmissionStore(handle.db, clock, randomIds),
    outbox: new KyselyOutbox(handle.db, handle.dialect, clock, RETRY),
    messages: new KyselyMessageLedger(handle.db, clock),
    unitOfWork: new KyselyUnitOfWork(handle.db, clock, randomIds),
  };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

let keyCounter = 0;
export function uniqueKey(prefix = 'msg'): string {
  return `${prefix}-${++keyCounter}-${Math.random().toString(36).slice(2, 8)}@exemple.fr`;
}

/** An analysis as the readers produce it: nested, with French text, numbers, booleans, nulls. */
export const ANALYSIS = {
  format: 'docx',
  counts: {
    signes: { body: 21_345, notes: 1_204, textboxes: 0, total: 22_549 },
    subdocsIncluded: true,
    approximate: false,
    leftOut: { fieldCodeChars: 1840, paragraphMarks: 212, headersFooters: true },
  },
  facts: {
    core: { creator: null, title: 'L’accueil inconditionnel — « éprouvé » au quotidien' },
    languages: ['fr-FR'],
  },
  notes: [],
};

export function newVersion(overrides: Partial<NewVersion> = {}): NewVersion {
  return {
    fileSha256: sha256('manuscrit v1'),
    fileName: 'Manuscrit – Éloïse Dupré.docx',
    format: 'docx',
    byteSize: 48_213,
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    analysis: ANALYSIS,
    signesTotal: 22_549,
    receivedAt: new Date('2026-03-01T08:59:00Z'),
    findings: [
      finding(
        'LENGTH_OK',
        'info',
        { fr: 'Longueur : 22 549 signes, dans la fourchette.', en: 'Length: 22,549 signes, within range.' },
        undefined,
        { signes: 22_549, min: 5000, max: 30_000 },
      ),
    ],
    ...overrides,
  };
}

export function newSubmission(callId: string, overrides: Partial<NewSubmission> = {}): NewSubmission {
  const key = overrides.idempotencyKey ?? uniqueKey();
  return {
    callId,
    title: 'Travail social et hospitalité : « faire avec » l’imprévu',
    channel: 'email',
    axis: 'Axe 2 — Pratiques',
    receivedAt: new Date('2026-03-01T08:59:00Z'),
    idempotencyKey: key,
    late: false,
    status: 'received',
    authors: [
      {
        givenName: 'Éloïse',
        surname: 'Dupré',
        email: 'eloise.dupre@exemple.fr',
        phone: '+262 692 12 34 56',
        postalAddress: '12 rue des Fleurs, 97400 Saint-Denis',
        isContact: true,
      },
      { givenName: 'Jean-François', surname: 'de La Fontaine', isContact: false, requestedOrder: true },
    ],
    version: newVersion(),
    findings: [
      finding(
        'PHONE_FOREIGN',
        'warning',
        { fr: 'Numéro d’outre-mer détecté.', en: 'Overseas number detected.' },
        {
          fr: 'Vérifiez l’indicatif.',
          en: 'Check the prefix.',
        },
      ),
    ],
    event: {
      actor: { kind: 'system' },
      channel: 'email',
      action: 'submission.received',
      detail: { signes: 22_549 },
    },
    outbox: [
      { kind: 'receipt', payload: { template: 'accuse-reception' }, dedupeKey: `receipt:${callId}:${key}` },
    ],
    ...overrides,
  };
}

/** Rows in every table: to show that a failed transaction left nothing behind. */
export async function countRows(handle: DbHandle): Promise<Record<string, number>> {
  const tables = [
    'calls',
    'submissions',
    'authors',
    'manuscript_versions',
    'findings',
    'events',
    'outbox',
    'files',
    'messages',
  ] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await handle.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}
