// Reading and administering service halls (政务服务中心) and their windows (窗口).
import type { RequestContext } from '../../../platform/context.ts';
import type { Executor, Tx } from '../../../platform/db/index.ts';
import { emit } from '../../../platform/events.ts';
import { newId } from '../../../platform/ids.ts';
import { isWithinScope } from '../division-code.ts';
import { orgErrors } from '../errors.ts';
import type {
  CreateHallInput,
  CreateWindowInput,
  HallView,
  UpdateHallInput,
  UpdateWindowInput,
  WindowView,
} from '../schema.ts';
import * as store from '../store.ts';
import { guardUnique, type OrgDeps, requireSysAdmin, toHallView, toWindowView } from './shared.ts';

export async function listHalls(db: Executor, divisionCode: string | undefined): Promise<HallView[]> {
  const halls = await store.listHalls(db, divisionCode);
  const windows = await store.listWindows(
    db,
    halls.map((h) => h.id),
  );
  return halls.map((h) => toHallView(h, windows));
}

async function loadHallView(db: Executor, id: string): Promise<HallView> {
  const hall = await store.getHall(db, id);
  if (!hall) throw orgErrors.hallNotFound(`政务服务中心 ${id} 不存在`);
  return toHallView(hall, await store.listWindows(db, [id]));
}

const hallConflict = (name: string | undefined) => () =>
  orgErrors.hallExists(`已有名为“${name}”的政务服务中心`);

export async function createHall(
  deps: OrgDeps,
  ctx: RequestContext,
  input: CreateHallInput,
): Promise<HallView> {
  requireSysAdmin(ctx);
  const work = () =>
    deps.db.transaction().execute(async (tx) => {
      if (!(await store.getDivision(tx, input.divisionCode))) {
        throw orgErrors.divisionNotFound(`行政区划 ${input.divisionCode} 不存在`, [
          { path: 'body.divisionCode', message: '行政区划不存在' },
        ]);
      }
      const { divisionCode, ...rest } = input;
      const hall = await store.insertHall(tx, { id: newId(), division_code: divisionCode, ...rest });
      await deps.audit.record(tx, ctx, {
        action: 'org.hall.create',
        subjectType: 'hall',
        subjectId: hall.id,
        summary: { name: hall.name, divisionCode },
      });
      await emit(tx, 'org.hall.created', { hallId: hall.id, divisionCode });
      return toHallView(hall, []);
    });
  return guardUnique(work, hallConflict(input.name));
}

export async function updateHall(
  deps: OrgDeps,
  ctx: RequestContext,
  id: string,
  input: UpdateHallInput,
): Promise<HallView> {
  requireSysAdmin(ctx);
  const work = () =>
    deps.db.transaction().execute(async (tx) => {
      const before = await store.getHall(tx, id);
      if (!before) throw orgErrors.hallNotFound(`政务服务中心 ${id} 不存在`);
      const after = await store.updateHall(tx, id, input);
      await deps.audit.record(tx, ctx, {
        action: 'org.hall.update',
        subjectType: 'hall',
        subjectId: id,
        summary: { before: toHallView(before, []), after: toHallView(after, []) },
      });
      await emit(tx, 'org.hall.updated', { hallId: id, divisionCode: after.division_code });
      return loadHallView(tx, id);
    });
  return guardUnique(work, hallConflict(input.name));
}

/** A window serves only departments of its hall's division or below (a county hall: county + townships). */
async function checkWindowDepartments(tx: Tx, hallDivision: string, departmentIds: string[]) {
  const unique = [...new Set(departmentIds)];
  const found = await store.getDepartments(tx, unique);
  const missing = unique.filter((id) => !found.some((d) => d.id === id));
  if (missing.length > 0) {
    throw orgErrors.departmentNotFound(
      `部门不存在：${missing.join('，')}`,
      missing.map((id) => ({ path: 'body.departmentIds', message: `部门 ${id} 不存在` })),
    );
  }
  const outside = found.filter((d) => !isWithinScope(hallDivision, d.division_code));
  if (outside.length > 0) {
    throw orgErrors.departmentOutsideHall(
      `以下部门不属于本中心辖区：${outside.map((d) => d.name).join('，')}`,
    );
  }
  return unique;
}

const windowConflict = (number: string | undefined) => () =>
  orgErrors.windowExists(`本政务服务中心已有编号为 ${number} 的窗口`);

export async function createWindow(
  deps: OrgDeps,
  ctx: RequestContext,
  input: CreateWindowInput,
): Promise<WindowView> {
  requireSysAdmin(ctx);
  const work = () =>
    deps.db.transaction().execute(async (tx) => {
      const hall = await store.getHall(tx, input.hallId);
      if (!hall) throw orgErrors.hallNotFound(`政务服务中心 ${input.hallId} 不存在`);
      const departmentIds = await checkWindowDepartments(tx, hall.division_code, input.departmentIds);
      const id = newId();
      const { hallId, number, name, isComprehensive } = input;
      await store.insertWindow(tx, { id, hall_id: hallId, number, name, is_comprehensive: isComprehensive });
      await store.setWindowDepartments(tx, id, departmentIds);
      const created = await store.getWindow(tx, id);
      if (!created) throw orgErrors.windowNotFound();
      await deps.audit.record(tx, ctx, {
        action: 'org.window.create',
        subjectType: 'window',
        subjectId: id,
        summary: toWindowView(created),
      });
      await emit(tx, 'org.window.created', { windowId: id, hallId });
      return toWindowView(created);
    });
  return guardUnique(work, windowConflict(input.number));
}

export async function updateWindow(
  deps: OrgDeps,
  ctx: RequestContext,
  id: string,
  input: UpdateWindowInput,
): Promise<WindowView> {
  requireSysAdmin(ctx);
  const work = () =>
    deps.db.transaction().execute(async (tx) => {
      const before = await store.getWindow(tx, id);
      if (!before) throw orgErrors.windowNotFound(`窗口 ${id} 不存在`);
      if (input.departmentIds) {
        const hall = await store.getHall(tx, before.hall_id);
        const ids = await checkWindowDepartments(tx, hall?.division_code ?? '', input.departmentIds);
        await store.setWindowDepartments(tx, id, ids);
      }
      const { number, name, isComprehensive } = input;
      await store.updateWindow(tx, id, { number, name, is_comprehensive: isComprehensive });
      const after = await store.getWindow(tx, id);
      if (!after) throw orgErrors.windowNotFound();
      await deps.audit.record(tx, ctx, {
        action: 'org.window.update',
        subjectType: 'window',
        subjectId: id,
        summary: { before: toWindowView(before), after: toWindowView(after) },
      });
      await emit(tx, 'org.window.updated', { windowId: id, hallId: after.hall_id });
      return toWindowView(after);
    });
  return guardUnique(work, windowConflict(input.number));
}
