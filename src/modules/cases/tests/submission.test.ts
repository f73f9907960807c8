// Submission rules a user notices: the Idempotency-Key contract, a form or material list that breaks
// the item's rules (every problem listed, nothing written), cases invisible to outsiders, drafts that
// follow the applicant to another device, withdrawal, illegal transitions, the public lookup.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { type Session, signUpCitizen, staffSession } from '../../../../test/support/auth.ts';
import * as store from '../store.ts';
import { applicationFor, FOOD, get, post, submit } from './support.ts';

describe('submitting an application', () => {
  let t: TestApp;
  let alice: Session & { idNumber: string };
  let bob: Session;
  let clerk: Session;
  let otherClerk: Session;
  const countCases = async () =>
    Number((await sql<{ n: number }>`select count(*)::int as n from cases.case`.execute(t.db)).rows[0]?.n);

  beforeAll(async () => {
    t = await testApp();
    await t.modules.org.seedDemo();
    await t.modules.catalog.seedDemo();
    const scjg = await t.modules.org.findDepartment('411500', '市场监督管理局');
    const gaj = await t.modules.org.findDepartment('411500', '公安局');
    const signedUp = await signUpCitizen(t, { realName: '赵敏' });
    alice = { ...signedUp, idNumber: signedUp.input.idNumber };
    bob = await signUpCitizen(t, { realName: '钱多' });
    clerk = await staffSession(t, ['window_clerk'], 'clerkS', scjg?.id ?? null);
    otherClerk = await staffSession(t, ['window_clerk'], 'clerkP', gaj?.id ?? null);
  }, 120_000);
  afterAll(() => t?.close());

  it('without an Idempotency-Key → 400 and nothing written', async () => {
    const before = await countCases();
    const res = await submit(t, alice, await applicationFor(t, alice), null);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('CASE_IDEMPOTENCY_KEY_REQUIRED');
    expect(await countCases()).toBe(before);
  });

  it('same key and body → the same case (200, Idempotent-Replayed); same key, other body → 422', async () => {
    const body = await applicationFor(t, alice);
    const key = randomUUID();
    const first = await submit(t, alice, body, key);
    expect(first.statusCode, first.body).toBe(201);
    const again = await submit(t, alice, body, key);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().case.id).toBe(first.json().case.id);
    expect(again.json().case.caseNo).toBe(first.json().case.caseNo);
    const changed = await submit(
      t,
      alice,
      { ...body, form: { ...body.form, summary: '另一份申请的说明' } },
      key,
    );
    expect(changed.statusCode).toBe(422);
    expect(changed.json().code).toBe('CASE_IDEMPOTENCY_KEY_REUSED');
    // the key belongs to its account: bob may use the same string for his own case
    const bobs = await submit(t, bob, await applicationFor(t, bob), key);
    expect(bobs.statusCode, bobs.body).toBe(201);
  });

  it('answers with the case exactly as a later read shows it (the answer is built from the rows written)', async () => {
    const filed = await submit(t, alice, await applicationFor(t, alice));
    expect(filed.statusCode, filed.body).toBe(201);
    const later = await get(t, alice, `/api/cases/${filed.json().case.id}`);
    expect(later.statusCode).toBe(200);
    expect(filed.json().case).toEqual(later.json());
  });

  it.runIf(process.env.DATABASE_URL)(
    'a duplicate arriving while the first is in flight → 409, never a second row',
    async () => {
      const body = await applicationFor(t, alice);
      const key = randomUUID();
      const before = await countCases();
      // hold the key's lock as an in-flight submission would
      await t.db.transaction().execute(async (tx) => {
        expect(await store.tryLockKey(tx, alice.accountId, key)).toBe(true);
        const dup = await submit(t, alice, body, key);
        expect(dup.statusCode).toBe(409);
        expect(dup.json().code).toBe('CASE_SUBMISSION_IN_FLIGHT');
      });
      expect(await countCases()).toBe(before);
    },
  );

  it('a form and material list that break the item’s rules → 400 listing every problem, nothing written', async () => {
    const body = await applicationFor(t, alice);
    const before = await countCases();
    const res = await submit(t, alice, {
      ...body,
      form: { summary: '', premises: 'x'.repeat(300), colour: 'red' },
      materials: [...body.materials.slice(1), { name: '不存在的材料', fileIds: [] }],
    });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().errors as Array<{ path: string; message: string }>).map((e) => e.message);
    expect(paths).toEqual(
      expect.arrayContaining([
        '请填写“申请事项说明”',
        '“经营（住所）地址”不能超过 200 个字',
        '表单没有“colour”这一项',
        '“不存在的材料”不是该事项的申请材料',
        '缺少必需材料“食品经营许可申请书”',
      ]),
    );
    expect(await countCases()).toBe(before);
  });

  it('a file uploaded by someone else cannot be attached; nothing is written', async () => {
    const body = await applicationFor(t, alice);
    const bobsFile = (await applicationFor(t, bob)).materials[0]?.fileIds[0];
    const before = await countCases();
    const res = await submit(t, alice, {
      ...body,
      materials: body.materials.map((m, i) => (i === 0 ? { ...m, fileIds: [bobsFile] } : m)),
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(await countCases()).toBe(before);
  });

  it('outsiders get the same 404 as for a case that does not exist', async () => {
    const filed = await submit(t, alice, await applicationFor(t, alice));
    const id = filed.json().case.id;
    const missing = await get(t, bob, `/api/cases/${randomUUID()}`);
    const bobs = await get(t, bob, `/api/cases/${id}`);
    const otherDept = await get(t, otherClerk, `/api/cases/${id}`);
    expect([missing.statusCode, bobs.statusCode, otherDept.statusCode]).toEqual([404, 404, 404]);
    expect(bobs.json().code).toBe(missing.json().code);
    expect((await post(t, otherClerk, `/api/cases/${id}/accept`)).statusCode).toBe(404);
    expect((await post(t, bob, `/api/cases/${id}/withdraw`, { reason: '恶意撤回' })).statusCode).toBe(404);
    expect((await get(t, clerk, `/api/cases/${id}`)).statusCode).toBe(200);
  });

  it('withdrawing before a decision; after that every action is a 409 naming the state', async () => {
    const filed = await submit(t, alice, await applicationFor(t, alice));
    const id = filed.json().case.id;
    const withdrawn = await post(t, alice, `/api/cases/${id}/withdraw`, { reason: '信息填写有误，重新申请' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().state).toBe('withdrawn');
    const accept = await post(t, clerk, `/api/cases/${id}/accept`);
    expect(accept.statusCode).toBe(409);
    expect(accept.json().code).toBe('CASE_ILLEGAL_TRANSITION');
    expect(accept.json().detail).toContain('已撤回');
  });

  it('mass assignment: unknown fields in a body are refused, the case is unchanged', async () => {
    const filed = await submit(t, alice, await applicationFor(t, alice));
    const id = filed.json().case.id;
    const res = await post(t, alice, `/api/cases/${id}/withdraw`, { reason: '试试', state: 'concluded' });
    expect(res.statusCode).toBe(400);
    expect((await get(t, alice, `/api/cases/${id}`)).json().state).toBe('submitted');
  });

  it('a draft saved on one device is there on another and gone after submission', async () => {
    const body = await applicationFor(t, alice);
    const saved = await t.app.inject({
      method: 'POST',
      url: '/api/cases/drafts',
      headers: alice.headers,
      payload: {
        implementationId: FOOD,
        form: { summary: '写了一半' },
        materials: [],
        contact: { phone: '13800001234' },
      },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const draftId = saved.json().id;
    const stored = await sql<{
      content_enc: string;
    }>`select content_enc from cases.draft where id = ${draftId}`.execute(t.db);
    expect(stored.rows[0]?.content_enc).not.toContain('13800001234');
    const otherDevice = await signUpCitizen(t); // someone else's session sees nothing
    expect((await get(t, otherDevice, `/api/cases/drafts/${draftId}`)).statusCode).toBe(404);
    expect((await get(t, alice, `/api/cases/drafts/${draftId}`)).json().content.form.summary).toBe(
      '写了一半',
    );
    const filed = await submit(t, alice, { ...body, draftId });
    expect(filed.statusCode, filed.body).toBe(201);
    expect((await get(t, alice, `/api/cases/drafts/${draftId}`)).statusCode).toBe(404);
  });

  it('the public lookup needs the number and the exact name, and shows masked data only', async () => {
    const filed = await submit(t, alice, await applicationFor(t, alice));
    const caseNo = filed.json().case.caseNo as string;
    const wrong = await get(t, null, `/api/cases/lookup?caseNo=${caseNo}&name=${encodeURIComponent('钱多')}`);
    expect(wrong.statusCode).toBe(404);
    const found = await get(t, null, `/api/cases/lookup?caseNo=${caseNo}&name=${encodeURIComponent('赵敏')}`);
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json()).toMatchObject({ caseNo, applicantNameMasked: '赵*', stateLabel: '已申报' });
    expect(found.body).not.toMatch(/\d{17}[\dXx]|1[3-9]\d{9}/);
  });

  it('the window files for a walk-in applicant: the ID is checked, an instant item concludes on the spot', async () => {
    const instant = t.modules.catalog.demoImplementationId('XY-SCJG-001'); // 个体工商户设立登记, 即办件
    const body = { ...(await applicationFor(t, clerk, instant)), form: { summary: '开一家修鞋铺' } };
    const file = (payload: object) =>
      t.app.inject({
        method: 'POST',
        url: '/api/cases/window',
        headers: { ...clerk.headers, 'idempotency-key': randomUUID() },
        payload,
      });
    const badId = await file({
      ...body,
      applicant: { kind: 'citizen', name: '周walk', idNumber: '411502199001010016' },
    });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().code).toBe('CASE_APPLICANT_INVALID');
    const walkIn = await file({
      ...body,
      applicant: { kind: 'citizen', name: '赵敏', idNumber: alice.idNumber },
    });
    expect(walkIn.statusCode, walkIn.body).toBe(201);
    const view = walkIn.json().case;
    expect(view.state).toBe('concluded');
    expect(view.channel).toBe('window');
    expect(view.timeline.map((e: { actionLabel: string }) => e.actionLabel)).toEqual([
      '窗口收件',
      '受理',
      '作出决定',
      '办结',
    ]);
    expect(view.applicant.idNumberMasked).toMatch(/^\d{6}\*{8}\d{4}$/);
    // the registered citizen finds the walk-in case among their own
    const mine = (await get(t, alice, '/api/cases/mine')).json();
    expect(mine.items.some((c: { id: string }) => c.id === view.id)).toBe(true);
  });

  it('my cases lists only my own', async () => {
    const mine = await get(t, bob, '/api/cases/mine');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.every((c: { applicantName: string }) => c.applicantName === '钱多')).toBe(true);
    expect(mine.json().total).toBeGreaterThan(0);
  });
});
