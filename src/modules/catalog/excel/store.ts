// The reads the Excel import and export need from the catalog schema: a department's published list,
// and implementations by 实施编码 with their published version. Writes go through ../store.ts.
import { type Executor, sql } from '../../../platform/db/index.ts';
import type { GuideContent, ImplementationLevel, Overrides } from '../schema.ts';

export type ListedImplementation = {
  id: string;
  code: string;
  basic_code: string;
  division_code: string;
  level: ImplementationLevel;
  department_id: string;
  parent_id: string | null;
  /** the published version, when there is one */
  version_id: string | null;
  content: GuideContent | null;
  overrides: Overrides | null;
};

const SELECT = sql`
  select i.id, i.code, it.basic_code, i.division_code, i.level, i.department_id, i.parent_id,
         v.id as version_id, v.content, v.overrides
  from catalog.implementation i
  join catalog.item it on it.id = i.item_id
  left join catalog.version v on v.implementation_id = i.id and v.state = 'published'`;

/** A department's published implementations (in one division if given), in list order. */
export async function listPublishedOf(
  db: Executor,
  departmentId: string,
  division: string | null,
): Promise<Array<ListedImplementation & { content: GuideContent }>> {
  const { rows } = await sql<ListedImplementation & { content: GuideContent }>`${SELECT}
    where i.department_id = ${departmentId} and v.id is not null
      and (${division}::text is null or i.division_code = ${division})
    order by i.level, i.division_code, it.sort_order, i.code`.execute(db);
  return rows;
}

/** Implementations by 实施编码 (unknown codes are simply absent). */
export async function findByCodes(db: Executor, codes: string[]): Promise<Map<string, ListedImplementation>> {
  if (codes.length === 0) return new Map();
  const { rows } = await sql<ListedImplementation>`${SELECT}
    where i.code = any(${codes}::text[])`.execute(db);
  return new Map(rows.map((r) => [r.code, r]));
}
