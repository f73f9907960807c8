// Rows to response shapes. Nothing here reads the database.
import { ATTRIBUTES } from './codes.ts';
import type { LoadView, ResourceSummary, ResourceView, UpdateCycle } from './schema.ts';
import type { LoadRow, ResourceRow, VersionRow } from './store.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toResourceView(r: ResourceRow, v: VersionRow, publishedVersion: number | null): ResourceView {
  return {
    id: r.id,
    code: r.code,
    departmentId: r.department_id,
    departmentName: r.department_name,
    departmentCode: r.department_code,
    versionId: v.id,
    version: v.version,
    state: v.state,
    name: v.name,
    summary: v.summary,
    classification: {
      attribute: v.attribute,
      attributeName: ATTRIBUTES[v.attribute].name,
      xiang: { code: v.xiang_code, name: v.xiang_name },
      mu: { code: v.mu_code, name: v.mu_name },
      ximu: v.ximu_code && v.ximu_name ? { code: v.ximu_code, name: v.ximu_name } : null,
    },
    format: v.format,
    shareType: v.share_type,
    shareConditions: v.share_conditions,
    shareBasis: v.share_basis,
    shareMethod: v.share_method,
    openType: v.open_type,
    openConditions: v.open_conditions,
    updateCycle: v.update_cycle as UpdateCycle,
    relatedCodes: v.related_codes,
    items: v.items,
    quality: v.quality,
    publishedAt: iso(v.published_at),
    submittedAt: iso(v.submitted_at),
    reviewedAt: iso(v.reviewed_at),
    reviewedByName: v.reviewed_by_name,
    rejectReason: v.reject_reason,
    publishedVersion,
    mountKind: r.mount_kind,
    apiMount: r.api_mount,
    currentLoadId: r.current_load_id,
  };
}

export const toSummary = (r: ResourceRow, v: VersionRow): ResourceSummary => ({
  id: r.id,
  code: r.code,
  name: v.name,
  departmentName: r.department_name,
  attribute: v.attribute,
  shareType: v.share_type,
  openType: v.open_type,
  updateCycle: v.update_cycle as UpdateCycle,
  version: v.version,
  state: v.state,
  publishedAt: iso(v.published_at),
  mountKind: r.mount_kind,
});

export const toLoadView = (l: LoadRow): LoadView => ({
  id: l.id,
  resourceId: l.resource_id,
  version: l.version,
  status: l.status,
  fileName: l.file_name,
  loadedByName: l.loaded_by_name,
  createdAt: l.created_at.toISOString(),
  report: l.report,
});
