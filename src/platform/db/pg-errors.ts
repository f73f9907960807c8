// Recognising PostgreSQL errors by SQLSTATE, the same on PGlite and node-postgres.

const sqlState = (error: unknown): string | undefined => {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
};

/** 23505: a unique constraint or index refused the row. */
export const isUniqueViolation = (error: unknown): boolean => sqlState(error) === '23505';

/** 23503: a foreign key refused the row. */
export const isForeignKeyViolation = (error: unknown): boolean => sqlState(error) === '23503';

/** The name of the violated constraint, when the driver reports it. */
export function constraintOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const name = (error as { constraint?: unknown }).constraint;
  return typeof name === 'string' ? name : undefined;
}
