import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/support/db.ts';
import { type Database, inTransaction, sql } from './index.ts';

describe('the embedded database driver', () => {
  let database: Database;
  beforeAll(async () => {
    database = await testDatabase();
    await sql`create table public.counter (id int primary key, n int not null)`.execute(database.db);
    await sql`insert into public.counter values (1, 0)`.execute(database.db);
  });
  afterAll(() => database.close());

  it('keeps every increment when 50 transactions read-modify-write at once', async () => {
    await Promise.all(
      Array.from({ length: 50 }, () =>
        inTransaction(database.db, async (tx) => {
          const { rows } = await sql<{
            n: number;
          }>`select n from public.counter where id = 1 for update`.execute(tx);
          await new Promise((r) => setTimeout(r, 1));
          await sql`update public.counter set n = ${rows[0].n + 1} where id = 1`.execute(tx);
        }),
      ),
    );
    const { rows } = await sql<{ n: number }>`select n from public.counter where id = 1`.execute(database.db);
    expect(rows[0].n).toBe(50);
  });

  it('rolls back everything a failed transaction wrote, without disturbing one running beside it', async () => {
    const failing = inTransaction(database.db, async (tx) => {
      await sql`insert into public.counter values (2, 0)`.execute(tx);
      throw new Error('boom');
    });
    const passing = inTransaction(database.db, async (tx) => {
      await sql`insert into public.counter values (3, 0)`.execute(tx);
    });
    await expect(failing).rejects.toThrow('boom');
    await passing;
    const { rows } = await sql<{ id: number }>`select id from public.counter order by id`.execute(
      database.db,
    );
    expect(rows.map((r) => r.id)).toEqual([1, 3]);
  });

  it('returns int8 as a number and date as a calendar string', async () => {
    const { rows } = await sql<{
      big: number;
      day: string;
    }>`select 9007199254740::int8 as big, date '2026-10-01' as day`.execute(database.db);
    expect(rows[0]).toEqual({ big: 9007199254740, day: '2026-10-01' });
  });
});
