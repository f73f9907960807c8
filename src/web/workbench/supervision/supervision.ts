// 电子监察 as the pages read it: response types from the supervision schema (type-only imports), the
// Chinese wording of rules, levels and order states, and who may do what in the console.
import type { z } from 'zod';
import type {
  DepartmentCounts,
  OrderList,
  OrderView,
  RuleCode,
  RuleView,
  Table11,
  WarningDetail,
  WarningLevel,
  WarningList,
  WarningView,
} from '../../../modules/supervision/schema.ts';
import type { StaffRole } from '../../api.ts';
import type { Tone } from '../../common/StatusTag.tsx';

export type { OrderView, RuleCode, RuleView, WarningDetail, WarningLevel, WarningView };
export type DepartmentCount = z.infer<typeof DepartmentCounts>['items'][number];
export type WarningPage = z.infer<typeof WarningList>;
export type OrderPage = z.infer<typeof OrderList>;
export type Table11Row = z.infer<typeof Table11>['items'][number];
export type OrderState = OrderView['state'];

export const RULE_LABELS: Record<RuleCode, string> = {
  'deadline-yellow': '临近超期',
  'deadline-red': '超过承诺期限',
  'legal-overdue': '超过法定期限',
  'supplement-late': '补正告知超时',
  'special-no-reason': '特别程序无理由',
};
export const RULE_CODES = Object.keys(RULE_LABELS) as RuleCode[];
export const ruleLabel = (code: string | null) => (code ? (RULE_LABELS[code as RuleCode] ?? code) : '—');

export const LEVEL_LABELS: Record<WarningLevel, string> = { yellow: '黄牌', red: '红牌' };
export const LEVEL_TONE: Record<WarningLevel, Tone> = { yellow: 'warning', red: 'danger' };

export const ORDER_STATE_LABELS: Record<OrderState, string> = {
  issued: '待回复',
  answered: '已回复',
  closed: '已办结',
};
export const ORDER_STATES = Object.keys(ORDER_STATE_LABELS) as OrderState[];
export const ORDER_TONE: Record<OrderState, Tone> = {
  issued: 'info',
  answered: 'warning',
  closed: 'success',
};

/** Each rule's parameters as the editor shows them, and what the rule watches. */
export const RULE_PARAMS_UI: Record<RuleCode, Array<{ key: string; label: string; unit: string }>> = {
  'deadline-yellow': [
    { key: 'percent', label: '剩余时限不超过承诺时限的', unit: '%' },
    { key: 'days', label: '或剩余不超过', unit: '个工作日' },
  ],
  'deadline-red': [],
  'legal-overdue': [],
  'supplement-late': [{ key: 'days', label: '收件后超过', unit: '个工作日才告知补正' }],
  'special-no-reason': [],
};
export const RULE_HINTS: Record<RuleCode, string> = {
  'deadline-yellow': '已受理、未办结的办件剩余时限不多时亮黄牌。',
  'deadline-red': '超过承诺办结期限（含延期）时亮红牌。',
  'legal-overdue': '超过法定办结期限时亮红牌。',
  'supplement-late': '首次补正告知晚于收件后规定的工作日数时亮黄牌（行政许可法第三十二条）。',
  'special-no-reason': '特别程序未填写理由时亮黄牌。',
};

export const isSupervisor = (roles: readonly StaffRole[]) => roles.includes('supervisor');
export const isDepartmentSide = (roles: readonly StaffRole[]) =>
  roles.includes('dept_head') || roles.includes('dept_admin');

export const warningPath = (id: string) => `/workbench/supervision/warnings/${id}`;
export const orderPath = (id: string) => `/workbench/supervision/orders/${id}`;
