// The code tables of the resource catalog (STANDARDS §8, 政务信息资源目录编制指南): resource attributes
// (类), the guide's 项 of the 基础 and 主题 catalogs, update cycles, and the resource code scheme.
import type { Attribute, UpdateCycle } from './schema.ts';

/** 类: 1 基础 / 2 主题 / 3 部门. */
export const ATTRIBUTES: Record<Attribute, { digit: string; name: string }> = {
  basic: { digit: '1', name: '基础信息资源' },
  theme: { digit: '2', name: '主题信息资源' },
  department: { digit: '3', name: '部门信息资源' },
};

/** 项 of the 基础 and 主题 catalogs, numbered in the guide's order; 部门 项 are named by the provider. */
export const STANDARD_XIANG: Record<'basic' | 'theme', Record<string, string>> = {
  basic: { '01': '人口', '02': '法人', '03': '自然资源和空间地理', '04': '社会信用', '05': '电子证照' },
  theme: {
    '01': '公共服务',
    '02': '健康保障',
    '03': '社会保障',
    '04': '食品药品安全',
    '05': '安全生产',
    '06': '价格监管',
    '07': '能源安全',
    '08': '信用体系',
    '09': '城乡建设',
    '10': '社区治理',
    '11': '生态环保',
    '12': '应急维稳',
  },
};

export const SHARE_TYPE_NAMES = { unconditional: '无条件共享', conditional: '有条件共享', none: '不予共享' };
export const OPEN_TYPE_NAMES = { unconditional: '无条件开放', conditional: '有条件开放', none: '不予开放' };
export const SHARE_METHOD_NAMES = { platform: '共享平台方式', email: '邮件方式', media: '介质方式' };
export const UPDATE_CYCLE_NAMES: Record<UpdateCycle, string> = {
  realtime: '实时',
  daily: '每日',
  weekly: '每周',
  monthly: '每月',
  quarterly: '每季度',
  'half-yearly': '每半年',
  yearly: '每年',
  irregular: '不定期',
};
/** The longest gap, in days, between two loads that still keeps the cycle (null: no schedule). */
export const CYCLE_DAYS: Record<UpdateCycle, number | null> = {
  realtime: 1,
  daily: 1,
  weekly: 7,
  monthly: 31,
  quarterly: 92,
  'half-yearly': 183,
  yearly: 366,
  irregular: null,
};

/**
 * 前段码: 类 (1 digit) + 项 (2) + 目 (3) + 细目 (1–6, optional). The full code is
 * `<前段码>/<顺序码>` with a 5-digit 顺序码 counted per 前段码, e.g. `102001/00001` = 基础·法人·目 001, first.
 */
export const codePrefix = (c: { attribute: Attribute; xiang: string; mu: string; ximu: string | null }) =>
  `${ATTRIBUTES[c.attribute].digit}${c.xiang}${c.mu}${c.ximu ?? ''}`;
export const resourceCode = (prefix: string, sequence: number) =>
  `${prefix}/${String(sequence).padStart(5, '0')}`;
