// What the open-data module (opendata, decision 0012) reads from the catalog: the published resources
// whose open attribute is not 不予开放, and one published resource's metadata with the plain rows of its
// current load. Sensitive values are decrypted here only so that opendata can desensitise them; they
// never leave the process unmasked (opendata refuses "keep" on a sensitive item).
import { ATTRIBUTES } from '../codes.ts';
import type { SharingDeps } from '../deps.ts';
import type { DataItem, ShareType, UpdateCycle } from '../schema.ts';
import * as store from '../store.ts';

export type OpenSource = {
  resourceId: string;
  code: string | null;
  name: string;
  summary: string;
  departmentId: string;
  departmentName: string;
  departmentCode: string;
  attributeName: string;
  xiangName: string;
  openType: ShareType;
  openConditions: string | null;
  updateCycle: UpdateCycle;
  format: string;
  items: DataItem[];
  publishedAt: string | null;
  currentLoadId: string | null;
};

function toSource(r: store.ResourceRow, v: store.VersionRow): OpenSource {
  return {
    resourceId: r.id,
    code: r.code,
    name: v.name,
    summary: v.summary,
    departmentId: r.department_id,
    departmentName: r.department_name,
    departmentCode: r.department_code,
    attributeName: ATTRIBUTES[v.attribute].name,
    xiangName: v.xiang_name,
    openType: v.open_type,
    openConditions: v.open_conditions,
    updateCycle: v.update_cycle as UpdateCycle,
    format: v.format,
    items: v.items,
    publishedAt: v.published_at ? new Date(v.published_at).toISOString() : null,
    currentLoadId: r.current_load_id,
  };
}

/** Published resources whose open attribute is 无条件开放 or 有条件开放 (at most 500). */
export async function openable(deps: SharingDeps): Promise<OpenSource[]> {
  const found = await store.searchCatalog(deps.db, { words: [], like: null }, 1);
  const all = [...found.items];
  for (let page = 2; all.length < Math.min(found.total, 500); page++) {
    const more = await store.searchCatalog(deps.db, { words: [], like: null }, page);
    if (more.items.length === 0) break;
    all.push(...more.items);
  }
  return all.filter((l) => l.v.open_type !== 'none').map((l) => toSource(l, l.v));
}

/** A published resource (null when unknown or not published) with the plain rows of its current load. */
export async function openSource(
  deps: SharingDeps,
  resourceId: string,
): Promise<{ source: OpenSource; rows: Array<Record<string, unknown>> } | null> {
  const r = await store.getResource(deps.db, resourceId);
  if (!r?.published_version_id) return null;
  const v = await store.getVersion(deps.db, r.published_version_id);
  if (!v) return null;
  const rows: Array<Record<string, unknown>> = [];
  for (let page = 1; ; page++) {
    const found = await store.pageRows(deps.db, resourceId, page, 1000);
    for (const { data } of found.rows) {
      const plain: Record<string, unknown> = {};
      for (const item of v.items) {
        const value = data[item.key] ?? null;
        plain[item.key] =
          value !== null && item.sensitivity !== 'general' ? deps.cipher.decrypt(String(value)) : value;
      }
      rows.push(plain);
    }
    if (found.rows.length < 1000) break;
  }
  return { source: toSource(r, v), rows };
}
