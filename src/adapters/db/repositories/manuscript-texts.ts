import { sql } from 'kysely';
import type { Clock } from '../../../ports/clock.js';
import type { ManuscriptTextIndex } from '../../../ports/manuscript-texts.js';
import { toIso } from '../codec.js';
import type { Executor } from '../transaction.js';

/** Hashes per query: well under SQLite's and PostgreSQL's limits on bound values. */
const CHUNK = 500;

/** A LIKE pattern that finds `word` anywhere, its own % _ and \ taken literally. */
function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The ManuscriptTextIndex port over Kysely; the same code on SQLite and PostgreSQL. A LIKE per
 * word over the folded texts: a call holds hundreds of manuscripts of a few tens of thousands of
 * characters, which both databases scan in milliseconds; see docs/ARCHITECTURE.md for why not a
 * full-text engine.
 */
export class KyselyManuscriptTextIndex implements ManuscriptTextIndex {
  constructor(
    private readonly db: Executor,
    private readonly clock: Clock,
  ) {}

  async missing(sha256s: readonly string[]): Promise<string[]> {
    const known = new Set<string>();
    for (const chunk of chunks(sha256s)) {
      const rows = await this.db
        .selectFrom('manuscript_texts')
        .select('file_sha256')
        .where('file_sha256', 'in', chunk)
        .execute();
      for (const row of rows) known.add(row.file_sha256);
    }
    return [...new Set(sha256s)].filter((sha) => !known.has(sha));
  }

  async put(sha256: string, folded: string): Promise<void> {
    await this.db
      .insertInto('manuscript_texts')
      .values({ file_sha256: sha256, folded, indexed_at: toIso(this.clock.now()) })
      .onConflict((oc) => oc.column('file_sha256').doNothing())
      .execute();
  }

  async containing(sha256s: readonly string[], words: readonly string[]): Promise<Map<string, Set<string>>> {
    const found = new Map<string, Set<string>>();
    for (const word of new Set(words)) {
      const files = new Set<string>();
      for (const chunk of chunks(sha256s)) {
        const rows = await this.db
          .selectFrom('manuscript_texts')
          .select('file_sha256')
          .where('file_sha256', 'in', chunk)
          .where(sql<boolean>`folded like ${containsPattern(word)} escape ${'\\'}`)
          .execute();
        for (const row of rows) files.add(row.file_sha256);
      }
      found.set(word, files);
    }
    return found;
  }
}

function chunks(values: readonly string[]): string[][] {
  const unique = [...new Set(values)];
  const out: string[][] = [];
  for (let i = 0; i < unique.length; i += CHUNK) out.push(unique.slice(i, i + CHUNK));
  return out;
}
