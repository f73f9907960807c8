import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/support/app.ts';
import { systemContext } from '../../platform/context.ts';
import { inTransaction, sql } from '../../platform/db/index.ts';
import { canonicalAroundSeq, canonicalJson } from './chain.ts';

describe('the audit hash chain', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
    for (let i = 1; i <= 6; i++) {
      await inTransaction(t.db, (tx) =>
        t.modules.audit.record(tx, systemContext(`req-${i}`), {
          action: 'test.event',
          subjectId: String(i),
          summary: { i },
        }),
      );
    }
  });
  afterAll(() => t.close());

  const tamper = async (statement: string) => {
    await sql.raw('alter table audit.entry disable trigger user').execute(t.db);
    await sql.raw(statement).execute(t.db);
    await sql.raw('alter table audit.entry enable trigger user').execute(t.db);
  };

  it('verifies an untouched chain and counts its entries', async () => {
    expect(await t.modules.audit.verify()).toMatchObject({ ok: true, count: 6 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE on audit entries', async () => {
    await expect(sql.raw(`update audit.entry set action = 'x' where seq = 1`).execute(t.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql.raw('delete from audit.entry where seq = 1').execute(t.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql.raw('truncate audit.entry').execute(t.db)).rejects.toThrow(/append-only/);
  });

  it('rolls the entry back with the business change when the transaction fails', async () => {
    await expect(
      inTransaction(t.db, async (tx) => {
        await t.modules.audit.record(tx, systemContext(), { action: 'test.rolled-back' });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow();
    expect(await t.modules.audit.verify()).toMatchObject({ ok: true, count: 6 });
  });

  it('names the exact entry whose content was edited, then the deleted one, then the swapped pair', async () => {
    const snapshot = await sql<{
      seq: number;
      summary: unknown;
    }>`select seq, summary from audit.entry order by seq`.execute(t.db);
    await tamper(`update audit.entry set summary = '{"i": 99}' where seq = 4`);
    expect(await t.modules.audit.verify()).toMatchObject({ ok: false, firstBadSeq: 4 });
    await tamper(
      `update audit.entry set summary = '${JSON.stringify(snapshot.rows[3].summary)}' where seq = 4`,
    );
    expect(await t.modules.audit.verify()).toMatchObject({ ok: true });

    await tamper('delete from audit.entry where seq = 3');
    const deleted = await t.modules.audit.verify();
    expect(deleted).toMatchObject({ ok: false, firstBadSeq: 3 });
  });

  it('names the first of two reordered entries', async () => {
    const u = await testApp();
    for (let i = 1; i <= 5; i++) {
      await inTransaction(u.db, (tx) => u.modules.audit.record(tx, systemContext(), { action: `e${i}` }));
    }
    await sql.raw('alter table audit.entry disable trigger user').execute(u.db);
    await sql.raw('update audit.entry set seq = -2 where seq = 2').execute(u.db);
    await sql.raw('update audit.entry set seq = 2 where seq = 4').execute(u.db);
    await sql.raw('update audit.entry set seq = 4 where seq = -2').execute(u.db);
    expect(await u.modules.audit.verify()).toMatchObject({ ok: false, firstBadSeq: 2 });
    await u.close();
  });

  it('catches a truncated tail through the chain head', async () => {
    await tamper('delete from audit.entry where seq >= 5');
    const result = await t.modules.audit.verify();
    expect(result.ok).toBe(false);
  });
});

describe('appending at the chain head', () => {
  const content = {
    at: '2026-11-22T03:00:00.000Z',
    actor: { id: null, kind: 'citizen', name: '张三 "引号" \\ 😀' },
    onBehalfOf: null,
    action: 'case.submit',
    subject: { type: 'case', id: 'x' },
    outcome: 'success' as const,
    requestId: 'r',
    ip: '127.0.0.1',
    summary: { z: [1, { b: '乙', a: null }], a: '\u2028', skipped: undefined },
  };

  it('splits the canonical JSON around the seq exactly', () => {
    const { before, after } = canonicalAroundSeq(content);
    expect(`${before}12345${after}`).toBe(canonicalJson({ ...content, seq: 12345 }));
  });

  // On PGlite the twelve transactions run one at a time: there it checks the database's hashing only;
  // the concurrency is exercised by the PostgreSQL pass.
  it('numbers and hashes concurrent entries in the database as the verifier does', async () => {
    const t = await testApp();
    try {
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          inTransaction(t.db, (tx) =>
            t.modules.audit.record(tx, systemContext(`req-${i}`), {
              action: 'test.concurrent',
              subjectId: String(i),
              summary: { i, name: content.actor.name, nested: content.summary },
            }),
          ),
        ),
      );
      const verified = await t.modules.audit.verify();
      expect(verified.ok).toBe(true);
      expect(verified.count).toBeGreaterThanOrEqual(12);
    } finally {
      await t.close();
    }
  });
});
