/**
 * Conversions between JS values and column values, the same on both dialects.
 *
 * Timestamps are stored as TEXT, ISO 8601 in UTC with milliseconds ("2026-03-01T22:59:59.000Z"),
 * on SQLite AND on PostgreSQL. Why not timestamptz on PostgreSQL: pg returns Date objects for it
 * while better-sqlite3 returns strings, comparisons against parameters would differ, and the one
 * repository code would need two code paths. A fixed-width ISO string in UTC sorts and compares
 * as text exactly as it does in time (PostgreSQL columns use COLLATE "C" so that no locale
 * collation gets in the way). The price: date arithmetic happens in JS, not in SQL — which is
 * where the Clock port wants it anyway.
 */
export function toIso(date: Date): string {
  const iso = date.toISOString(); // throws RangeError on an invalid date
  // Years outside 0000–9999 give a longer, extended form that would not sort as text.
  if (iso.length !== 24) throw new RangeError(`Timestamp out of the storable range: ${iso}`);
  return iso;
}

export function addMs(iso: string, ms: number): string {
  return toIso(new Date(Date.parse(iso) + ms));
}

/** JSON columns are TEXT on both dialects (see schema.ts). */
export function encodeJson(value: unknown): string {
  return JSON.stringify(value);
}

export function encodeJsonOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

export function decodeJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

export function decodeJsonOrNull<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}

export function toFlag(value: boolean | undefined): number {
  return value ? 1 : 0;
}

export function fromFlag(value: number | boolean): boolean {
  return value === 1 || value === true;
}
