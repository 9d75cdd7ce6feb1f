/**
 * Recognises a unique-constraint violation from either driver, so that repositories can turn
 * it into a coded AppError (a duplicate submission is an expected event, not a crash).
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === '23505' || // PostgreSQL unique_violation
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/** Words of a driver error worth reporting; PostgreSQL and SQLite messages hold no row values. */
export function driverMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
