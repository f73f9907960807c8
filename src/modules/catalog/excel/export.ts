// Export of a department's published implementation list (实施清单) as an .xlsx workbook: one 事项 row
// per implementation, one 材料 row per material. The file is what import.ts reads back unchanged.
import type { RequestContext } from '../../../platform/context.ts';
import { errors } from '../../../platform/errors.ts';
import type { CatalogDeps } from '../deps.ts';
import { catalogErrors } from '../errors.ts';
import type { ImplementationLevel } from '../schema.ts';
import { requireStaff } from '../use-cases/shared.ts';
import { type CellValue, itemCells, materialCells } from './columns.ts';
import { excelErrors } from './errors.ts';
import { listPublishedOf } from './store.ts';
import { writeWorkbook } from './workbook.ts';

export const LEVEL_LABELS: Record<ImplementationLevel, string> = {
  city: '市级',
  county: '县级',
  township: '乡级',
};

export type ExportQuery = { division?: string | undefined; department?: string | undefined };
export type ExportedFile = { filename: string; bytes: Buffer; rows: number };

/** A department admin exports their own department; the service office any department it names. */
function departmentOf(ctx: RequestContext, query: ExportQuery): string {
  const actor = requireStaff(ctx);
  const isOffice = actor.roles.includes('office_admin');
  if (!isOffice && !actor.roles.includes('dept_admin')) throw errors.forbidden();
  if (query.department && !isOffice && query.department !== actor.departmentId) {
    throw catalogErrors.notOwner('部门管理员只能导出本部门的实施清单');
  }
  const id = query.department ?? (actor.roles.includes('dept_admin') ? actor.departmentId : null);
  if (!id) throw excelErrors.departmentRequired('请用 department 参数指定部门');
  return id;
}

export async function exportList(
  deps: CatalogDeps,
  ctx: RequestContext,
  query: ExportQuery,
): Promise<ExportedFile> {
  const departmentId = departmentOf(ctx, query);
  const department = await deps.org.getDepartment(departmentId);
  if (!department) throw excelErrors.departmentNotFound(`部门 ${departmentId} 不存在`);
  const list = await listPublishedOf(deps.db, departmentId, query.division ?? null);
  const items: CellValue[][] = [];
  const materials: CellValue[][] = [];
  for (const impl of list) {
    const identity = {
      code: impl.code,
      basicCode: impl.basic_code,
      department: department.name,
      division: impl.division_code,
      level: LEVEL_LABELS[impl.level],
    };
    items.push(itemCells(identity, impl.content));
    impl.content.materials.forEach((m, i) => {
      materials.push(materialCells(impl.code, i + 1, m));
    });
  }
  const day = deps.clock.now().toISOString().slice(0, 10);
  const scope = query.division ? `-${query.division}` : '';
  return {
    filename: `实施清单-${department.name}${scope}-${day}.xlsx`,
    bytes: await writeWorkbook(items, materials),
    rows: list.length,
  };
}
