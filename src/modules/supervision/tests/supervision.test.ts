// The "done when" for supervision: with the clock moved, an untouched accepted 食品经营许可 case
// turns yellow and then red on the right working days across 清明 (accepted Thursday 2026-04-02,
// promised due 04-10, legal due 04-17), and a supervision order follows it from issue to the
// department's answer to closing. Also: a late 补正 notice, idempotency of the evaluation run twice at
// once, warnings closing when the case closes, nonsense rule parameters and who may see or answer what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { type Session, signInAgain, signUpCitizen, staffSession } from '../../../../test/support/auth.ts';
import { applicationFor, get, setDay as moveClock, post, submit } from '../../cases/tests/support.ts';

type Warning = {
  caseId: string;
  ruleCode: string;
  level: string;
  resolvedAt: string | null;
  resolution: string | null;
  detail: string;
};

describe('electronic supervision of a food licence case', () => {
  let t: TestApp;
  let citizen: Session;
  let phone = '';
  let clerk: Session;
  let supervisor: Session;
  let head: Session;
  let otherHead: Session;
  let reviewer: Session;
  let supervisorSecret: string | null = null;
  let scjg = '';
  let caseId = '';
  let lateCaseId = '';
  let orderId = '';

  const staff = (username: string, secret: string | null = null) =>
    signInAgain(t, { kind: 'staff', username, secret });
  const setDay = async (day: string) => {
    moveClock(t, day);
    citizen = await signInAgain(t, { kind: 'citizen', phone });
    [clerk, head, otherHead, reviewer] = await Promise.all(
      ['clerk', 'head', 'otherHead', 'reviewer'].map((u) => staff(u)),
    );
    supervisor = await staff('supervisor', supervisorSecret);
  };
  const warnings = async (query = '', who: Session = supervisor): Promise<Warning[]> => {
    const res = await get(t, who, `/api/supervision/warnings?status=all${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  };
  const openOf = async (id: string) =>
    (await warnings(`&caseId=${id}`))
      .filter((w) => w.resolvedAt === null)
      .map((w) => `${w.ruleCode}:${w.level}`);

  beforeAll(async () => {
    t = await testApp();
    await t.modules.org.seedDemo();
    await t.modules.catalog.seedDemo();
    scjg = (await t.modules.org.findDepartment('411500', '市场监督管理局'))?.id ?? '';
    const other = (await t.modules.org.listDepartments('411500')).find((d) => d.id !== scjg);
    const signedUp = await signUpCitizen(t, { realName: '李四' });
    citizen = signedUp;
    phone = signedUp.input.phone;
    clerk = await staffSession(t, ['window_clerk'], 'clerk', scjg);
    head = await staffSession(t, ['dept_head'], 'head', scjg);
    reviewer = await staffSession(t, ['reviewer'], 'reviewer', scjg);
    otherHead = await staffSession(t, ['dept_head'], 'otherHead', other?.id ?? null);
    const sup = await staffSession(t, ['supervisor'], 'supervisor');
    supervisor = sup;
    supervisorSecret = sup.secret;
  }, 120_000);
  afterAll(() => t?.close());

  it('files two cases on Tuesday 2026-03-31; the clerk accepts one on Thursday 04-02: no warning yet', async () => {
    await setDay('2026-03-31');
    for (const _ of [1, 2]) {
      const res = await submit(t, citizen, await applicationFor(t, citizen));
      expect(res.statusCode, res.body).toBe(201);
      if (!caseId) caseId = res.json().case.id;
      else lateCaseId = res.json().case.id;
    }
    await setDay('2026-04-02');
    const accepted = await post(t, clerk, `/api/cases/${caseId}/accept`, { note: '材料齐全' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().clock).toMatchObject({ promisedDueOn: '2026-04-10', legalDueOn: '2026-04-17' });
    await t.modules.runJobs();
    expect(await openOf(caseId)).toEqual([]);
  });

  it('stays quiet on Tuesday 04-07 (3 working days left, 清明 skipped)', async () => {
    await setDay('2026-04-07');
    await t.modules.runJobs();
    expect(await openOf(caseId)).toEqual([]);
  });

  it('turns yellow on Wednesday 04-08, with 2 working days left', async () => {
    await setDay('2026-04-08');
    await t.modules.runJobs();
    expect(await openOf(caseId)).toEqual(['deadline-yellow:yellow']);
    const [w] = await warnings(`&caseId=${caseId}&level=yellow`);
    expect(w?.detail).toContain('还剩 2 个工作日');
  });

  it('warns of a 补正 notice sent on 04-09, later than 5 working days after receipt on 03-31', async () => {
    await setDay('2026-04-09');
    const asked = await post(t, clerk, `/api/cases/${lateCaseId}/supplement`, {
      items: [{ name: '营业执照', reason: '复印件不清晰' }],
      note: '',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    await t.modules.runJobs();
    expect(await openOf(lateCaseId)).toEqual(['supplement-late:yellow']);
  });

  it('is still one yellow on the due day 04-10, and red on Monday 04-13; the yellow is closed, kept in history', async () => {
    await setDay('2026-04-10');
    await t.modules.runJobs();
    expect(await openOf(caseId)).toEqual(['deadline-yellow:yellow']);
    await setDay('2026-04-13');
    await t.modules.runJobs();
    expect(await openOf(caseId)).toEqual(['deadline-red:red']);
    const all = await warnings(`&caseId=${caseId}`);
    expect(all).toHaveLength(2);
    expect(all.find((w) => w.level === 'yellow')?.resolvedAt).not.toBeNull();
  });

  it('never double-issues when the evaluation runs twice at once (two nodes), and the sweep runs at most once a minute', async () => {
    await setDay('2026-04-20'); // past the legal due day 04-17
    await Promise.all([t.modules.runJobs(), t.modules.runJobs(), t.modules.supervision.sweep()]);
    await Promise.all([t.modules.supervision.sweep(), t.modules.supervision.sweep()]);
    expect((await openOf(caseId)).sort()).toEqual(['deadline-red:red', 'legal-overdue:red']);
    expect(await t.modules.supervision.runPending()).toBe(0); // the sweep was claimed this minute
    expect(await warnings(`&caseId=${caseId}`)).toHaveLength(3);
    const counts = await get(t, supervisor, '/api/supervision/warnings/by-department');
    expect(counts.json().items).toContainEqual(
      expect.objectContaining({ departmentId: scjg, red: 2, yellow: 1, supplementLate: 1, openOrders: 0 }),
    );
  });

  it('filters warnings by the days they were raised (Beijing); a reversed range is 400', async () => {
    const days = async (q: string) =>
      (await warnings(`&caseId=${caseId}${q}`)).map((w) => `${w.ruleCode}:${w.level}`).sort();
    expect(await days('&from=2026-04-08&to=2026-04-08')).toEqual(['deadline-yellow:yellow']);
    expect(await days('&from=2026-04-13&to=2026-04-20')).toEqual(['deadline-red:red', 'legal-overdue:red']);
    expect(await days('&to=2026-04-07')).toEqual([]);
    const reversed = await get(t, supervisor, '/api/supervision/warnings?from=2026-04-20&to=2026-04-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().code).toBe('SUPERVISION_BAD_WINDOW');
    // a date of the right shape that does not exist is bad input, not a 500
    for (const q of ['from=2026-13-01', 'to=2026-02-30'])
      expect((await get(t, supervisor, `/api/supervision/warnings?${q}`)).statusCode, q).toBe(400);
  });

  it('shows one warning with its case clock, masked applicant and the case history; another department gets 404', async () => {
    const [red] = (await warnings(`&caseId=${caseId}&rule=deadline-red&departmentId=${scjg}`)).filter(
      (w) => w.resolvedAt === null,
    );
    const res = await get(t, supervisor, `/api/supervision/warnings/${(red as { id?: string }).id}`);
    expect(res.statusCode, res.body).toBe(200);
    const detail = res.json();
    expect(detail.case).toMatchObject({
      id: caseId,
      promisedDueOn: '2026-04-10',
      legalDueOn: '2026-04-17',
      applicantNameMasked: '李*',
      isOpen: true,
    });
    expect(detail.case.remainingDays).toBeLessThan(0);
    expect(detail.history).toHaveLength(3);
    expect(JSON.stringify(detail)).not.toContain('李四');
    const id = (red as { id?: string }).id;
    expect((await get(t, head, `/api/supervision/warnings/${id}`)).statusCode).toBe(200);
    const stranger = await get(t, otherHead, `/api/supervision/warnings/${id}`);
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json().code).toBe('SUPERVISION_WARNING_NOT_FOUND');
  });

  it('a supervision order follows the red case: issued, overdue, answered by the department, closed', async () => {
    const issued = await post(t, supervisor, '/api/supervision/orders', {
      caseId,
      content: '该件已超过法定期限，请说明原因并限期办结',
      days: 3,
    });
    expect(issued.statusCode, issued.body).toBe(201);
    orderId = issued.json().id;
    expect(issued.json()).toMatchObject({
      state: 'issued',
      dueOn: '2026-04-23',
      departmentId: scjg,
      itemName: expect.stringContaining('食品经营许可'),
    });

    // the department's head hears of it in the inbox, linked to the order; the other department does not
    const inbox = await get(t, head, '/api/notifications');
    const notice = inbox.json().items.find((n: { kind: string }) => n.kind === 'supervision.order-issued');
    expect(notice).toMatchObject({ link: `/workbench/supervision/orders/${orderId}` });
    expect(notice.body).toContain('2026-04-23');
    const elsewhere = await get(t, otherHead, '/api/notifications');
    expect(elsewhere.json().items.filter((n: { kind: string }) => n.kind.startsWith('supervision'))).toEqual(
      [],
    );
    expect((await get(t, head, `/api/supervision/orders/${orderId}`)).json().state).toBe('issued');
    expect((await get(t, otherHead, `/api/supervision/orders/${orderId}`)).statusCode).toBe(404);
    const byDept = await get(t, supervisor, `/api/supervision/orders?departmentId=${scjg}`);
    expect(byDept.json().items.map((o: { id: string }) => o.id)).toEqual([orderId]);

    await setDay('2026-04-24');
    const overdue = await get(t, supervisor, '/api/supervision/orders?overdue=true');
    expect(overdue.json().items.map((o: { id: string }) => o.id)).toEqual([orderId]);
    expect(overdue.json().items[0].isOverdue).toBe(true);
    const waiting = await get(t, supervisor, '/api/supervision/warnings/by-department');
    expect(waiting.json().items).toContainEqual(
      expect.objectContaining({ departmentId: scjg, openOrders: 1, overdueOrders: 1 }),
    );

    const stranger = await post(t, otherHead, `/api/supervision/orders/${orderId}/answer`, {
      answer: '不是我们的',
    });
    expect(stranger.statusCode).toBe(404);
    const early = await post(t, supervisor, `/api/supervision/orders/${orderId}/close`, { result: '办结' });
    expect(early.statusCode).toBe(409);
    const answered = await post(t, head, `/api/supervision/orders/${orderId}/answer`, {
      answer: '因现场核查排期延误，已于今日完成核查，明日办结',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ state: 'answered', isOverdue: false, isAnsweredLate: true });
    // the supervisor who issued it hears of the (late) answer
    const told = (await get(t, supervisor, '/api/notifications')).json().items;
    expect(told.find((n: { kind: string }) => n.kind === 'supervision.order-answered')).toMatchObject({
      link: `/workbench/supervision/orders/${orderId}`,
      body: expect.stringContaining('逾期回复'),
    });
    const closed = await post(t, supervisor, `/api/supervision/orders/${orderId}/close`, {
      result: '部门已说明原因并整改，督办办结',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().state).toBe('closed');

    const table = await get(t, supervisor, `/api/supervision/cases/${caseId}/table11`);
    expect(table.statusCode, table.body).toBe(200);
    const order = table.json().items.find((r: { 督办内容: string | null }) => r.督办内容 !== null);
    expect(order).toMatchObject({
      机构名称: '信阳市市场监督管理局',
      监察结果描述: '部门已说明原因并整改，督办办结',
    });
    expect(order.监察编号).toMatch(/^DB2026\d{7}$/);
  });

  it('a department sees its own warnings only; citizens and reviewers may not look', async () => {
    expect((await warnings('', head)).length).toBeGreaterThan(0);
    expect(await warnings('', otherHead)).toEqual([]);
    expect((await get(t, citizen, '/api/supervision/warnings')).statusCode).toBe(403);
    expect((await get(t, reviewer, '/api/supervision/warnings')).statusCode).toBe(403);
    expect(
      (await post(t, head, '/api/supervision/orders', { caseId, content: 'x', days: 1 })).statusCode,
    ).toBe(403);
  });

  it('closes the open warnings when the case closes (withdrawn), keeping their history', async () => {
    const res = await post(t, citizen, `/api/cases/${caseId}/withdraw`, { reason: '不再开办' });
    expect(res.statusCode, res.body).toBe(200);
    await t.modules.runJobs();
    expect(await openOf(caseId)).toEqual([]);
    const history = await warnings(`&caseId=${caseId}`);
    expect(history).toHaveLength(3);
    expect(history.filter((w) => w.resolution === '办件已撤回').length).toBeGreaterThan(0);
  });

  it('closes the red warnings when an extension puts the case back on time (evaluated from the queue)', async () => {
    await setDay('2026-05-11');
    const filed = await submit(t, citizen, await applicationFor(t, citizen));
    const id: string = filed.json().case.id;
    expect((await post(t, clerk, `/api/cases/${id}/accept`, { note: '' })).statusCode).toBe(200);
    await setDay('2026-06-01');
    await t.modules.runJobs();
    expect((await openOf(id)).sort()).toEqual(['deadline-red:red', 'legal-overdue:red']);
    const extended = await post(t, head, `/api/cases/${id}/extend`, { days: 30, reason: '需现场核查' });
    expect(extended.statusCode, extended.body).toBe(200);
    await t.modules.runJobs(); // the sweep already ran this minute: the case event's queue does it
    expect(await openOf(id)).toEqual([]);
    expect((await warnings(`&caseId=${id}`)).filter((w) => w.resolvedAt !== null)).toHaveLength(2);
  });

  it('rejects nonsense rule parameters with 400 problem+json and accepts sensible ones', async () => {
    const put = (code: string, payload: object) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/supervision/rules/${code}`,
        headers: supervisor.headers,
        payload,
      });
    for (const params of [
      { percent: 150, days: 2 },
      { percent: -1, days: 2 },
      { percent: 20 },
      { percent: 20, days: 2, x: 1 },
      { percent: 0, days: 0 },
    ]) {
      const res = await put('deadline-yellow', { params });
      expect(res.statusCode, JSON.stringify(params)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await put('supplement-late', { params: { days: 0 } })).statusCode).toBe(400);
    expect((await put('no-such-rule', { params: {} })).statusCode).toBe(400);
    const ok = await put('deadline-yellow', { params: { percent: 30, days: 3 } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ params: { percent: 30, days: 3 }, isEnabled: true });
    const list = await get(t, supervisor, '/api/supervision/rules');
    expect(list.json().items.find((r: { code: string }) => r.code === 'deadline-yellow').params.percent).toBe(
      30,
    );
  });
});
