// The statistics after a known set of cases, counted by hand: five cases filed on Tuesday 2026-03-31
// (three 食品经营许可 online, one 即办件 at the city's window, one 即办件 online in 浉河区), decided on
// Thursday 04-02 (one accepted, one refused, one withdrawn, the county's accepted and concluded on the
// spot). Then ratings, the overdue case, idempotency, the rebuild agreeing and repairing a corrupted
// aggregate, who may see what, and bad input.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { type Session, signInAgain, signUpCitizen, staffSession } from '../../../../test/support/auth.ts';
import { sql } from '../../../platform/db/index.ts';
import { emit } from '../../../platform/events.ts';
import { applicationFor, get, setDay as moveClock, post, submit } from '../../cases/tests/support.ts';

type Who = { username: string; secret: string | null };

describe('statistics kept by incremental aggregates', () => {
  let t: TestApp;
  let phone = '';
  let citizen: Session;
  const people: Record<string, Who> = {};
  const s: Record<string, Session> = {};
  let scjg = '';
  let county = '';
  const ids: Record<string, string> = {};

  const setDay = async (day: string) => {
    moveClock(t, day);
    citizen = await signInAgain(t, { kind: 'citizen', phone });
    for (const [key, who] of Object.entries(people))
      s[key] = await signInAgain(t, { kind: 'staff', username: who.username, secret: who.secret });
  };
  const dashboard = async (query = '', who: Session | undefined = s.office) => {
    const res = await get(t, who ?? null, `/api/analytics/dashboard${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const rate = async (ratingId: string, level: number, previousLevel: number | null, at: string) =>
    t.db.transaction().execute((tx) =>
      emit(tx, previousLevel === null ? 'rating.created' : 'rating.amended', {
        ratingId,
        caseId: ids.a,
        departmentId: scjg,
        implementationId: randomUUID(),
        divisionCode: '411500',
        channel: 'online',
        level,
        previousLevel,
        at,
      }),
    );

  beforeAll(async () => {
    t = await testApp();
    await t.modules.org.seedDemo();
    await t.modules.catalog.seedDemo();
    scjg = (await t.modules.org.findDepartment('411500', '市场监督管理局'))?.id ?? '';
    county = (await t.modules.org.findDepartment('411502', '市场监督管理局'))?.id ?? '';
    const other = (await t.modules.org.listDepartments('411500')).find((d) => d.id !== scjg)?.id ?? null;
    const signedUp = await signUpCitizen(t, { realName: '李四' });
    phone = signedUp.input.phone;
    const make = async (key: string, roles: Parameters<typeof staffSession>[1], dept: string | null) => {
      const made = await staffSession(t, roles, `an-${key}`, dept);
      people[key] = { username: made.username, secret: made.secret };
    };
    await make('clerk', ['window_clerk'], scjg);
    await make('countyClerk', ['window_clerk'], county);
    await make('head', ['dept_head'], scjg);
    await make('otherHead', ['dept_head'], other);
    await make('reviewer', ['reviewer'], scjg);
    await make('office', ['office_admin'], null);
    await make('supervisor', ['supervisor'], null);
  }, 120_000);
  afterAll(() => t?.close());

  it('counts five cases filed on 03-31 and decided on 04-02 exactly as by hand', async () => {
    await setDay('2026-03-31');
    for (const key of ['a', 'b', 'c']) {
      const res = await submit(t, citizen, await applicationFor(t, citizen));
      expect(res.statusCode, res.body).toBe(201);
      ids[key] = res.json().case.id;
    }
    const instant = t.modules.catalog.demoImplementationId('XY-SCJG-001');
    const walkIn = await t.app.inject({
      method: 'POST',
      url: '/api/cases/window',
      headers: { ...s.clerk?.headers, 'idempotency-key': randomUUID() },
      payload: {
        ...(await applicationFor(t, s.clerk as Session, instant)),
        form: { summary: '开一家修鞋铺' },
        applicant: { kind: 'citizen', name: '李四', idNumber: (await signUpCitizen(t)).input.idNumber },
      },
    });
    expect(walkIn.statusCode, walkIn.body).toBe(201);
    expect(walkIn.json().case.state).toBe('concluded');
    const countyItem = t.modules.catalog.demoImplementationId('XY-SCJG-001', '411502');
    const k = await submit(t, citizen, {
      ...(await applicationFor(t, citizen, countyItem)),
      form: { summary: '开一家修鞋铺' },
    });
    expect(k.statusCode, k.body).toBe(201);
    ids.k = k.json().case.id;

    await setDay('2026-04-02');
    expect((await post(t, s.clerk as Session, `/api/cases/${ids.a}/accept`, { note: '' })).statusCode).toBe(
      200,
    );
    const refused = await post(t, s.clerk as Session, `/api/cases/${ids.b}/refuse`, {
      reason: '不属于本机关职权范围',
      basis: '《中华人民共和国行政许可法》第三十二条',
    });
    expect(refused.statusCode, refused.body).toBe(200);
    expect((await post(t, citizen, `/api/cases/${ids.c}/withdraw`, { reason: '不再开办' })).statusCode).toBe(
      200,
    );
    const kDone = await post(t, s.countyClerk as Session, `/api/cases/${ids.k}/accept`, { note: '' });
    expect(kDone.statusCode, kDone.body).toBe(200);
    await t.modules.runJobs();

    const d = await dashboard('?from=2026-03-31&to=2026-04-02');
    expect(d.totals).toEqual({
      submitted: 5,
      accepted: 3,
      refused: 1,
      returned: 0,
      withdrawn: 1,
      concluded: 2,
      concludedOnTime: 2,
      approved: 2,
      denied: 0,
    });
    expect(d.rates).toEqual({ acceptance: 0.75, conclusion: 0.6667, onTime: 1, online: 0.8 });
    expect(d.todayCounts).toMatchObject({
      submitted: 0,
      accepted: 2,
      refused: 1,
      withdrawn: 1,
      concluded: 1,
    });
    expect(d.byChannel).toEqual([
      { channel: 'online', label: '网上办理', submitted: 4 },
      { channel: 'window', label: '窗口办理', submitted: 1 },
    ]);
    const byCounty = Object.fromEntries(
      d.byCounty.map((c: { name: string; submitted: number }) => [c.name, c.submitted]),
    );
    expect(byCounty).toMatchObject({ 市本级: 4, 浉河区: 1, 平桥区: 0 });
    expect(d.byDepartment[0]).toMatchObject({ departmentId: scjg, submitted: 4, concluded: 1, onTime: 1 });
    expect(d.byItem.map((i: { submitted: number }) => i.submitted)).toEqual([3, 1, 1]);
    expect(d.trend).toHaveLength(30);
    expect(d.trend.at(-3)).toEqual({ day: '2026-03-31', submitted: 5, accepted: 1, concluded: 1 });
    expect(d.overdueNow).toBe(0);
    const online = await dashboard('?from=2026-03-31&to=2026-04-02&channel=window');
    expect(online.totals.submitted).toBe(1);
    const shihe = await dashboard('?from=2026-03-31&to=2026-04-02&county=411502');
    expect(shihe.totals).toMatchObject({ submitted: 1, concluded: 1 });
  });

  it('counts ratings by their current level; an amendment moves one, a repeated event changes nothing', async () => {
    const [r1, r2, r3] = [randomUUID(), randomUUID(), randomUUID()];
    await rate(r1, 1, null, '2026-04-02T03:00:00Z');
    await rate(r2, 5, null, '2026-04-02T03:01:00Z');
    await rate(r3, 3, null, '2026-04-02T03:02:00Z');
    await rate(r2, 4, 5, '2026-04-02T03:05:00Z');
    await rate(r1, 1, null, '2026-04-02T03:00:00Z'); // delivered twice
    await rate(r2, 5, null, '2026-04-02T03:01:00Z'); // an old event arriving late
    await t.modules.runJobs();
    const d = await dashboard('?from=2026-04-01&to=2026-04-02');
    expect(d.satisfaction).toEqual({ byLevel: [1, 0, 1, 1, 0], total: 3, rate: 0.6667 });
    // a fourth, 非常不满意, excluded after the department's appeal is upheld (twice delivered)
    const r4 = randomUUID();
    await rate(r4, 5, null, '2026-04-02T03:06:00Z');
    for (const _ of [1, 2])
      await t.db.transaction().execute((tx) =>
        emit(tx, 'rating.excluded', {
          ratingId: r4,
          caseId: ids.a,
          departmentId: scjg,
          level: 5,
          at: '2026-04-02T05:00:00Z',
        }),
      );
    await t.modules.runJobs();
    const after = await dashboard('?from=2026-04-01&to=2026-04-02');
    expect(after.satisfaction).toEqual(d.satisfaction);
  });

  it('shows the accepted case overdue once its promised day (04-10) has passed', async () => {
    await setDay('2026-04-13');
    await t.modules.runJobs();
    const d = await dashboard();
    expect(d.overdueNow).toBe(1);
    expect(d.period).toEqual({ from: '2026-03-15', to: '2026-04-13' });
  });

  it('changes nothing when the job runs again, twice at once, or a case is queued again', async () => {
    const before = await dashboard('?from=2026-03-31&to=2026-04-13');
    await t.db.transaction().execute(async (tx) => {
      for (const id of Object.values(ids)) await emit(tx, 'case.step', { caseId: id });
    });
    await Promise.all([t.modules.runJobs(), t.modules.runJobs(), t.modules.analytics.runPending()]);
    const after = await dashboard('?from=2026-03-31&to=2026-04-13');
    expect({ ...after, asOf: '' }).toEqual({ ...before, asOf: '' });
  });

  it('the rebuild agrees with the incremental statistics after this mixed history', async () => {
    const report = await t.modules.analytics.rebuild();
    expect(report).toEqual({
      cases: 5,
      factsRepaired: 0,
      dailyRepaired: 0,
      ratingsRepaired: 0,
      agreed: true,
    });
  });

  it('the rebuild finds and repairs a corrupted aggregate, a lost fact and a wrong rating count', async () => {
    const good = await dashboard('?from=2026-03-31&to=2026-04-13');
    for (const table of ['daily', 'daily_area'])
      await sql`update ${sql.table(`analytics.${table}`)} set submitted = submitted + 7
        where day = '2026-03-31'`.execute(t.db);
    await sql`update analytics.monthly set concluded = 0`.execute(t.db);
    await sql`delete from analytics.case_fact where case_id = ${ids.c}`.execute(t.db);
    await sql`update analytics.rating_daily set count = 9 where level = 1`.execute(t.db);
    const wrong = await dashboard('?from=2026-03-31&to=2026-04-13');
    expect(wrong.totals.submitted).toBeGreaterThan(5);
    expect(wrong.byDepartment[0].concluded).toBe(0);
    const report = await t.modules.analytics.rebuild();
    expect(report.agreed).toBe(false);
    expect(report.factsRepaired).toBe(1);
    expect(report.dailyRepaired).toBeGreaterThan(0);
    expect(report.ratingsRepaired).toBe(1);
    const repaired = await dashboard('?from=2026-03-31&to=2026-04-13');
    expect({ ...repaired, asOf: '' }).toEqual({ ...good, asOf: '' });
    expect((await t.modules.analytics.rebuild()).agreed).toBe(true);
  });

  it('a department sees its own department only; others may not look', async () => {
    const own = await dashboard('?from=2026-03-31&to=2026-04-13', s.head);
    expect(own.scope.departmentId).toBe(scjg);
    expect(own.totals.submitted).toBe(4);
    const none = await dashboard('?from=2026-03-31&to=2026-04-13', s.otherHead);
    expect(none.totals.submitted).toBe(0);
    const peek = await get(t, s.head as Session, `/api/analytics/dashboard?departmentId=${county}`);
    expect(peek.statusCode).toBe(403);
    expect(peek.json().code).toBe('ANALYTICS_OTHER_DEPARTMENT');
    const sup = await dashboard(`?from=2026-03-31&to=2026-04-13&departmentId=${county}`, s.supervisor);
    expect(sup.totals.submitted).toBe(1);
    expect((await get(t, citizen, '/api/analytics/dashboard')).statusCode).toBe(403);
    expect((await get(t, s.reviewer as Session, '/api/analytics/dashboard')).statusCode).toBe(403);
    expect((await get(t, s.clerk as Session, '/api/analytics/dashboard')).statusCode).toBe(403);
    expect((await get(t, null, '/api/analytics/dashboard')).statusCode).toBe(401);
  });

  it('refuses bad input with 400 problem+json', async () => {
    for (const query of [
      '?from=2026-13-01',
      '?from=2026-02-30',
      '?from=2026-04-10&to=2026-04-01',
      '?from=2024-01-01&to=2026-04-01',
      '?county=999999',
      '?county=41',
      '?channel=fax',
      '?departmentId=not-a-uuid',
      '?x=1',
    ]) {
      const res = await get(t, s.office as Session, `/api/analytics/dashboard${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });
});
