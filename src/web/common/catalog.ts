// Catalog shapes as the pages read them (type-only imports of the catalog schema, so nothing from the
// server is bundled) and the Chinese wording of codes: levels, online depth, time limits.
import dayjs from 'dayjs';
import type { z } from 'zod';
import type {
  BundleGuide,
  BundleSummary,
  DepartmentCounts,
  DiffView,
  EditorEntry,
  ElementChange,
  GuideContent,
  GuideElement,
  GuideView,
  HistoryView,
  ImplementationLevel,
  ImportProblemView,
  ImportSummaryView,
  ItemSummary,
  RegionList,
  ReviewQueue,
  ThemeList,
  VersionState,
  VersionView,
} from '../../modules/catalog/schema.ts';

export type {
  EditorEntry,
  ElementChange,
  GuideContent,
  GuideElement,
  GuideView,
  ItemSummary,
  VersionState,
  VersionView,
};
export type Material = GuideContent['materials'][number];
export type Place = GuideContent['places'][number];
export type ItemPage = { items: ItemSummary[]; total: number; page: number; pageSize: number };
export type Regions = z.infer<typeof RegionList>;
export type Region = Regions['items'][number];
export type Themes = z.infer<typeof ThemeList>;
export type DepartmentCount = z.infer<typeof DepartmentCounts>['items'][number];
export type History = z.infer<typeof HistoryView>;
export type VersionSummary = History['versions'][number];
export type Diff = z.infer<typeof DiffView>;
export type QueueEntry = z.infer<typeof ReviewQueue>['items'][number];
export type { BundleGuide, BundleSummary };
export type BundleMember = BundleGuide['members'][number];
export type MergedMaterial = BundleGuide['materials'][number];
export type ImportResult = ImportSummaryView;
/** One line of the 422 report of an Excel import (the problem's `errors`). */
export type ImportReportRow = ImportProblemView;

export const LEVEL_LABEL: Record<ImplementationLevel, string> = {
  city: '市级',
  county: '县级',
  township: '乡级',
};

export const DEPTH_LABEL: Record<number, string> = {
  1: 'Ⅰ级 · 网上咨询',
  2: 'Ⅱ级 · 网上预审',
  3: 'Ⅲ级 · 网上受理',
  4: 'Ⅳ级 · 全程网办',
};

export const STATE_LABEL: Record<VersionState, string> = {
  draft: '草稿',
  submitted: '待审核',
  approved: '已审核待发布',
  rejected: '已退回',
  published: '现行发布',
  superseded: '历史版本',
  unpublished: '已撤销',
};

/** Every guide element in reading order, with its Chinese name (used by the diff view). */
export const ELEMENT_LABEL: Record<GuideElement, string> = {
  name: '事项名称',
  itemType: '事项类型',
  serves: '服务对象',
  level: '行使层级',
  legalLimitDays: '法定办结时限',
  legalLimitUnit: '时限单位',
  promisedLimitDays: '承诺办结时限',
  isInstant: '办件类型',
  visitsNeeded: '到现场次数',
  onlineDepth: '网上办理深度',
  fee: '收费',
  conditions: '受理条件',
  materials: '申请材料',
  legalBasis: '设定依据',
  resultName: '办理结果',
  resultLicense: '结果证照',
  processSteps: '办理流程',
  places: '办理地点与窗口',
  phones: '咨询与投诉电话',
  faq: '常见问题',
  themes: '主题分类',
  keywords: '检索关键词',
  localNotes: '本地说明',
};

export function limitText(days: number | null, unit: string | null, isInstant = false): string {
  if (isInstant && (days === null || days === 0)) return '即办（当场办结）';
  if (days === null) return '无';
  return `${days} 个${unit ?? '工作日'}`;
}

export function visitsText(visits: number): string {
  return visits === 0 ? '0 次（不见面审批）' : `${visits} 次`;
}

export function feeText(fee: GuideContent['fee']): string {
  if (!fee.isCharged) return '不收费';
  return fee.amountText ?? '收费（标准见依据）';
}

/** The guide page of a "one thing" bundle (一件事). */
export const bundlePath = (bundleId: string) => `/bundles/${bundleId}`;

/** The guide page of an implementation; the current one, or a version when given. */
export const guidePath = (implementationId: string, versionId?: string) =>
  versionId ? `/items/${implementationId}/versions/${versionId}` : `/items/${implementationId}`;

/** A timestamp in the reader's local time: 2026-03-02 10:00, or the day only. */
export const when = (iso: string | null, isDayOnly = false) =>
  iso ? dayjs(iso).format(isDayOnly ? 'YYYY-MM-DD' : 'YYYY-MM-DD HH:mm') : '—';
