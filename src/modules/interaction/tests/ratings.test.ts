// The ratings (好差评): a citizen rates the 申报 of their food-licence case; 非常不满意 opens a
// rectification order that the department cannot close without a return visit and then closes with
// one; the citizen sees the outcome. Also: someone else's case or an event that did not happen → 404,
// rating twice → 409, amending once, the clerk's signed link for the window tablet / QR code, appeals
// upheld and rejected, who sees which orders, the configurable deadline, statistics and rating facts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { type Session, signInAgain, signUpCitizen, staffSession } from '../../../../test/support/auth.ts';
import { sql } from '../../../platform/db/index.ts';
import { applicationFor, get, post, setDay, submit, upload } from '../../cases/tests/support.ts';

const put = (t: TestApp, who: Session | null, url: string, payload: object) =>
  t.app.inject({ method: 'PUT', url, headers: who?.headers ?? {}, payload });
const anonymous = (t: TestApp, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, ...(payload ? { payload } : {}) });
const NOWHERE = '01900000-0000-7000-8000-000000000000';

describe('ratings and the rectification of bad ratings', () => {
  let t: TestApp;
  let citizen: Session;
  let stranger: Session;
  let clerk: Session;
  let head: Session;
  let otherHead: Session;
  let otherClerk: Session;
  let office: Session;
  let supervisor: Session;
  let officeSecret: string | null = null;
  let phone = '';
  let scjg = '';
  const caseIds: string[] = [];
  const applyEvent: Record<string, string> = {};
  let ratingId = '';
  let orderId = '';

  const fileCase = async () => {
    const res = await submit(t, citizen, await applicationFor(t, citizen));
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().case.id as string;
    const ratings = await get(t, citizen, `/api/ratings/cases/${id}`);
    expect(ratings.statusCode, ratings.body).toBe(200);
    applyEvent[id] = ratings.json().events[0].eventId;
    caseIds.push(id);
    return id;
  };
  const rate = (who: Session, caseId: string, eventId: string, body: object) =>
    post(t, who, `/api/ratings/cases/${caseId}/events/${eventId}`, body);
  const outbox = async (type: string) =>
    (
      await sql<{ payload: Record<string, unknown> }>`select payload from platform.outbox where type = ${type}
        order by id`.execute(t.db)
    ).rows.map((r) => r.payload);
  const step = async (who: Session, id: string, path: string, body: object, status = 200) => {
    const res = await post(t, who, `/api/ratings/rectifications/${id}/${path}`, body);
    expect(res.statusCode, res.body).toBe(status);
    return res.json();
  };

  beforeAll(async () => {
    t = await testApp();
    await t.modules.org.seedDemo();
    await t.modules.catalog.seedDemo();
    setDay(t, '2026-03-31');
    scjg = (await t.modules.org.findDepartment('411500', '市场监督管理局'))?.id ?? '';
    const other = (await t.modules.org.listDepartments('411500')).find((d) => d.id !== scjg);
    const signedUp = await signUpCitizen(t, { realName: '李四' });
    citizen = signedUp;
    phone = signedUp.input.phone;
    stranger = await signUpCitizen(t, { realName: '王五' });
    clerk = await staffSession(t, ['window_clerk'], 'clerk', scjg);
    head = await staffSession(t, ['dept_head'], 'head', scjg);
    otherHead = await staffSession(t, ['dept_head'], 'otherHead', other?.id ?? null);
    otherClerk = await staffSession(t, ['window_clerk'], 'otherClerk', other?.id ?? null);
    const officeSession = await staffSession(t, ['office_admin'], 'office');
    office = officeSession;
    officeSecret = officeSession.secret;
    supervisor = await staffSession(t, ['supervisor'], 'supervisor');
    for (const _ of [1, 2, 3, 4]) await fileCase();
  }, 120_000);
  afterAll(() => t?.close());

  it('lists the 申报 of a case as a ratable event, unrated, for its applicant only', async () => {
    const res = await get(t, citizen, `/api/ratings/cases/${caseIds[0]}`);
    expect(res.json()).toMatchObject({
      itemName: expect.any(String),
      events: [{ kind: 'apply', kindLabel: '申报', rating: null }],
    });
    expect((await get(t, stranger, `/api/ratings/cases/${caseIds[0]}`)).statusCode).toBe(404);
    expect((await get(t, otherHead, `/api/ratings/cases/${caseIds[0]}`)).statusCode).toBe(404);
    expect((await get(t, head, `/api/ratings/cases/${caseIds[0]}`)).statusCode).toBe(200);
  });

  it("refuses to rate someone else's case or an event that did not happen (404)", async () => {
    const [id] = caseIds as [string];
    const theirs = await rate(stranger, id, applyEvent[id] ?? '', { level: 5 });
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().code).toBe('RATING_CASE_NOT_FOUND');
    const never = await rate(citizen, id, NOWHERE, { level: 5 });
    expect(never.statusCode).toBe(404);
    expect(never.json().code).toBe('RATING_EVENT_NOT_FOUND');
    const otherCase = await rate(citizen, id, applyEvent[caseIds[1] ?? ''] ?? '', { level: 5 });
    expect(otherCase.json().code).toBe('RATING_EVENT_NOT_FOUND');
    expect((await rate(citizen, id, applyEvent[id] ?? '', { level: 6 })).statusCode).toBe(400);
    expect(
      (await rate(citizen, id, applyEvent[id] ?? '', { level: 3, text: '长'.repeat(501) })).statusCode,
    ).toBe(400);
    // the public statistics with a date that does not exist: 400, not a 500
    for (const q of ['from=2026-13-01', 'to=2026-02-30'])
      expect((await get(t, null, `/api/ratings/stats?${q}`)).statusCode, q).toBe(400);
  });

  it('非常不满意 opens a rectification order for the department, due in 15 working days; twice → 409', async () => {
    const [id] = caseIds as [string];
    const res = await rate(citizen, id, applyEvent[id] ?? '', {
      level: 5,
      text: '窗口人员态度差',
      channel: '2',
    });
    expect(res.statusCode, res.body).toBe(201);
    const rating = res.json();
    expect(rating).toMatchObject({
      level: 5,
      levelLabel: '非常不满意',
      channel: '2',
      channelLabel: '移动服务端',
      times: 1,
      canAmend: true,
      raterName: '李*',
      // 2026-03-31 + 15 working days, 清明 (04-04 … 04-06) skipped
      rectification: { state: 'verify', stateLabel: '待核实', dueOn: '2026-04-22', outcome: null },
    });
    ratingId = rating.id;
    orderId = rating.rectification.id;
    const again = await rate(citizen, id, applyEvent[id] ?? '', { level: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('RATING_ALREADY_RATED');
    const [created] = await outbox('rating.created');
    expect(created).toEqual({
      ratingId,
      caseId: id,
      departmentId: scjg,
      implementationId: expect.any(String),
      divisionCode: expect.any(String),
      channel: '2',
      level: 5,
      previousLevel: null,
      at: '2026-03-31T02:00:00.000Z',
    });
    const told = (await get(t, head, '/api/notifications')).json().items;
    expect(told).toContainEqual(
      expect.objectContaining({ kind: 'rectification.opened', link: `/workbench/ratings/${orderId}` }),
    );
    expect((await get(t, otherHead, '/api/notifications')).json().items).toEqual([]);
  });

  it("shows the order to its department's head, to overseers read-only, and to no other department", async () => {
    const mine = await get(t, head, '/api/ratings/rectifications');
    expect(mine.json().items.map((o: { id: string }) => o.id)).toEqual([orderId]);
    expect((await get(t, otherHead, '/api/ratings/rectifications')).json().items).toEqual([]);
    expect((await get(t, otherHead, `/api/ratings/rectifications/${orderId}`)).statusCode).toBe(404);
    const foreign = await post(t, otherHead, `/api/ratings/rectifications/${orderId}/verify`, {
      finding: 'x',
    });
    expect(foreign.statusCode).toBe(404);
    expect((await get(t, supervisor, `/api/ratings/rectifications/${orderId}`)).json()).toMatchObject({
      level: 5,
      ratingText: '窗口人员态度差',
      eventKindLabel: '申报',
    });
    expect((await get(t, office, '/api/ratings/rectifications')).json().total).toBe(1);
    expect((await post(t, supervisor, `/api/ratings/rectifications/${orderId}/verify`, {})).statusCode).toBe(
      403,
    );
    expect((await get(t, clerk, '/api/ratings/rectifications')).statusCode).toBe(403);
  });

  it('cannot close without a return visit (409), then closes after 核实 → 整改 → 答复 → 回访', async () => {
    const early = await post(t, head, `/api/ratings/rectifications/${orderId}/close`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('RECTIFICATION_RETURN_VISIT_REQUIRED');
    await step(head, orderId, 'rectify', { measures: '跳过核实' }, 409);
    await step(head, orderId, 'verify', { finding: '经调取录像核实，窗口人员解释不耐心' });
    await step(head, orderId, 'rectify', { measures: '对窗口人员批评教育，组织服务礼仪培训' });
    await step(head, orderId, 'reply', { reply: '已核实并整改，感谢您的监督' });
    const beforeVisit = await post(t, head, `/api/ratings/rectifications/${orderId}/close`, {});
    expect(beforeVisit.statusCode).toBe(409);
    expect(beforeVisit.json().code).toBe('RECTIFICATION_RETURN_VISIT_REQUIRED');
    await step(head, orderId, 'visit', { result: '电话回访，申请人认可整改结果', isSatisfied: true });
    const closed = await step(head, orderId, 'close', { note: '整改到位' });
    expect(closed).toMatchObject({ state: 'closed', stateLabel: '已办结', outcome: 'rectified' });
    expect(closed.steps.map((s: { step: string }) => s.step)).toEqual([
      '生成工单',
      '核实',
      '整改',
      '答复',
      '回访',
      '办结',
    ]);
    await step(head, orderId, 'close', {}, 409);
  });

  it('lets the citizen see the outcome on their case', async () => {
    const kinds = (await get(t, citizen, '/api/notifications'))
      .json()
      .items.map((n: { kind: string }) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(['rectification.reply', 'rectification.close']));
    const res = await get(t, citizen, `/api/ratings/cases/${caseIds[0]}`);
    expect(res.json().events[0].rating.rectification).toMatchObject({
      state: 'closed',
      outcome: 'rectified',
      reply: '已核实并整改，感谢您的监督',
      visitResult: '电话回访，申请人认可整改结果',
      closedAt: expect.any(String),
    });
  });

  it('amends a rating once (评价次数 2), the third time → 409', async () => {
    expect((await put(t, stranger, `/api/ratings/${ratingId}`, { level: 2 })).statusCode).toBe(404);
    const amended = await put(t, citizen, `/api/ratings/${ratingId}`, { level: 2, text: '整改后满意' });
    expect(amended.statusCode, amended.body).toBe(200);
    expect(amended.json()).toMatchObject({ level: 2, previousLevel: 5, times: 2, canAmend: false });
    const third = await put(t, citizen, `/api/ratings/${ratingId}`, { level: 1 });
    expect(third.statusCode).toBe(409);
    expect(third.json().code).toBe('RATING_AMEND_LIMIT');
    const table9 = await get(t, citizen, `/api/ratings/cases/${caseIds[0]}/table9`);
    expect(table9.json().items).toEqual([
      {
        办件编号: expect.any(String),
        评价渠道: '移动服务端',
        评价渠道代码: '2',
        评价人: '李*',
        评价时间: '20260331T100000',
        评价次数: 2,
        满意度: '满意',
        满意度代码: '2',
        文字评价: '整改后满意',
        行政区划: expect.stringMatching(/^\d{6,9}$/),
      },
    ]);
    expect((await get(t, stranger, `/api/ratings/cases/${caseIds[0]}/table9`)).statusCode).toBe(404);
    const [event] = await outbox('rating.amended');
    expect(event).toMatchObject({ ratingId, level: 2, previousLevel: 5 });
  });

  it('rates through the clerk’s signed link without signing in (二维码), real-name and once', async () => {
    const id = caseIds[1] ?? '';
    expect(
      (await post(t, otherClerk, '/api/ratings/links', { caseId: id, eventId: applyEvent[id] })).statusCode,
    ).toBe(404);
    expect(
      (await post(t, citizen, '/api/ratings/links', { caseId: id, eventId: applyEvent[id] })).statusCode,
    ).toBe(403);
    expect((await post(t, clerk, '/api/ratings/links', { caseId: id, eventId: NOWHERE })).statusCode).toBe(
      404,
    );
    const link = await post(t, clerk, '/api/ratings/links', {
      caseId: id,
      eventId: applyEvent[id],
      channel: '4',
    });
    expect(link.statusCode, link.body).toBe(201);
    const { token, path } = link.json();
    expect(path).toBe(`/rate/${token}`);
    const shown = await anonymous(t, 'GET', `/api/ratings/link/${token}`);
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toMatchObject({
      applicantName: '李*',
      eventKindLabel: '申报',
      channel: '4',
      rating: null,
    });
    const rated = await anonymous(t, 'POST', `/api/ratings/link/${token}`, { level: 4, text: '排队太久' });
    expect(rated.statusCode, rated.body).toBe(201);
    expect(rated.json()).toMatchObject({ channel: '4', channelLabel: '政务大厅平板电脑', level: 4 });
    expect(rated.json().rectification).toMatchObject({ state: 'verify' });
    expect((await anonymous(t, 'POST', `/api/ratings/link/${token}`, { level: 1 })).statusCode).toBe(409);
    // the department cannot rewrite a rating with a fresh link: it amends only what was given through it
    t.clock.advance(60 * 1000);
    const later = await post(t, clerk, '/api/ratings/links', {
      caseId: id,
      eventId: applyEvent[id],
      channel: '4',
    });
    const rewrite = await anonymous(t, 'PUT', `/api/ratings/link/${later.json().token}`, { level: 1 });
    expect(rewrite.statusCode, rewrite.body).toBe(404);
    const forged = `${token.split('~')[0]}~${'A'.repeat(43)}`;
    const bad = await anonymous(t, 'GET', `/api/ratings/link/${forged}`);
    expect(bad.statusCode).toBe(404);
    expect(bad.json().code).toBe('RATING_LINK_INVALID');
    t.clock.advance(31 * 60 * 1000);
    expect((await anonymous(t, 'GET', `/api/ratings/link/${token}`)).statusCode).toBe(404);
  });

  it('an upheld appeal closes the order as 申诉成立 and takes the rating out of the statistics', async () => {
    [head, office] = await Promise.all([
      signInAgain(t, { kind: 'staff', username: 'head', secret: null }),
      signInAgain(t, { kind: 'staff', username: 'office', secret: officeSecret }),
    ]);
    const before = (await get(t, null, '/api/ratings/stats?by=department')).json().items;
    const scjgBefore = before.find((r: { id: string }) => r.id === scjg);
    expect(scjgBefore).toMatchObject({ total: 2, bad: 1, counts: { '2': 1, '4': 1 } });
    const [order] = (await get(t, head, '/api/ratings/rectifications')).json().items;
    const appealed = await step(head, order.id, 'appeal', { reason: '申请人当日未到窗口，系误评' });
    expect(appealed.appealState).toBe('pending');
    await step(head, order.id, 'appeal', { reason: '再次申诉' }, 409);
    const queue = await get(t, office, '/api/ratings/rectifications?state=all&appeal=pending');
    expect(queue.json().items.map((o: { id: string }) => o.id)).toEqual([order.id]);
    expect(
      (
        await post(t, head, `/api/ratings/rectifications/${order.id}/appeal-decision`, {
          isUpheld: true,
          decision: 'x',
        })
      ).statusCode,
    ).toBe(403);
    const upheld = await step(office, order.id, 'appeal-decision', {
      isUpheld: true,
      decision: '经查属误评',
    });
    expect(upheld).toMatchObject({ state: 'closed', stateLabel: '申诉成立', outcome: 'appeal_upheld' });
    const after = (await get(t, null, '/api/ratings/stats?by=department')).json().items;
    expect(after.find((r: { id: string }) => r.id === scjg)).toMatchObject({
      total: 1,
      bad: 0,
      satisfactionRate: 1,
      rectificationRate: null,
    });
    await step(office, order.id, 'appeal-decision', { isUpheld: false, decision: 'x' }, 409);
  });

  it('a rejected appeal lets the work go on; the deadline follows the configured working days', async () => {
    expect((await put(t, office, '/api/ratings/settings', { rectifyDays: 0 })).statusCode).toBe(400);
    expect((await put(t, head, '/api/ratings/settings', { rectifyDays: 5 })).statusCode).toBe(403);
    expect((await put(t, office, '/api/ratings/settings', { rectifyDays: 5 })).json()).toEqual({
      rectifyDays: 5,
    });
    citizen = await signInAgain(t, { kind: 'citizen', phone });
    const id = caseIds[2] ?? '';
    const res = await rate(citizen, id, applyEvent[id] ?? '', { level: 4 });
    expect(res.statusCode, res.body).toBe(201);
    // Tuesday 03-31 + 5 working days → Thursday 04-09 (清明 04-06 off)
    expect(res.json().rectification.dueOn).toBe('2026-04-08');
    const order = res.json().rectification.id as string;
    await step(head, order, 'appeal', { reason: '恶意差评' });
    const rejected = await step(office, order, 'appeal-decision', {
      isUpheld: false,
      decision: '理由不成立',
    });
    expect(rejected).toMatchObject({ state: 'verify', appealState: 'rejected' });
    await step(head, order, 'verify', { finding: '属实' });
  });

  it('lists overdue orders, and gives the performance evaluation its rating facts', async () => {
    setDay(t, '2026-04-23');
    head = await signInAgain(t, { kind: 'staff', username: 'head', secret: null });
    const overdue = (await get(t, head, '/api/ratings/rectifications?overdue=true')).json().items;
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({ isOverdue: true, state: 'rectify', dueOn: '2026-04-08' });
    const facts = await t.modules.interaction.ratingFacts({ from: '2026-03-01', to: '2026-03-31' });
    expect(facts).toHaveLength(3);
    expect(facts[0]).toEqual({
      ratingId,
      caseId: caseIds[0],
      departmentId: scjg,
      implementationId: expect.any(String),
      level: 2,
      bad: false,
      excluded: false,
      at: '2026-03-31T02:00:00.000Z',
      rectification: {
        status: 'closed',
        dueDate: '2026-04-22',
        closedAt: expect.any(String),
        closedOnTime: true,
      },
    });
    expect(facts.map((f) => [f.level, f.excluded, f.rectification?.status])).toEqual([
      [2, false, 'closed'],
      [4, true, 'closed'],
      [4, false, 'rectify'],
    ]);
    expect(await t.modules.interaction.ratingFacts({ from: '2026-03-01', to: '2026-03-30' })).toEqual([]);
    const byItem = (await get(t, null, '/api/ratings/stats?by=item&from=2026-03-31&to=2026-03-31')).json();
    expect(byItem.items[0]).toMatchObject({ total: 2, bad: 1, rectificationRate: 0 });
  });
  it('offers each 补正 as its own service event once the citizen supplies; a good rating opens no order', async () => {
    const id = caseIds[3] ?? '';
    [clerk, citizen] = await Promise.all([
      signInAgain(t, { kind: 'staff', username: 'clerk', secret: null }),
      signInAgain(t, { kind: 'citizen', phone }),
    ]);
    const asked = await post(t, clerk, `/api/cases/${id}/supplement`, {
      items: [{ name: '营业执照', reason: '复印件不清晰' }],
      note: '',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    expect((await get(t, citizen, `/api/ratings/cases/${id}`)).json().events).toHaveLength(1);
    const supplied = await post(t, citizen, `/api/cases/${id}/supply`, {
      materials: [{ name: '营业执照', fileIds: [await upload(t, citizen, '营业执照-清晰.pdf')] }],
    });
    expect(supplied.statusCode, supplied.body).toBe(200);
    const events = (await get(t, citizen, `/api/ratings/cases/${id}`)).json().events;
    expect(events.map((e: { kind: string; kindLabel: string }) => `${e.kind}:${e.kindLabel}`)).toEqual([
      'apply:申报',
      'supplement:补正',
    ]);
    const rated = await rate(citizen, id, events[1].eventId, { level: 1, channel: '1' });
    expect(rated.statusCode, rated.body).toBe(201);
    expect(rated.json()).toMatchObject({
      eventKind: 'supplement',
      levelLabel: '非常满意',
      rectification: null,
    });
  });
});
