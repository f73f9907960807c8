// Labels and types of the open-data pages (portal and workbench). Types only from the module's zod.
import type { z } from 'zod';
import type { DatasetList, DatasetView, RowsView, Rule, SourceList } from '../../modules/opendata/schema.ts';

export type Dataset = z.infer<typeof DatasetView>;
export type DatasetPage = z.infer<typeof DatasetList>;
export type Rows = z.infer<typeof RowsView>;
export type Source = z.infer<typeof SourceList>['items'][number];
export type OpenRule = Rule;

export const OPEN_TYPE: Record<string, string> = {
  unconditional: '无条件开放',
  conditional: '有条件开放',
  none: '不予开放',
};
export const CYCLE: Record<string, string> = {
  realtime: '实时',
  daily: '每日',
  weekly: '每周',
  monthly: '每月',
  quarterly: '每季度',
  'half-yearly': '每半年',
  yearly: '每年',
  irregular: '不定期',
};
export const RULE_LABEL: Record<string, string> = {
  keep: '原样开放',
  drop: '不开放',
  mask: '遮蔽',
  'generalise:year': '泛化到年',
  'generalise:year-month': '泛化到年月',
  'generalise:band': '数值分段',
  'generalise:county': '地址到县区',
};
export const SENSITIVITY: Record<string, string> = {
  'id-number': '身份证号',
  phone: '手机号',
  name: '姓名',
  general: '一般',
};
export const dateOf = (iso: string) => iso.slice(0, 10);
