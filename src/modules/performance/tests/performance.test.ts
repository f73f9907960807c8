// The issue's "done when" for performance evaluation: the figures of 市场监督管理局 for March 2026 match a
// hand count. Six cases worked on the test clock (no holidays in March 2026):
//   A online 03-02, accepted 03-02 (promised 03-09, legal 03-16), concluded 03-04: on time, early, first time, 0 visits
//   B online 03-02, 补正 asked 03-02 and supplied online 03-03, accepted 03-03 (promised 03-10, legal 03-17),
//     concluded on the promised day 03-10: on time, not early, not first time; 窗口领取 → 1 visit
//   C window 03-03 (filed by the clerk), accepted 03-03 (legal 03-17), concluded 03-18: late, 1 visit
//   D online 03-05, accepted, still under review: counts for 网办率 only; two orders follow it
//   E window 03-05, an instant item (个体工商户设立登记) concluded on the spot, 窗口领取: 1 visit (the same one)
//   F online 02-26 (February), concluded 03-02: counts as concluded in March, not as filed in March
// Orders: on C issued 03-11 (due 03-13) answered 03-12 — on time; on D issued 03-16 (due 03-17) never
// answered — late; on D issued 03-30 (due 04-06) — not yet due on 03-31, so not judged.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { type Session, signInAgain, signUpCitizen, staffSession } from '../../../../test/support/auth.ts';
import { applicationFor, get, setDay as moveClock, post, submit } from '../../cases/tests/support.ts';

type Metric = { key: string; numerator: number; denominator: number; value: number | null; text: string };
type Row = { key: string; name: string; metrics: Metric[]; score: number | null; rank: number | null };
type Entry = { kind: string; id: string; caseId: string | null };

describe('performance evaluation of March 2026, checked against a hand count', () => {
  let t: TestApp;
  let phone = '';
  let idNumber = '';
  const s: Record<string, Session> = {};
  const secrets: Record<string, string | null> = {};
  let scjg = '';
  let police = '';
  const ids: Record<string, string> = {};
  const orderIds: string[] = [];
  const ratingIds: Record<string, string> = {};
  let instant = '';

  const setDay = async (day: string) => {
    moveClock(t, day);
    s.citizen = await signInAgain(t, { kind: 'citizen', phone });
    for (const u of Object.keys(secrets))
      s[u] = await signInAgain(t, { kind: 'staff', username: u, secret: secrets[u] ?? null });
  };
  const ok = async (res: Awaited<ReturnType<typeof post>>, status = 200) => {
    expect(res.statusCode, res.body).toBe(status);
    return res.json();
  };
  const fileOnline = async (name: string, deliveryMethod = 'online') => {
    const body = { ...(await applicationFor(t, s.citizen as Session)), deliveryMethod };
    ids[name] = (await ok(await submit(t, s.citizen as Session, body), 201)).case.id;
  };
  const fileAtWindow = async (name: string, implementationId?: string, deliveryMethod = 'online') => {
    const clerk = s.pclerk as Session;
    const body = {
      ...(await applicationFor(t, clerk, implementationId)),
      deliveryMethod,
      applicant: { kind: 'citizen', name: '赵敏', idNumber },
      ...(implementationId ? { form: { summary: '开一家修鞋铺' } } : {}),
    };
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cases/window',
      headers: { ...clerk.headers, 'idempotency-key': crypto.randomUUID() },
      payload: body,
    });
    ids[name] = (await ok(res, 201)).case.id;
  };
  const accept = async (name: string) =>
    ok(await post(t, s.pclerk as Session, `/api/cases/${ids[name]}/accept`, { note: '材料齐全' }));
  const taskOf = async (who: Session, name: string) => {
    const inbox = await ok(await get(t, who, '/api/workflow/inbox?box=todo'));
    return inbox.items.find((i: { subjectId: string }) => i.subjectId === ids[name]) as { id: string };
  };
  const approve = async (name: string) => {
    const review = await taskOf(s.previewer as Session, name);
    await ok(
      await post(t, s.previewer as Session, `/api/cases/${ids[name]}/tasks/${review.id}/act`, {
        action: 'pass',
        opinion: '符合要求',
      }),
    );
    const decide = await taskOf(s.phead as Session, name);
    await ok(
      await post(t, s.phead as Session, `/api/cases/${ids[name]}/tasks/${decide.id}/act`, {
        action: 'approve',
        opinion: '准予许可',
      }),
    );
  };
  const conclude = async (name: string) =>
    ok(await post(t, s.pclerk as Session, `/api/cases/${ids[name]}/conclude`, { note: '办结' }));
  const report = async (who: Session, query = 'month=2026-03') =>
    ok(await get(t, who, `/api/performance?${query}`));
  const metricsOf = (row: Row | undefined) =>
    Object.fromEntries((row?.metrics ?? []).map((m) => [m.key, [m.numerator, m.denominator, m.text]]));
  const countsOf = (row: Row | undefined) =>
    Object.fromEntries((row?.metrics ?? []).map((m) => [m.key, [m.numerator, m.denominator]]));

  beforeAll(async () => {
    t = await testApp();
    await t.modules.org.seedDemo();
    await t.modules.catalog.seedDemo();
    scjg = (await t.modules.org.findDepartment('411500', '市场监督管理局'))?.id ?? '';
    police = (await t.modules.org.findDepartment('411500', '公安局'))?.id ?? '';
    instant = t.modules.catalog.demoImplementationId('XY-SCJG-001');
    moveClock(t, '2026-02-26');
    const citizen = await signUpCitizen(t, { realName: '李四' });
    phone = citizen.input.phone;
    idNumber = citizen.input.idNumber;
    s.citizen = citizen;
    const staff: Array<[string, Parameters<typeof staffSession>[1], string | null]> = [
      ['pclerk', ['window_clerk'], scjg],
      ['previewer', ['reviewer'], scjg],
      ['phead', ['dept_head'], scjg],
      ['padmin', ['dept_admin'], scjg],
      ['policehead', ['dept_head'], police],
      ['psupervisor', ['supervisor'], null],
      ['poffice', ['office_admin'], null],
    ];
    for (const [u, roles, dept] of staff) {
      const made = await staffSession(t, roles, u, dept);
      s[u] = made;
      secrets[u] = made.secret;
    }
  }, 180_000);
  afterAll(() => t?.close());

  it('works the six cases and three orders on the test clock', async () => {
    // February: F filed and accepted
    await fileOnline('F');
    await accept('F');
    await setDay('2026-03-02');
    await approve('F');
    await conclude('F');
    await fileOnline('A');
    const a = await accept('A');
    expect(a.clock).toMatchObject({ promisedDueOn: '2026-03-09', legalDueOn: '2026-03-16' });
    await fileOnline('B', 'window');
    await ok(
      await post(t, s.pclerk as Session, `/api/cases/${ids.B}/supplement`, {
        items: [{ name: '营业执照', reason: '复印件不清晰' }],
        note: '',
      }),
    );
    await setDay('2026-03-03');
    const form = await applicationFor(t, s.citizen as Session);
    await ok(
      await post(t, s.citizen as Session, `/api/cases/${ids.B}/supply`, {
        materials: [{ name: '营业执照', fileIds: form.materials[0]?.fileIds ?? [] }],
      }),
    );
    const b = await accept('B');
    expect(b.clock).toMatchObject({ promisedDueOn: '2026-03-10', legalDueOn: '2026-03-17' });
    await fileAtWindow('C');
    const c = await accept('C');
    expect(c.clock).toMatchObject({ legalDueOn: '2026-03-17' });
    await setDay('2026-03-04');
    await approve('A');
    await conclude('A');
    await setDay('2026-03-05');
    await fileOnline('D');
    await accept('D');
    await fileAtWindow('E', instant, 'window');
    await setDay('2026-03-10');
    await approve('B');
    await conclude('B');
    await setDay('2026-03-11');
    const issue = async (name: string, days: number) =>
      orderIds.push(
        (
          await ok(
            await post(t, s.psupervisor as Session, '/api/supervision/orders', {
              caseId: ids[name],
              content: '请说明办理进度',
              days,
            }),
            201,
          )
        ).id,
      );
    await issue('C', 2);
    await setDay('2026-03-12');
    await ok(
      await post(t, s.phead as Session, `/api/supervision/orders/${orderIds[0]}/answer`, {
        answer: '已加快办理',
      }),
    );
    await setDay('2026-03-16');
    await issue('D', 1);
    await setDay('2026-03-18');
    await approve('C');
    await conclude('C');
    // ratings (好差评) of the 申报 event on 03-20: A 非常满意, B 满意, D 非常不满意 (rectified and closed),
    // F 不满意 (rectification still open)
    await setDay('2026-03-20');
    const rectifications: Record<string, string> = {};
    for (const [name, level] of [
      ['A', 1],
      ['B', 2],
      ['D', 5],
      ['F', 4],
    ] as const) {
      const events = await ok(await get(t, s.citizen as Session, `/api/ratings/cases/${ids[name]}`));
      const rated = await ok(
        await post(
          t,
          s.citizen as Session,
          `/api/ratings/cases/${ids[name]}/events/${events.events[0].eventId}`,
          {
            level,
          },
        ),
        201,
      );
      ratingIds[name] = rated.id;
      if (rated.rectification) rectifications[name] = rated.rectification.id;
    }
    const step = async (path: string, body: object) =>
      ok(await post(t, s.phead as Session, `/api/ratings/rectifications/${rectifications.D}/${path}`, body));
    await step('verify', { finding: '核实属实' });
    await step('rectify', { measures: '加强审查人员配置' });
    await step('reply', { reply: '已整改' });
    await step('visit', { result: '电话回访，认可', isSatisfied: true });
    await step('close', { note: '整改到位' });
    await setDay('2026-03-30');
    await issue('D', 5);
    await setDay('2026-03-31');
  }, 300_000);

  it('gives 市场监督管理局 the hand-counted numerators and denominators, with formulas', async () => {
    const r = await report(s.poffice as Session);
    expect(r.period).toEqual({ from: '2026-03-01', to: '2026-03-31', label: '2026 年 3 月' });
    const dept = (r.departments as Row[]).find((d) => d.key === scjg);
    expect(metricsOf(dept)).toEqual({
      onTime: [4, 5, '80.0%'], // A B E F of A B C E F
      early: [2, 5, '40.0%'], // A F (B on the day, C late, E promised the same day)
      firstTime: [4, 5, '80.0%'], // not B
      visits: [3, 5, '0.60 次'], // B pickup, C window, E window (picked up on the spot)
      online: [3, 5, '60.0%'], // A B D of A B C D E
      satisfaction: [2, 4, '50.0%'], // A B of A B D F
      rectification: [1, 2, '50.0%'], // D closed, F open
      orders: [3, 3, '3 件'],
      ordersOnTime: [1, 2, '50.0%'], // the third is not due yet
    });
    // 25×0.8 + 10×0.4 + 15×0.8 + 10×(1−0.6/2) + 10×0.6 + 20×0.5 + 5×0.5 + 5×0.5 (weights sum to 100)
    expect(dept?.score).toBe(64);
    expect(dept?.rank).toBe(1);
    expect(r.formulas.map((f: { key: string }) => f.key)).toHaveLength(9);
    expect(r.formulas.find((f: { key: string }) => f.key === 'onTime').formula).toContain('法定期限内办结');
  });

  it('splits windows by filing clerk (online apart) and items by implementation', async () => {
    const r = await report(s.psupervisor as Session);
    const clerkRow = (r.windows as Row[]).find((w) => w.key === s.pclerk?.accountId);
    const online = (r.windows as Row[]).find((w) => w.key === 'online');
    expect(countsOf(clerkRow)).toMatchObject({
      onTime: [1, 2],
      online: [0, 2],
      visits: [2, 2],
      orders: [1, 1],
    });
    expect(countsOf(online)).toMatchObject({
      onTime: [3, 3],
      online: [3, 3],
      visits: [1, 3],
      satisfaction: [2, 4],
      rectification: [1, 2],
      orders: [2, 2],
    });
    const item = (r.items as Row[]).find((i) => i.key === instant);
    expect(countsOf(item)).toMatchObject({ onTime: [1, 1], early: [0, 1], visits: [1, 1], online: [0, 1] });
  });

  it('drills down to the cases and orders behind a figure', async () => {
    const drill = async (metric: string, level = 'department', key = scjg) =>
      ok(
        await get(
          t,
          s.poffice as Session,
          `/api/performance/drill?month=2026-03&metric=${metric}&level=${level}&key=${key}`,
        ),
      );
    const ids_ = (list: Entry[]) => list.map((e) => e.caseId).sort();
    const pick = (...names: string[]) => names.map((n) => ids[n]).sort();
    const onTime = await drill('onTime');
    expect(ids_(onTime.numerator)).toEqual(pick('A', 'B', 'E', 'F'));
    expect(ids_(onTime.denominator)).toEqual(pick('A', 'B', 'C', 'E', 'F'));
    expect(onTime.formula.formula).toContain('按时办结率');
    expect(ids_((await drill('online')).numerator)).toEqual(pick('A', 'B', 'D'));
    expect(ids_((await drill('firstTime')).numerator)).toEqual(pick('A', 'C', 'E', 'F'));
    expect(ids_((await drill('early')).numerator)).toEqual(pick('A', 'F'));
    expect(ids_((await drill('visits')).numerator)).toEqual(pick('B', 'C', 'E'));
    const orders = await drill('ordersOnTime');
    expect(orders.numerator.map((e: Entry) => e.id)).toEqual([orderIds[0]]);
    const satisfaction = await drill('satisfaction');
    expect(satisfaction.numerator.map((e: Entry) => e.id).sort()).toEqual([ratingIds.A, ratingIds.B].sort());
    expect(satisfaction.denominator).toHaveLength(4);
    const rectified = await drill('rectification');
    expect(rectified.numerator.map((e: Entry) => e.id)).toEqual([ratingIds.D]);
    expect(rectified.denominator.map((e: Entry) => e.id).sort()).toEqual([ratingIds.D, ratingIds.F].sort());
    expect(orders.denominator.map((e: Entry) => e.id).sort()).toEqual([orderIds[0], orderIds[1]].sort());
    const unknown = await get(t, s.poffice as Session, '/api/performance/drill?metric=onTime&key=nobody');
    expect(unknown.statusCode).toBe(404);
  });

  it('exports the same figures to Excel, one sheet per level', async () => {
    const res = await get(t, s.poffice as Session, '/api/performance/export.xlsx?month=2026-03');
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['部门', '窗口', '事项', '指标说明']);
    const sheet = wb.getWorksheet('部门');
    if (!sheet) throw new Error('no 部门 sheet');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const row = sheet.getRow(2).values as unknown[];
    const cell = (h: string) => row[header.indexOf(h) + 1];
    expect(cell('部门（2026 年 3 月）')).toBe('信阳市市场监督管理局');
    expect(cell('按时办结率（%）')).toBe(80);
    expect([cell('按时办结率·分子'), cell('按时办结率·分母')]).toEqual([4, 5]);
    expect(cell('平均跑动次数（次）')).toBe(0.6);
    expect(cell('网办率（%）')).toBe(60);
    expect(cell('满意度（%）')).toBe(50);
    expect([cell('差评整改率·分子'), cell('差评整改率·分母')]).toEqual([1, 2]);
    expect(cell('综合得分')).toBe(64);
    expect(cell('督办件数（件）')).toBe(3);
    expect(cell('督办按期答复率（%）')).toBe(50);
    expect(cell('排名')).toBe(1);
  });

  it('ranks the departments month by month through the year', async () => {
    const r = await ok(await get(t, s.psupervisor as Session, '/api/performance/ranking?year=2026'));
    expect(r.months).toEqual(['2026-01', '2026-02', '2026-03']);
    const dept = r.departments.find((d: { key: string }) => d.key === scjg);
    // February: only F, filed online and not yet concluded — 网办率 1/1 is the one scored figure
    expect(dept.cells).toEqual([
      { month: '2026-01', score: null, rank: null },
      { month: '2026-02', score: 100, rank: 1 },
      { month: '2026-03', score: 64, rank: 1 },
    ]);
    expect((await get(t, s.poffice as Session, '/api/performance/ranking?year=1999')).statusCode).toBe(400);
    const foreign = await get(t, s.policehead as Session, `/api/performance/ranking?departmentId=${scjg}`);
    expect(foreign.statusCode).toBe(404);
  });

  it('shows a department its own figures only; others get 404; bad periods get 400', async () => {
    const own = await report(s.phead as Session);
    expect((own.departments as Row[]).map((d) => d.key)).toEqual([scjg]);
    const admin = await report(s.padmin as Session, `month=2026-03&departmentId=${scjg}`);
    expect(admin.departments).toHaveLength(1);
    const police_ = await report(s.policehead as Session);
    expect(police_.departments).toEqual([]);
    for (const url of [
      `/api/performance?month=2026-03&departmentId=${scjg}`,
      `/api/performance/drill?month=2026-03&metric=onTime&key=${scjg}`,
      `/api/performance/export.xlsx?departmentId=${scjg}`,
    ]) {
      const res = await get(t, s.policehead as Session, url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    for (const who of ['pclerk', 'previewer', 'citizen']) {
      const res = await get(t, s[who] as Session, '/api/performance');
      expect(res.statusCode, who).toBe(403);
    }
    expect((await get(t, null, '/api/performance')).statusCode).toBe(401);
    for (const q of [
      'month=2026-13',
      'from=2026-03-10&to=2026-03-01',
      'from=2026-02-30&to=2026-03-01',
      'from=2025-01-01&to=2026-03-01',
      'from=2026-03-01',
      'month=2026-03&from=2026-03-01&to=2026-03-02',
      'metric=x',
    ]) {
      const res = await get(t, s.poffice as Session, `/api/performance?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.headers['content-type'], q).toContain('application/problem+json');
    }
    const range = await report(s.poffice as Session, 'from=2026-03-01&to=2026-03-04');
    expect(range.period.label).toBe('2026-03-01 至 2026-03-04');
    const d = (range.departments as Row[]).find((x) => x.key === scjg);
    expect(countsOf(d)).toMatchObject({ onTime: [2, 2], online: [2, 3] }); // A F concluded; A B C filed
  });
});
