import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/support/app.ts';
import { type Session, staffSession } from '../../../test/support/auth.ts';
import { systemContext } from '../../platform/context.ts';
import type { Actor } from '../../platform/http/access.ts';
import { generateUscc } from '../../platform/standards/uscc.ts';

const uscc = (serial: number) =>
  generateUscc({
    registrationAuthority: '1',
    category: '1',
    divisionCode: '411502',
    orgBody: `9${String(serial).padStart(7, '0')}`,
  });

describe('org administration over HTTP', () => {
  let t: TestApp;
  let admin: Session;
  let clerk: Session;
  beforeAll(async () => {
    t = await testApp();
    await t.modules.org.seedDemo();
    admin = await staffSession(t, ['sys_admin']);
    clerk = await staffSession(t, ['window_clerk']);
  });
  afterAll(() => t.close());

  type Method = 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  const send = (method: Method, url: string, payload?: object, who: Session | null = admin) =>
    t.app.inject({ method, url, payload, headers: who?.headers ?? {} });
  const auditCount = async (action: string) =>
    (await t.modules.audit.searchEntries({ action, limit: 200 })).items.length;
  const newDepartment = (over: object = {}) => ({
    divisionCode: '411502',
    name: '浉河区数据局',
    shortName: '数据局',
    uscc: uscc(1),
    ...over,
  });

  it('refuses every admin route without a session (401) and to a window clerk (403)', async () => {
    const id = '0194a000-0000-7000-8000-000000000000';
    // Valid bodies: the platform validates the body before it checks access (see the report on server.ts).
    const routes: Array<[Method, string, object | undefined]> = [
      ['POST', '/api/admin/departments', newDepartment({ uscc: uscc(9) })],
      ['PATCH', `/api/admin/departments/${id}`, { name: '新' }],
      ['POST', '/api/admin/halls', { divisionCode: '411502', name: '某中心' }],
      ['PATCH', `/api/admin/halls/${id}`, { name: '新' }],
      ['POST', '/api/admin/windows', { hallId: id, number: '99', name: '新' }],
      ['PATCH', `/api/admin/windows/${id}`, { name: '新' }],
      ['PUT', '/api/admin/calendar/2025-11-03', { kind: 'holiday', name: '新' }],
      ['DELETE', '/api/admin/calendar/2025-10-01', undefined],
    ];
    for (const [method, url, body] of routes) {
      const anonymous = await send(method, url, body, null);
      expect([method, url, anonymous.statusCode, anonymous.json().code]).toEqual([
        method,
        url,
        401,
        'AUTH_REQUIRED',
      ]);
      const wrongRole = await send(method, url, body, clerk);
      expect([method, url, wrongRole.statusCode, wrongRole.json().code]).toEqual([
        method,
        url,
        403,
        'FORBIDDEN',
      ]);
    }
    expect(await auditCount('calendar.day.remove')).toBe(0);
  });

  it('creates a department and records who did it in the audit log, in the same transaction', async () => {
    const res = await send('POST', '/api/admin/departments', newDepartment());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: '浉河区数据局',
      divisionCode: '411502',
      uscc: uscc(1),
      kind: '',
    });
    const [entry] = (await t.modules.audit.searchEntries({ action: 'org.department.create', limit: 5 }))
      .items;
    expect(entry).toMatchObject({ subjectId: res.json().id, actorId: admin.accountId, outcome: 'success' });
    const listed = (await t.app.inject({ url: '/api/org/departments?divisionCode=411502' })).json().items;
    expect(listed.map((d: { name: string }) => d.name)).toContain('浉河区数据局');
  });

  it('answers a duplicate name or code with 409 and a Chinese message, never a 500', async () => {
    const before = await auditCount('org.department.create');
    const sameName = await send('POST', '/api/admin/departments', newDepartment({ uscc: uscc(2) }));
    expect(sameName.statusCode).toBe(409);
    expect(sameName.json()).toMatchObject({ code: 'ORG_DEPARTMENT_EXISTS', title: '部门已存在' });
    expect(sameName.json().detail).toContain('浉河区数据局');
    const sameCode = await send('POST', '/api/admin/departments', newDepartment({ name: '浉河区另一个局' }));
    expect(sameCode.statusCode).toBe(409);
    expect(sameCode.json().detail).toContain('统一社会信用代码');
    expect(await auditCount('org.department.create')).toBe(before);
  });

  it('rejects unknown fields and wrong types with 400 problem+json listing each field', async () => {
    const res = await send('POST', '/api/admin/departments', {
      divisionCode: 411502,
      name: '',
      shortName: '局',
      uscc: uscc(3),
      isAdmin: true,
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('VALIDATION_FAILED');
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.divisionCode', 'body.name']));
    expect(JSON.stringify(res.json().errors)).toContain('isAdmin');
  });

  it('rejects a malformed USCC, and a bad check character unless the officer confirms it', async () => {
    const malformed = await send(
      'POST',
      '/api/admin/departments',
      newDepartment({ name: '甲局', uscc: 'I'.repeat(18) }),
    );
    expect(malformed.json()).toMatchObject({ status: 400, code: 'ORG_USCC_MALFORMED' });
    const pilot = newDepartment({ name: '试点局', uscc: '91350100M0001TGQXM' });
    const refused = await send('POST', '/api/admin/departments', pilot);
    expect(refused.json()).toMatchObject({ status: 400, code: 'ORG_USCC_CHECKSUM' });
    const confirmed = await send('POST', '/api/admin/departments', {
      ...pilot,
      acceptUsccChecksumMismatch: true,
    });
    expect(confirmed.statusCode).toBe(201);
  });

  it('answers 404 for an unknown department or division', async () => {
    const missing = await send('PATCH', '/api/admin/departments/0194a000-0000-7000-8000-000000000000', {
      name: '新',
    });
    expect(missing.json()).toMatchObject({ status: 404, code: 'ORG_DEPARTMENT_NOT_FOUND' });
    const noDivision = await send(
      'POST',
      '/api/admin/departments',
      newDepartment({ divisionCode: '411599', uscc: uscc(4) }),
    );
    expect(noDivision.json()).toMatchObject({ status: 404, code: 'ORG_DIVISION_NOT_FOUND' });
    expect((await send('PATCH', '/api/admin/departments/not-a-uuid', { name: '新' })).statusCode).toBe(400);
  });

  it('edits a department, auditing before and after, and refuses an empty edit', async () => {
    const [dept] = (await t.app.inject({ url: '/api/org/departments?divisionCode=411503' })).json().items;
    const res = await send('PATCH', `/api/admin/departments/${dept.id}`, { shortName: '改名后' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: dept.id, shortName: '改名后', name: dept.name });
    const [entry] = (await t.modules.audit.searchEntries({ action: 'org.department.update', limit: 1 }))
      .items;
    expect(entry.summary).toMatchObject({
      before: { shortName: dept.shortName },
      after: { shortName: '改名后' },
    });
    expect((await send('PATCH', `/api/admin/departments/${dept.id}`, {})).statusCode).toBe(400);
  });

  it('creates and edits a hall; a duplicate hall name is a 409', async () => {
    const body = {
      divisionCode: '411502001',
      name: '老城街道便民服务中心',
      address: '老城街道',
      phone: '0376-1234567',
    };
    const created = await send('POST', '/api/admin/halls', body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ ...body, windows: [] });
    expect((await send('POST', '/api/admin/halls', body)).json()).toMatchObject({
      status: 409,
      code: 'ORG_HALL_EXISTS',
    });
    const edited = await send('PATCH', `/api/admin/halls/${created.json().id}`, { hours: '周一至周五' });
    expect(edited.json()).toMatchObject({ hours: '周一至周五', name: body.name });
    expect(await auditCount('org.hall.update')).toBe(1);
    expect(
      (await send('PATCH', `/api/admin/halls/${created.json().id}`, { phone: 'call me' })).statusCode,
    ).toBe(400);
  });

  it('creates a window serving local departments and refuses departments outside the hall’s division', async () => {
    const [hall] = (await t.app.inject({ url: '/api/org/halls?divisionCode=411502' })).json().items;
    const local = (await t.app.inject({ url: '/api/org/departments?divisionCode=411502' })).json().items;
    const other = (await t.app.inject({ url: '/api/org/departments?divisionCode=411503' })).json().items;
    const ok = await send('POST', '/api/admin/windows', {
      hallId: hall.id,
      number: '07',
      name: '工程建设项目专窗',
      departmentIds: [local[0].id, local[1].id],
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ number: '07', isComprehensive: false });
    expect(ok.json().departmentIds).toHaveLength(2);
    const outside = await send('POST', '/api/admin/windows', {
      hallId: hall.id,
      number: '08',
      name: '越界窗口',
      departmentIds: [other[0].id],
    });
    expect(outside.json()).toMatchObject({ status: 400, code: 'ORG_WINDOW_DEPARTMENT_SCOPE' });
    const duplicate = await send('POST', '/api/admin/windows', {
      hallId: hall.id,
      number: '01',
      name: '重复',
    });
    expect(duplicate.json()).toMatchObject({ status: 409, code: 'ORG_WINDOW_EXISTS' });
    const noHall = await send('POST', '/api/admin/windows', {
      hallId: '0194a000-0000-7000-8000-000000000000',
      number: '09',
      name: '无中心',
    });
    expect(noHall.json()).toMatchObject({ status: 404, code: 'ORG_HALL_NOT_FOUND' });
  });

  it('leaves nothing behind when a window edit fails half-way', async () => {
    const [hall] = (await t.app.inject({ url: '/api/org/halls?divisionCode=411503' })).json().items;
    const window = hall.windows[3];
    const before = await auditCount('org.window.update');
    const res = await send('PATCH', `/api/admin/windows/${window.id}`, { number: '01', departmentIds: [] });
    expect(res.json()).toMatchObject({ status: 409, code: 'ORG_WINDOW_EXISTS' });
    const [after] = (await t.app.inject({ url: '/api/org/halls?divisionCode=411503' })).json().items;
    expect(after.windows[3]).toEqual(window);
    expect(await auditCount('org.window.update')).toBe(before);
    const fine = await send('PATCH', `/api/admin/windows/${window.id}`, { name: '企业开办综合专窗' });
    expect(fine.json()).toMatchObject({ name: '企业开办综合专窗', departmentIds: window.departmentIds });
  });

  it('edits the holiday calendar with audit entries, and the working-day rule follows', async () => {
    const put = await send('PUT', '/api/admin/calendar/2025-11-03', { kind: 'holiday', name: '临时停工' });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ day: '2025-11-03', kind: 'holiday', name: '临时停工' });
    const year = (await t.app.inject({ url: '/api/calendar?year=2025' })).json();
    expect(year.days).toContainEqual({ day: '2025-11-03', kind: 'holiday', name: '临时停工' });
    expect(await auditCount('calendar.day.set')).toBe(1);
    const removed = await send('DELETE', '/api/admin/calendar/2025-11-03');
    expect(removed.statusCode).toBe(204);
    expect(await auditCount('calendar.day.remove')).toBe(1);
    const again = await send('DELETE', '/api/admin/calendar/2025-11-03');
    expect(again.json()).toMatchObject({ status: 404, code: 'ORG_CALENDAR_DAY_NOT_FOUND' });
  });

  it('refuses impossible dates, unknown kinds and extra fields on calendar edits', async () => {
    const impossible = await send('PUT', '/api/admin/calendar/2025-02-30', { kind: 'holiday', name: 'x' });
    expect(impossible.json()).toMatchObject({ status: 400, code: 'ORG_INVALID_DATE' });
    const badKind = await send('PUT', '/api/admin/calendar/2025-11-04', {
      kind: 'party',
      name: 'x',
      extra: 1,
    });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().errors.map((e: { path: string }) => e.path)).toContain('body.kind');
    expect((await send('PUT', '/api/admin/calendar/20251104', { kind: 'holiday' })).statusCode).toBe(400);
  });

  it('makes the service verbs check the role themselves, whatever the route did', async () => {
    const reviewer: Actor = {
      kind: 'staff',
      accountId: '0194a000-0000-7000-8000-000000000001',
      sessionId: 's',
      displayName: '审批人员',
      roles: ['reviewer'],
      departmentId: null,
      divisionCode: '411500',
      enterpriseId: null,
      isMfaComplete: true,
      csrfToken: 'x',
    };
    const input = { kind: 'holiday' as const, name: 'x' };
    await expect(t.modules.org.setCalendarDay(systemContext(), '2025-11-05', input)).rejects.toMatchObject({
      code: 'AUTH_REQUIRED',
    });
    const ctx = { actor: reviewer, requestId: 'r', ip: '127.0.0.1' };
    await expect(t.modules.org.setCalendarDay(ctx, '2025-11-05', input)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const asAdmin = { ...ctx, actor: { ...reviewer, roles: ['sys_admin' as const] } };
    await expect(t.modules.org.setCalendarDay(asAdmin, '2025-11-05', input)).resolves.toMatchObject({
      day: '2025-11-05',
    });
  });
});
