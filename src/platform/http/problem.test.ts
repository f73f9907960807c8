// Database trouble is the server's temporary state, not a crash: 503 with Retry-After, never a 500.
import { describe, expect, it } from 'vitest';
import { toAppError } from './problem.ts';

describe('toAppError', () => {
  it('answers 503 + Retry-After when the pool is exhausted or the database is restarting', () => {
    const cases = [
      new Error('timeout exceeded when trying to connect'),
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      Object.assign(new Error('sorry, too many clients already'), { code: '53300' }),
      new Error('connect ECONNREFUSED 127.0.0.1:5432'),
    ];
    for (const error of cases) {
      const mapped = toAppError(error);
      expect(mapped.status, error.message).toBe(503);
      expect(mapped.headers?.['Retry-After']).toBe('2');
    }
  });

  it('still answers 500 for an unknown error', () => {
    expect(toAppError(new Error('boom')).status).toBe(500);
  });
});
