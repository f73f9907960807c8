// 改派 candidates: the department admin sees the active staff of the own department holding the asked
// role — not another department's, not a disabled colleague's, not someone without the role.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { type Session, STAFF_PASSWORD, staffSession } from '../../../../test/support/auth.ts';
import { systemContext } from '../../../platform/context.ts';
import type { StaffRole } from '../../../platform/http/access.ts';
import { get } from '../../cases/tests/support.ts';

describe('GET /api/workflow/assignees', () => {
  let t: TestApp;
  let admin: Session;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await testApp();
    await t.modules.org.seedDemo();
    const scjg = (await t.modules.org.findDepartment('411500', '市场监督管理局'))?.id ?? null;
    const gaj = (await t.modules.org.findDepartment('411500', '公安局'))?.id ?? null;
    const make = async (username: string, name: string, roles: StaffRole[], departmentId: string | null) => {
      const created = await t.modules.identity.createStaff(systemContext(), {
        username,
        name,
        departmentId,
        divisionCode: '411500',
        roles,
        password: STAFF_PASSWORD,
      });
      ids[username] = created.id;
    };
    await make('asg-rev', '甲审批', ['reviewer'], scjg);
    await make('asg-head', '乙负责', ['dept_head', 'reviewer'], scjg);
    await make('asg-clerk', '丙窗口', ['window_clerk'], scjg);
    await make('asg-gone', '丁停用', ['reviewer'], scjg);
    await make('asg-other', '戊外局', ['reviewer'], gaj);
    const sys = await staffSession(t, ['sys_admin'], 'asg-sys');
    const off = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/staff/${ids['asg-gone']}`,
      headers: sys.headers,
      payload: { isDisabled: true },
    });
    expect(off.statusCode, off.body).toBe(200);
    admin = await staffSession(t, ['dept_admin'], 'asg-admin', scjg);
  }, 120_000);
  afterAll(() => t?.close());

  it('lists the active reviewers of the own department only', async () => {
    const res = await get(t, admin, '/api/workflow/assignees?role=reviewer');
    expect(res.statusCode, res.body).toBe(200);
    const listed = res.json().items.map((i: { id: string }) => i.id);
    expect(listed.sort()).toEqual([ids['asg-rev'], ids['asg-head']].sort());
    expect(res.json().items.find((i: { id: string }) => i.id === ids['asg-head']).name).toBe('乙负责');
  });

  it('lists the heads for a 决定 step', async () => {
    const res = await get(t, admin, '/api/workflow/assignees?role=dept_head');
    expect(res.json().items).toEqual([{ id: ids['asg-head'], name: '乙负责' }]);
  });

  it('refuses an unknown role and anyone but the department admin', async () => {
    expect((await get(t, admin, '/api/workflow/assignees?role=window_clerk')).statusCode).toBe(400);
    const reviewer = await staffSession(t, ['reviewer'], 'asg-rev2');
    expect((await get(t, reviewer, '/api/workflow/assignees?role=reviewer')).statusCode).toBe(403);
  });
});
