import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/support/app.ts';
import { isValidOrgCode, isValidUscc } from '../../platform/standards/uscc.ts';
import { isWithinScope } from './index.ts';
import { seedId } from './seed.ts';

describe('org: seeded demo city and public reads', () => {
  let t: TestApp;
  let firstSeed: Record<string, number>;
  beforeAll(async () => {
    t = await testApp();
    firstSeed = await t.modules.org.seedDemo();
  });
  afterAll(() => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('seeds the city, 11 county-level units, 224 townships, 320 departments (29 kinds + 数据局 at city level), 11 halls with 6 windows each', () => {
    expect(firstSeed).toMatchObject({ divisions: 236, departments: 320, halls: 11, windows: 66 });
    expect(firstSeed.calendarDays).toBeGreaterThan(100);
  });

  it('adds nothing and records no audit entry when seeded again', async () => {
    const before = await t.modules.audit.searchEntries({ action: 'org.seed', limit: 10 });
    expect(before.items).toHaveLength(1);
    expect(await t.modules.org.seedDemo()).toEqual({
      divisions: 0,
      departments: 0,
      halls: 0,
      windows: 0,
      calendarDays: 0,
    });
    expect((await t.modules.audit.searchEntries({ action: 'org.seed', limit: 10 })).items).toHaveLength(1);
  });

  it('gives every department a valid, unique GB 32100 code with a valid GB 11714 organization code', async () => {
    const departments = await t.modules.org.listDepartments();
    expect(departments).toHaveLength(320);
    for (const d of departments) {
      expect([d.uscc, isValidUscc(d.uscc), isValidOrgCode(d.uscc.slice(8, 17))]).toEqual([
        d.uscc,
        true,
        true,
      ]);
      expect(d.uscc.slice(2, 8)).toBe(d.divisionCode);
    }
    expect(new Set(departments.map((d) => d.uscc)).size).toBe(320);
  });

  it('uses deterministic ids, so every machine gets the same department id', async () => {
    const dept = await t.modules.org.findDepartment('411500', '市场监督管理局');
    expect(dept).toMatchObject({
      id: seedId('department:411500:市场监督管理局'),
      name: '信阳市市场监督管理局',
    });
    expect(dept?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
  });

  it('lists divisions level by level', async () => {
    const top = await get('/api/org/divisions');
    expect(top.statusCode).toBe(200);
    expect(top.json().items).toEqual([
      {
        code: '411500',
        parentCode: null,
        name: '信阳市',
        level: 'city',
        type: '地级市',
        isStatisticalOnly: false,
      },
    ]);
    const counties = (await get('/api/org/divisions?parent=411500')).json().items;
    expect(counties).toHaveLength(11);
    expect(counties[0]).toMatchObject({ code: '411502', name: '浉河区', level: 'county' });
    expect(counties.find((c: { code: string }) => c.code === '411571')).toMatchObject({
      isStatisticalOnly: true,
    });
    const townships = (await get('/api/org/divisions?parent=411502')).json().items;
    expect(townships).toHaveLength(19);
    expect(townships[0]).toMatchObject({
      code: '411502001',
      name: '老城街道',
      level: 'township',
      type: '街道',
    });
  });

  it('answers 404 for an unknown parent and 400 listing the field for a malformed one', async () => {
    const unknown = await get('/api/org/divisions?parent=999999');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'ORG_DIVISION_NOT_FOUND', title: '行政区划不存在' });
    const bad = await get('/api/org/divisions?parent=41150x');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['querystring.parent']);
    expect((await get('/api/org/divisions?level=city')).statusCode).toBe(400);
  });

  it('lists a county’s departments with official-style names', async () => {
    const res = await get('/api/org/departments?divisionCode=411502');
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((d: { name: string }) => d.name);
    expect(names).toHaveLength(29);
    expect(names).toContain('浉河区市场监督管理局');
    expect(names).toContain('国家税务总局浉河区税务局');
    expect(names).toContain('浉河区消防救援大队');
    expect((await get('/api/org/departments?divisionCode=411500')).json().items).toHaveLength(30);
  });

  it('lists a hall with its windows and the departments each serves', async () => {
    const res = await get('/api/org/halls?divisionCode=411500');
    expect(res.statusCode).toBe(200);
    const [hall] = res.json().items;
    expect(hall).toMatchObject({ name: '信阳市政务服务中心', divisionCode: '411500' });
    expect(hall.windows.map((w: { number: string }) => w.number)).toEqual([
      '01',
      '02',
      '03',
      '04',
      '05',
      '06',
    ]);
    expect(hall.windows[0]).toMatchObject({ name: '综合受理窗口', isComprehensive: true });
    expect(hall.windows[0].departmentIds).toHaveLength(29);
    expect(hall.windows[3]).toMatchObject({ name: '企业开办专窗', isComprehensive: false });
    expect(hall.windows[3].departmentIds).toHaveLength(3);
    expect((await get('/api/org/halls')).json().items).toHaveLength(11);
  });

  it('serves the holiday calendar of a year and refuses a missing or absurd year', async () => {
    const res = await get('/api/calendar?year=2025');
    expect(res.statusCode).toBe(200);
    expect(res.json().year).toBe(2025);
    expect(res.json().days).toContainEqual({
      day: '2025-09-28',
      kind: 'workday',
      name: '国庆节、中秋节调休上班',
    });
    expect((await get('/api/calendar')).statusCode).toBe(400);
    expect((await get('/api/calendar?year=abc')).statusCode).toBe(400);
    expect((await get('/api/calendar?year=1800')).statusCode).toBe(400);
  });

  it('offers other modules departments, division checks, scope checks and county codes', async () => {
    const org = t.modules.org;
    const dept = await org.findDepartment('411502', '公安局');
    expect(dept).not.toBeNull();
    expect(await org.getDepartment(dept?.id ?? '')).toMatchObject({ name: '浉河区公安局' });
    expect(await org.getDepartment('0194a000-0000-7000-8000-000000000000')).toBeNull();
    expect(await org.divisionExists('411502001')).toBe(true);
    expect(await org.divisionExists('411599')).toBe(false);
    expect(await org.listCountyCodes()).toEqual([
      '411502',
      '411503',
      '411521',
      '411522',
      '411523',
      '411524',
      '411525',
      '411526',
      '411527',
      '411528',
      '411571',
    ]);
    expect(isWithinScope('411500', '411528203')).toBe(true);
    expect(isWithinScope('411502', '411503')).toBe(false);
  });
});
