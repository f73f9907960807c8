// RELIABILITY R6 and S1 for issuing: several concluded cases issued by two workers at once (two nodes)
// give exactly one license per case and no duplicate identifiers or numbers; a department whose seal
// was reported lost issues nothing (the job waits, the error kept) while licenses signed before the
// loss still verify; a PDF not issued by the platform is 不一致.
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { signUpCitizen } from '../../../../test/support/auth.ts';
import { sql } from '../../../platform/db/index.ts';
import { get, post } from '../../cases/tests/support.ts';
import { concludeFoodCase, type Staff, seedCity } from './support.ts';

describe('issuing under concurrency and after a seal is lost', () => {
  let t: TestApp;
  let staff: Staff;
  const CASES = 6;

  beforeAll(async () => {
    t = await testApp();
    staff = await seedCity(t);
  }, 180_000);
  afterAll(() => t?.close());

  it('two workers at once: one license per case, identifiers and numbers unique', async () => {
    for (let i = 0; i < CASES; i++) {
      const citizen = await signUpCitizen(t, { realName: `赵${'一二三四五六'[i]}` });
      await concludeFoodCase(t, citizen, staff);
    }
    await Promise.all([t.modules.runJobs(), t.modules.runJobs(), t.modules.licenses.issuePending()]);
    await t.modules.runJobs();
    const { rows } = await sql<{ n: number; ids: number; nos: number; cases: number }>`
      select count(*)::int as n, count(distinct identifier)::int as ids, count(distinct license_no)::int as nos,
        count(distinct case_id)::int as cases from licenses.license`.execute(t.db);
    expect(rows[0]).toEqual({ n: CASES, ids: CASES, nos: CASES, cases: CASES });
  }, 240_000);

  it('a lost seal stops issuing; licenses signed before still verify, and a home-made PDF is 不一致', async () => {
    const { items } = (await get(t, staff.clerk, '/api/licenses/department')).json();
    const before = items[0];
    const seal = await t.modules.seals.signingSealOf(t.db, staff.departmentId);
    if (!seal) throw new Error('no seal');
    t.clock.advance(60_000); // the loss is reported a minute after the signatures
    const lost = await post(t, staff.admin, `/api/seals/${seal.id}/report-lost`, { reason: '印章介质遗失' });
    expect([200, 201], lost.body).toContain(lost.statusCode);

    const citizen = await signUpCitizen(t, { realName: '钱七' });
    const caseId = await concludeFoodCase(t, citizen, staff);
    await t.modules.runJobs();
    expect((await get(t, citizen, '/api/licenses/mine')).json().items).toEqual([]);
    const { rows } = await sql<{ last_error: string | null; done_at: Date | null }>`
      select last_error, done_at from licenses.issue_job where case_id = ${caseId}`.execute(t.db);
    expect(rows[0]?.done_at).toBeNull();
    expect(rows[0]?.last_error).toContain('电子印章');

    const v = (
      await get(t, null, `/api/licenses/verify?identifier=${encodeURIComponent(before.identifier)}`)
    ).json();
    expect(v.isValid).toBe(true);
    expect(v.seal.state).toBe('lost');

    const fake = await PDFDocument.create();
    fake.addPage().drawText('Food licence JY14115000000001');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/licenses/verify/pdf',
      headers: { 'content-type': 'application/pdf' },
      payload: Buffer.from(await fake.save()),
    });
    expect(res.json()).toMatchObject({ verdict: '不一致', isGenuine: false });
    expect(res.json().problems).toContain('文件没有数字签名');
  });
});
