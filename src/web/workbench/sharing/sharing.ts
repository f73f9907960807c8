// Shapes and labels of the data-sharing pages (数据共享). Types come from the sharing module's pure zod
// schemas; nothing from the server is bundled.
import type { z } from 'zod';
import type {
  LoadList,
  LoadView,
  QualityReport,
  ResourceInput,
  ResourceList,
  ResourceSummary,
  ResourceView,
  RowsView,
  Tree,
} from '../../../modules/sharing/schema.ts';
import type { Tone } from '../../common/StatusTag.tsx';

export type { LoadView, QualityReport, ResourceInput, ResourceSummary, ResourceView };
export type ResourcePage = z.infer<typeof ResourceList>;
export type CatalogTree = z.infer<typeof Tree>;
export type LoadEntry = z.infer<typeof LoadList>['items'][number];
export type Rows = z.infer<typeof RowsView>;
export type DataItem = ResourceView['items'][number];

export const STATE_LABEL: Record<ResourceView['state'], string> = {
  draft: '草稿',
  submitted: '待审核',
  rejected: '已退回',
  published: '已发布',
  superseded: '已被新版本替代',
};
export const STATE_TONE: Record<ResourceView['state'], Tone> = {
  draft: 'neutral',
  submitted: 'info',
  rejected: 'danger',
  published: 'success',
  superseded: 'neutral',
};
export const ATTRIBUTE_LABEL = { basic: '基础', theme: '主题', department: '部门' } as const;
export const SHARE_LABEL = {
  unconditional: '无条件共享',
  conditional: '有条件共享',
  none: '不予共享',
} as const;
export const OPEN_LABEL = {
  unconditional: '无条件开放',
  conditional: '有条件开放',
  none: '不予开放',
} as const;
export const METHOD_LABEL = { platform: '共享平台方式', email: '邮件方式', media: '介质方式' } as const;
export const CYCLE_LABEL = {
  realtime: '实时',
  daily: '每日',
  weekly: '每周',
  monthly: '每月',
  quarterly: '每季度',
  'half-yearly': '每半年',
  yearly: '每年',
  irregular: '不定期',
} as const;
export const TYPE_LABEL = {
  C: '字符型 C',
  N: '数值型 N',
  Y: '货币型 Y',
  D: '日期型 D',
  T: '日期时间型 T',
  L: '逻辑型 L',
  M: '备注型 M',
  G: '通用型 G',
  B: '双精度型 B',
  I: '整型 I',
  F: '浮点型 F',
} as const;
export const SENSITIVITY_LABEL = {
  'id-number': '身份证号',
  phone: '手机号',
  name: '姓名',
  general: '一般',
} as const;
export const FORMATS = [
  '电子文件',
  '电子表格',
  '数据库',
  '图形图像',
  '流媒体',
  '自描述格式',
  '服务接口',
] as const;
/** 基础 and 主题 项 of the catalog guide (the server checks them too). */
export const STANDARD_XIANG = {
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
} as const;

export const resourcePath = (id: string) => `/workbench/sharing/resources/${id}`;
export const percent = (n: number | null) => (n === null ? '—' : `${(n * 100).toFixed(1)}%`);
