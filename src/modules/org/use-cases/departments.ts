// Reading and administering departments (部门) and divisions (行政区划).
import type { RequestContext } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { emit } from '../../../platform/events.ts';
import { newId } from '../../../platform/ids.ts';
import { orgErrors } from '../errors.ts';
import type {
  CreateDepartmentInput,
  DepartmentView,
  DivisionView,
  UpdateDepartmentInput,
} from '../schema.ts';
import * as store from '../store.ts';
import {
  checkUsccInput,
  guardUnique,
  type OrgDeps,
  requireSysAdmin,
  toDepartmentView,
  toDivisionView,
} from './shared.ts';

export async function listDivisions(db: Executor, parent: string | undefined): Promise<DivisionView[]> {
  if (parent && !(await store.getDivision(db, parent)))
    throw orgErrors.divisionNotFound(`行政区划 ${parent} 不存在`);
  return (await store.listDivisions(db, parent ?? null)).map(toDivisionView);
}

export async function listDepartments(
  db: Executor,
  divisionCode: string | undefined,
): Promise<DepartmentView[]> {
  return (await store.listDepartments(db, divisionCode)).map(toDepartmentView);
}

export async function getDepartment(db: Executor, id: string): Promise<DepartmentView> {
  const row = await store.getDepartment(db, id);
  if (!row) throw orgErrors.departmentNotFound(`部门 ${id} 不存在`);
  return toDepartmentView(row);
}

const departmentConflict = (input: { name?: string; uscc?: string }) => (constraint: string | undefined) => {
  if (constraint === 'department_uscc_unique') {
    return orgErrors.departmentExists(`统一社会信用代码 ${input.uscc} 已被其他部门使用`);
  }
  if (constraint === 'department_name_unique') {
    return orgErrors.departmentExists(`本行政区划内已有名为“${input.name}”的部门`);
  }
  return orgErrors.departmentExists('部门名称或统一社会信用代码与已有部门重复');
};

export async function createDepartment(
  deps: OrgDeps,
  ctx: RequestContext,
  input: CreateDepartmentInput,
): Promise<DepartmentView> {
  requireSysAdmin(ctx);
  const uscc = checkUsccInput(input.uscc, input.acceptUsccChecksumMismatch);
  const work = () =>
    deps.db.transaction().execute(async (tx) => {
      if (!(await store.getDivision(tx, input.divisionCode))) {
        throw orgErrors.divisionNotFound(`行政区划 ${input.divisionCode} 不存在`, [
          { path: 'body.divisionCode', message: '行政区划不存在' },
        ]);
      }
      const id = newId();
      const created = await store.insertDepartment(tx, {
        id,
        division_code: input.divisionCode,
        name: input.name,
        short_name: input.shortName,
        kind: input.kind,
        uscc,
      });
      await deps.audit.record(tx, ctx, {
        action: 'org.department.create',
        subjectType: 'department',
        subjectId: id,
        summary: { name: created.name, divisionCode: created.division_code, uscc },
      });
      await emit(tx, 'org.department.created', { departmentId: id, divisionCode: created.division_code });
      return toDepartmentView(created);
    });
  return guardUnique(work, departmentConflict({ ...input, uscc }));
}

export async function updateDepartment(
  deps: OrgDeps,
  ctx: RequestContext,
  id: string,
  input: UpdateDepartmentInput,
): Promise<DepartmentView> {
  requireSysAdmin(ctx);
  const uscc =
    input.uscc === undefined ? undefined : checkUsccInput(input.uscc, input.acceptUsccChecksumMismatch);
  const work = () =>
    deps.db.transaction().execute(async (tx) => {
      const before = await store.getDepartment(tx, id);
      if (!before) throw orgErrors.departmentNotFound(`部门 ${id} 不存在`);
      const after = await store.updateDepartment(tx, id, {
        name: input.name,
        short_name: input.shortName,
        kind: input.kind,
        uscc,
      });
      await deps.audit.record(tx, ctx, {
        action: 'org.department.update',
        subjectType: 'department',
        subjectId: id,
        summary: { before: toDepartmentView(before), after: toDepartmentView(after) },
      });
      await emit(tx, 'org.department.updated', { departmentId: id, divisionCode: after.division_code });
      return toDepartmentView(after);
    });
  return guardUnique(work, departmentConflict({ ...input, uscc }));
}
