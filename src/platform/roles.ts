// Staff roles (pure data, importable by the web front end). TOTP is mandatory for the roles that
// administer, supervise or audit the platform.
export const STAFF_ROLES = [
  'window_clerk',
  'reviewer',
  'dept_head',
  'dept_admin',
  'office_admin',
  'supervisor',
  'data_officer',
  'data_reviewer',
  'hotline_agent',
  'inspector',
  'auditor',
  'sys_admin',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const ROLE_LABELS: Record<StaffRole, string> = {
  window_clerk: '窗口人员',
  reviewer: '审批人员',
  dept_head: '审批负责人',
  dept_admin: '部门管理员',
  office_admin: '政务服务管理机构管理员',
  supervisor: '电子监察人员',
  data_officer: '数据管理员',
  data_reviewer: '数据资源审核人员（数据局）',
  hotline_agent: '12345 座席',
  inspector: '执法检查人员',
  auditor: '审计管理员',
  sys_admin: '系统管理员',
};

export const TOTP_REQUIRED_ROLES: readonly StaffRole[] = [
  'sys_admin',
  'dept_admin',
  'office_admin',
  'supervisor',
  'auditor',
];
export const needsTotp = (roles: readonly StaffRole[]): boolean =>
  roles.some((r) => TOTP_REQUIRED_ROLES.includes(r));
