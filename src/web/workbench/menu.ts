// The workbench menu, built from the signed-in staff member's roles. Entries without a path belong
// to modules still being built and show as "即将开放".
import type { StaffRole } from '../api.ts';

export type MenuEntry = { key: string; label: string; path: string | null; roles: StaffRole[] | 'all' };

export const ROLE_LABEL: Record<StaffRole, string> = {
  window_clerk: '窗口人员',
  reviewer: '审批人员',
  dept_head: '审批负责人',
  dept_admin: '部门管理员',
  office_admin: '政务服务管理机构',
  supervisor: '电子监察',
  data_officer: '数据专员',
  data_reviewer: '数据资源审核',
  hotline_agent: '12345 座席',
  inspector: '执法人员',
  auditor: '审计管理员',
  sys_admin: '系统管理员',
};

export const MENU: MenuEntry[] = [
  { key: 'home', label: '工作台', path: '/workbench', roles: 'all' },
  { key: 'intake', label: '窗口收件', path: '/workbench/intake', roles: ['window_clerk'] },
  { key: 'review', label: '审批待办', path: '/workbench/inbox', roles: ['reviewer', 'dept_head'] },
  {
    key: 'dept-cases',
    label: '本部门办件',
    path: '/workbench/cases',
    roles: ['window_clerk', 'reviewer', 'dept_head', 'dept_admin'],
  },
  {
    key: 'licenses',
    label: '证照管理',
    path: '/workbench/licenses',
    roles: ['window_clerk', 'reviewer', 'dept_head', 'dept_admin'],
  },
  { key: 'items', label: '事项管理', path: '/workbench/catalog', roles: ['dept_admin'] },
  { key: 'item-review', label: '事项审核', path: '/workbench/catalog/review', roles: ['office_admin'] },
  {
    key: 'item-excel',
    label: '实施清单 Excel',
    path: '/workbench/catalog/excel',
    roles: ['dept_admin', 'office_admin'],
  },
  { key: 'license-types', label: '证照目录', path: '/workbench/license-types', roles: ['office_admin'] },
  { key: 'seals', label: '印章管理', path: '/workbench/seals', roles: ['dept_admin', 'office_admin'] },
  { key: 'reassign', label: '任务改派', path: '/workbench/tasks', roles: ['dept_admin'] },
  { key: 'processes', label: '审批流程', path: '/workbench/processes', roles: ['dept_admin'] },
  { key: 'supervision', label: '电子监察', path: '/workbench/supervision', roles: ['supervisor'] },
  {
    key: 'supervision-orders',
    label: '督办单',
    path: '/workbench/supervision/orders',
    roles: ['supervisor'],
  },
  {
    key: 'supervision-rules',
    label: '监察规则',
    path: '/workbench/supervision/rules',
    roles: ['supervisor'],
  },
  {
    key: 'dept-orders',
    label: '督办件',
    path: '/workbench/supervision/orders',
    roles: ['dept_head', 'dept_admin'],
  },
  {
    key: 'dept-warnings',
    label: '本部门预警',
    path: '/workbench/supervision',
    roles: ['dept_head', 'dept_admin'],
  },
  { key: 'cockpit', label: '领导驾驶舱', path: '/workbench/cockpit', roles: ['office_admin', 'supervisor'] },
  {
    key: 'performance',
    label: '绩效评估',
    path: '/workbench/performance',
    roles: ['office_admin', 'supervisor', 'dept_head', 'dept_admin'],
  },
  {
    key: 'ratings',
    label: '好差评整改',
    path: '/workbench/ratings',
    roles: ['dept_head', 'dept_admin', 'supervisor', 'office_admin'],
  },
  {
    key: 'rating-appeals',
    label: '差评申诉复核',
    path: '/workbench/ratings/appeals',
    roles: ['office_admin'],
  },
  {
    key: 'sharing',
    label: '数据共享',
    path: '/workbench/sharing',
    roles: ['data_officer', 'data_reviewer'],
  },
  { key: 'sharing-mine', label: '本部门资源', path: '/workbench/sharing/mine', roles: ['data_officer'] },
  {
    key: 'sharing-review',
    label: '目录审核',
    path: '/workbench/sharing/review',
    roles: ['data_reviewer'],
  },
  {
    key: 'sharing-subscriptions',
    label: '资源订阅',
    path: '/workbench/sharing/subscriptions',
    roles: ['data_officer'],
  },
  {
    key: 'sharing-shares',
    label: '我的申请与授权',
    path: '/workbench/sharing/my-shares',
    roles: ['data_officer'],
  },
  {
    key: 'sharing-approvals',
    label: '共享审批',
    path: '/workbench/sharing/approvals',
    roles: ['data_officer'],
  },
  { key: 'sharing-clients', label: '接入系统', path: '/workbench/sharing/clients', roles: ['data_officer'] },
  {
    key: 'sharing-call-log',
    label: '调用日志',
    path: '/workbench/sharing/call-log',
    roles: ['data_officer'],
  },
  {
    key: 'sharing-dead-letters',
    label: '投递失败',
    path: '/workbench/sharing/dead-letters',
    roles: ['data_reviewer'],
  },
  {
    key: 'sharing-quality',
    label: '数据质量看板',
    path: '/workbench/sharing/quality',
    roles: ['data_officer', 'data_reviewer', 'office_admin'],
  },
  { key: 'opendata', label: '数据开放', path: '/workbench/opendata', roles: ['data_reviewer'] },
  { key: 'hotline', label: '12345 工单', path: null, roles: ['hotline_agent'] },
  { key: 'inspection', label: '双随机检查', path: null, roles: ['inspector'] },
  { key: 'departments', label: '部门管理', path: '/workbench/admin/departments', roles: ['sys_admin'] },
  { key: 'halls', label: '大厅与窗口', path: '/workbench/admin/halls', roles: ['sys_admin'] },
  { key: 'staff', label: '工作人员', path: '/workbench/admin/staff', roles: ['sys_admin'] },
  { key: 'calendar', label: '节假日日历', path: '/workbench/admin/calendar', roles: ['sys_admin'] },
  { key: 'audit', label: '审计日志', path: '/workbench/audit', roles: ['auditor'] },
  { key: 'security', label: '安全设置', path: '/workbench/security', roles: 'all' },
];

export function menuFor(roles: StaffRole[]): MenuEntry[] {
  return MENU.filter((m) => m.roles === 'all' || m.roles.some((r) => roles.includes(r)));
}
