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

const UNAVAILABLE_STATES = new Set([
  '53300',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
  '08001',
  '08004',
]);
const UNAVAILABLE_MESSAGES = [
  'timeout exceeded when trying to connect', // pg-pool: no free connection within connectionTimeoutMillis
  'Connection terminated',
  'connect ECONNREFUSED',
];

/** The database cannot serve now (pool exhausted, server down or restarting): try again shortly. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const state = sqlState(error);
  if (state && UNAVAILABLE_STATES.has(state)) return true;
  const message = error instanceof Error ? error.message : '';
  return UNAVAILABLE_MESSAGES.some((m) => message.includes(m));
}
