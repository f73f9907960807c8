// What every org verb shares: its dependencies, the sys_admin check, row → view mapping, USCC input
// checks and turning a constraint violation into a 409 with a Chinese message instead of a 500.
import type { RequestContext } from '../../../platform/context.ts';
import type { Db } from '../../../platform/db/index.ts';
import { constraintOf, isUniqueViolation } from '../../../platform/db/pg-errors.ts';
import { type AppError, errors } from '../../../platform/errors.ts';
import { parseUscc } from '../../../platform/standards/uscc.ts';
import type { AuditModule } from '../../audit/index.ts';
import { orgErrors } from '../errors.ts';
import type { DepartmentView, DivisionView, HallView, WindowView } from '../schema.ts';
import type { DepartmentRow, DivisionRow, HallRow, WindowRow } from '../store.ts';

export type OrgDeps = { db: Db; audit: Pick<AuditModule, 'record'> };

/** 系统管理员 only. The route checks this too; the verb does not rely on it. */
export function requireSysAdmin(ctx: RequestContext): void {
  if (!ctx.actor) throw errors.unauthenticated();
  if (ctx.actor.kind !== 'staff' || !ctx.actor.roles.includes('sys_admin')) throw errors.forbidden();
}

/** Runs a write; a unique violation becomes the conflict `describe` returns for its constraint. */
export async function guardUnique<T>(
  work: () => Promise<T>,
  describe: (constraint: string | undefined) => AppError,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw describe(constraintOf(error));
    throw error;
  }
}

/** Format must hold; a checksum mismatch passes only when the officer confirmed it. */
export function checkUsccInput(uscc: string, acceptChecksumMismatch: boolean | undefined): string {
  const parsed = parseUscc(uscc);
  if (!parsed.isWellFormed) {
    throw orgErrors.usccMalformed(`“${uscc}”不是 18 位统一社会信用代码（GB 32100）`, [
      { path: 'body.uscc', message: '格式不正确' },
    ]);
  }
  if (!parsed.isChecksumValid && !acceptChecksumMismatch) {
    throw orgErrors.usccChecksum(
      `“${uscc}”的校验位不正确；若为试点期赋码的合法代码，请确认后设置 acceptUsccChecksumMismatch`,
      [{ path: 'body.uscc', message: '校验位不正确' }],
    );
  }
  return uscc.trim().toUpperCase();
}

export const toDivisionView = (r: DivisionRow): DivisionView => ({
  code: r.code,
  parentCode: r.parent_code,
  name: r.name,
  level: r.level,
  type: r.type,
  isStatisticalOnly: r.is_statistical_only,
});

export const toDepartmentView = (r: DepartmentRow): DepartmentView => ({
  id: r.id,
  divisionCode: r.division_code,
  name: r.name,
  shortName: r.short_name,
  kind: r.kind,
  uscc: r.uscc,
});

export const toWindowView = (r: WindowRow): WindowView => ({
  id: r.id,
  hallId: r.hall_id,
  number: r.number,
  name: r.name,
  isComprehensive: r.is_comprehensive,
  departmentIds: r.department_ids,
});

export const toHallView = (r: HallRow, windows: WindowRow[]): HallView => ({
  id: r.id,
  divisionCode: r.division_code,
  name: r.name,
  address: r.address,
  hours: r.hours,
  phone: r.phone,
  windows: windows.filter((w) => w.hall_id === r.id).map(toWindowView),
});
