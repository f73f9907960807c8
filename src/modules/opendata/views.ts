// Rows to response shapes, and the download URLs of a dataset. Nothing here reads the database.
import type { AdminDatasetView, DatasetSummary, DatasetView, License } from './schema.ts';
import type { DatasetRow } from './store.ts';

export const LICENSES: Record<License, { title: string; url: string }> = {
  'cc-by-4.0': {
    title: '知识共享署名 4.0 国际许可协议（CC BY 4.0）',
    url: 'https://creativecommons.org/licenses/by/4.0/',
  },
  'cc0-1.0': { title: 'CC0 1.0 公共领域贡献', url: 'https://creativecommons.org/publicdomain/zero/1.0/' },
};

export const downloadsOf = (name: string, base = '') => ({
  csv: `${base}/api/open/datasets/${name}/download.csv`,
  json: `${base}/api/open/datasets/${name}/download.json`,
  api: `${base}/api/open/datasets/${name}/rows`,
});

export const toDatasetView = (d: DatasetRow): DatasetView => ({
  name: d.name,
  title: d.title,
  notes: d.notes,
  resourceCode: d.resource_code,
  organization: { name: d.organization_name, title: d.organization_title },
  tags: d.tags,
  openType: d.open_type,
  openConditions: d.open_conditions,
  updateCycle: d.update_cycle,
  license: { id: d.license, ...LICENSES[d.license] },
  columns: d.columns,
  rowCount: d.row_count,
  aggregates: d.aggregates,
  publishedAt: d.published_at.toISOString(),
  modifiedAt: d.modified_at.toISOString(),
  downloads: downloadsOf(d.name),
});

export const toAdminView = (d: DatasetRow): AdminDatasetView => ({
  ...toDatasetView(d),
  state: d.state,
  unpublishReason: d.unpublish_reason,
  publishedByName: d.published_by_name,
});

export const toSummary = (d: DatasetRow): DatasetSummary => ({
  name: d.name,
  title: d.title,
  notes: d.notes,
  organization: { name: d.organization_name, title: d.organization_title },
  tags: d.tags,
  openType: d.open_type,
  rowCount: d.row_count,
  modifiedAt: d.modified_at.toISOString(),
});
