// Demo accounts for the demo city: one staff member per role family, two citizens, an enterprise with
// an authorised agent. Idempotent: does nothing when the demo administrator already exists.

import { shanghaiDate } from '../../platform/clock.ts';
import { systemContext } from '../../platform/context.ts';
import type { Actor } from '../../platform/http/access.ts';
import type { StaffRole } from '../../platform/roles.ts';
import { generateUscc } from '../../platform/standards/uscc.ts';
import type { IdentityDeps } from './deps.ts';
import * as store from './store.ts';
import { registerCitizen } from './use-cases/accounts.ts';
import { grantMandate, openEnterprise } from './use-cases/enterprises.ts';
import { createStaff } from './use-cases/staff.ts';

export type DemoAccount = { who: string; username: string; password: string; note: string };

export const DEMO_CITIZENS = [
  { realName: '张三', idNumber: '411502199001010015', phone: '13800000001', password: 'Xinyang#2026' },
  { realName: '李四', idNumber: '411503199202020021', phone: '13800000002', password: 'Xinyang#2026' },
];
const DEMO_STAFF: Array<{
  username: string;
  name: string;
  roles: StaffRole[];
  password: string;
  dept?: string;
}> = [
  { username: 'admin', name: '系统管理员', roles: ['sys_admin'], password: 'Yiwang#Sys2026!' },
  { username: 'auditor', name: '审计管理员', roles: ['auditor'], password: 'Yiwang#Log2026!' },
  {
    username: 'clerk',
    name: '窗口受理员',
    roles: ['window_clerk'],
    password: 'Yiwang#Window2026',
    dept: '市场监督管理局',
  },
  {
    username: 'reviewer',
    name: '审批人员',
    roles: ['reviewer'],
    password: 'Yiwang#Approve2026',
    dept: '市场监督管理局',
  },
  {
    username: 'reviewer2',
    name: '会审人员',
    roles: ['reviewer'],
    password: 'Yiwang#Review2026',
    dept: '市场监督管理局',
  },
  {
    username: 'head',
    name: '审批负责人',
    roles: ['dept_head'],
    password: 'Yiwang#Lead2026!',
    dept: '市场监督管理局',
  },
  {
    username: 'deptadmin',
    name: '部门管理员',
    roles: ['dept_admin'],
    password: 'Yiwang#Dept2026!',
    dept: '市场监督管理局',
  },
  { username: 'office', name: '政务服务管理员', roles: ['office_admin'], password: 'Yiwang#Hall2026!' },
  { username: 'supervisor', name: '电子监察员', roles: ['supervisor'], password: 'Yiwang#Watch2026' },
  {
    username: 'scjg-data',
    name: '市场监管数据专员',
    roles: ['data_officer'],
    password: 'Yiwang#Data2026!',
    dept: '市场监督管理局',
  },
  {
    username: 'rsj-data',
    name: '人社数据专员',
    roles: ['data_officer'],
    password: 'Yiwang#Share2026',
    dept: '人力资源和社会保障局',
  },
  {
    username: 'databureau',
    name: '数据局审核员',
    roles: ['data_reviewer'],
    password: 'Yiwang#Bureau2026',
    dept: '数据局',
  },
];
export const DEMO_ENTERPRISE = {
  uscc: generateUscc({
    registrationAuthority: '9',
    category: '1',
    divisionCode: '411502',
    orgBody: 'MA9XY001',
  }),
  name: '信阳毛尖茶业有限公司',
};

export type DepartmentFinder = (divisionCode: string, kind: string) => Promise<{ id: string } | null>;

/** Each account is created unless it exists, so an interrupted run completes on the next start. */
export async function seedDemoAccounts(d: IdentityDeps, findDepartment: DepartmentFinder): Promise<boolean> {
  const ctx = systemContext('seed');
  let created = 0;
  for (const s of DEMO_STAFF) {
    if (await store.findStaffByUsername(d.db, s.username)) continue;
    created++;
    const dept = s.dept ? await findDepartment('411500', s.dept) : null;
    await createStaff(d, ctx, {
      username: s.username,
      name: s.name,
      departmentId: dept?.id ?? null,
      divisionCode: '411500',
      roles: s.roles,
      password: s.password,
    });
  }
  const accountIds: string[] = [];
  for (const c of DEMO_CITIZENS) {
    const found = await store.findCitizenByHash(d.db, 'id_number_hash', d.cipher.blindIndex(c.idNumber));
    if (!found) created++;
    accountIds.push(found?.account_id ?? (await registerCitizen(d, ctx, c)).accountId);
  }
  if (await store.findEnterpriseByUscc(d.db, DEMO_ENTERPRISE.uscc)) return created > 0;
  const [repId] = accountIds;
  const actor = (accountId: string) => ({
    kind: 'citizen' as const,
    accountId,
    sessionId: 'seed',
    displayName: '',
    roles: [],
    departmentId: null,
    divisionCode: null,
    enterpriseId: null,
    isMfaComplete: true,
    csrfToken: '',
  });
  const enterprise = await openEnterprise(d, ctx, actor(repId), DEMO_ENTERPRISE);
  const inAYear = shanghaiDate(new Date(d.clock.now().getTime() + 365 * 86_400_000));
  await grantMandate(d, ctx, actor(repId), enterprise.id, {
    agentIdNumber: DEMO_CITIZENS[1].idNumber,
    agentName: DEMO_CITIZENS[1].realName,
    scope: 'all',
    itemCodes: [],
    validUntil: inAYear,
  });
  return true;
}

export function demoAccountList(): DemoAccount[] {
  return [
    ...DEMO_CITIZENS.map((c) => ({
      who: c.realName === '张三' ? '市民（法定代表人）' : '市民（经办人）',
      username: c.phone,
      password: c.password,
      note: `身份证号 ${c.idNumber}`,
    })),
    ...DEMO_STAFF.map((s) => ({
      who: s.name,
      username: s.username,
      password: s.password,
      note: s.roles.join(','),
    })),
  ];
}

/** The demo accounts as actors, for other modules' demo data (cases filed and worked by them). */
export async function demoActors(d: IdentityDeps) {
  const base = { sessionId: 'seed', isMfaComplete: true, csrfToken: '' };
  const staff = async (username: string): Promise<Actor | null> => {
    const row = await store.findStaffByUsername(d.db, username);
    if (!row) return null;
    return {
      ...base,
      kind: 'staff',
      accountId: row.account_id,
      displayName: row.name,
      roles: row.roles,
      departmentId: row.department_id,
      divisionCode: row.division_code,
      enterpriseId: null,
    };
  };
  const citizen = async (index: number, enterpriseId: string | null = null): Promise<Actor | null> => {
    const c = DEMO_CITIZENS[index];
    const row = c && (await store.findCitizenByHash(d.db, 'id_number_hash', d.cipher.blindIndex(c.idNumber)));
    if (!row) return null;
    return {
      ...base,
      kind: 'citizen',
      accountId: row.account_id,
      displayName: row.real_name,
      roles: [],
      departmentId: null,
      divisionCode: null,
      enterpriseId,
    };
  };
  const enterprise = await store.findEnterpriseByUscc(d.db, DEMO_ENTERPRISE.uscc);
  return {
    zhangsan: await citizen(0),
    lisi: await citizen(1),
    /** 李四 acting for 信阳毛尖茶业有限公司 under the demo mandate */
    lisiForEnterprise: enterprise ? await citizen(1, enterprise.id) : null,
    clerk: await staff('clerk'),
    reviewer: await staff('reviewer'),
    reviewer2: await staff('reviewer2'),
    head: await staff('head'),
    /** 市场监督管理局's data officer and the data bureau's reviewer (sharing's demo catalog) */
    scjgData: await staff('scjg-data'),
    rsjData: await staff('rsj-data'),
    databureau: await staff('databureau'),
  };
}
export type DemoActors = Awaited<ReturnType<typeof demoActors>>;
