// The catalog every member of government staff browses: published versions only, as a tree (by
// resource attribute and classification, and by department) and by search. Search segments the query
// with jieba (platform/search-text) against the jieba tokens stored with each version, and also
// matches name, code and department by ILIKE, so a code or an unsegmented fragment still finds it.
import { queryWords } from '../../../platform/search-text.ts';
import { ATTRIBUTES } from '../codes.ts';
import type { SharingDeps } from '../deps.ts';
import type { Attribute, CatalogQuery, TreeLeaf, TreeMid, TreeTop } from '../schema.ts';
import * as store from '../store.ts';
import { toSummary } from '../views.ts';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function search(deps: SharingDeps, query: CatalogQuery) {
  const q = query.q?.trim() ?? '';
  const found = await store.searchCatalog(
    deps.db,
    {
      words: q ? queryWords(q) : [],
      like: q ? `%${escapeLike(q)}%` : null,
      attribute: query.attribute,
      xiang: query.xiang,
      mu: query.mu,
      departmentId: query.departmentId,
      shareType: query.shareType,
    },
    query.page,
  );
  return { items: found.items.map((r) => toSummary(r, r.v)), total: found.total, page: query.page };
}

function child<T extends TreeLeaf>(list: T[], make: () => T, key: string): T {
  let found = list.find((c) => c.key === key);
  if (!found) {
    found = make();
    list.push(found);
  }
  return found;
}

export async function tree(deps: SharingDeps) {
  const counts = await store.treeCounts(deps.db);
  const roots: TreeTop[] = (Object.keys(ATTRIBUTES) as Attribute[]).map((a) => ({
    key: a,
    label: ATTRIBUTES[a].name,
    count: 0,
    children: [],
  }));
  const departments: TreeLeaf[] = [];
  for (const c of counts) {
    const root = roots.find((r) => r.key === c.attribute);
    if (root) {
      const xiangKey = `${c.attribute}:${c.xiang_code}`;
      const xiang = child<TreeMid>(
        root.children,
        () => ({ key: xiangKey, label: `${c.xiang_code} ${c.xiang_name}`, count: 0, children: [] }),
        xiangKey,
      );
      const muKey = `${xiangKey}:${c.mu_code}`;
      const mu = child<TreeLeaf>(
        xiang.children,
        () => ({ key: muKey, label: `${c.mu_code} ${c.mu_name}`, count: 0 }),
        muKey,
      );
      root.count += c.n;
      xiang.count += c.n;
      mu.count += c.n;
    }
    const dept = child<TreeLeaf>(
      departments,
      () => ({ key: c.department_id, label: c.department_name, count: 0 }),
      c.department_id,
    );
    dept.count += c.n;
  }
  return { byClassification: roots, byDepartment: departments };
}
