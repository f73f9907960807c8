// SQL for the org schema. Nothing else reads or writes these tables.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db/index.ts';
import type { DivisionLevel } from './schema.ts';

type DivisionTable = {
  code: string;
  parent_code: string | null;
  name: string;
  level: DivisionLevel;
  type: string;
  is_statistical_only: boolean;
  sort_order: number;
};
type DepartmentTable = {
  id: string;
  division_code: string;
  name: string;
  short_name: string;
  kind: string;
  uscc: string;
  sort_order: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};
type HallTable = {
  id: string;
  division_code: string;
  name: string;
  address: string;
  hours: string;
  phone: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};
type WindowTable = {
  id: string;
  hall_id: string;
  number: string;
  name: string;
  is_comprehensive: boolean;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};
type WindowDepartmentTable = { window_id: string; department_id: string };
type OrgTables = {
  'org.division': DivisionTable;
  'org.department': DepartmentTable;
  'org.hall': HallTable;
  'org.service_window': WindowTable;
  'org.window_department': WindowDepartmentTable;
};

export type DivisionRow = Selectable<DivisionTable>;
export type DepartmentRow = Selectable<DepartmentTable>;
export type HallRow = Selectable<HallTable>;
export type WindowRow = Selectable<WindowTable> & { department_ids: string[] };
export type NewDepartment = Insertable<DepartmentTable>;
export type NewHall = Insertable<HallTable>;
export type NewWindow = Insertable<WindowTable>;

const q = (db: Executor) => db.withTables<OrgTables>();

// ── divisions ────────────────────────────────────────────────────────────────────────────────────

/** The children of `parent`, or the top-level divisions when parent is null. */
export function listDivisions(db: Executor, parent: string | null): Promise<DivisionRow[]> {
  let query = q(db).selectFrom('org.division').selectAll();
  query = parent === null ? query.where('parent_code', 'is', null) : query.where('parent_code', '=', parent);
  return query.orderBy('sort_order').orderBy('code').execute();
}

export async function getDivision(db: Executor, code: string): Promise<DivisionRow | null> {
  return (
    (await q(db).selectFrom('org.division').selectAll().where('code', '=', code).executeTakeFirst()) ?? null
  );
}

export async function listDivisionCodes(db: Executor, level: DivisionLevel): Promise<string[]> {
  const rows = await q(db)
    .selectFrom('org.division')
    .select('code')
    .where('level', '=', level)
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
  return rows.map((r) => r.code);
}

export async function insertDivisions(db: Executor, rows: DivisionRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await q(db)
    .insertInto('org.division')
    .values(rows)
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('code')
    .execute();
  return inserted.length;
}

// ── departments ──────────────────────────────────────────────────────────────────────────────────

export function listDepartments(db: Executor, divisionCode?: string): Promise<DepartmentRow[]> {
  let query = q(db).selectFrom('org.department').selectAll();
  if (divisionCode) query = query.where('division_code', '=', divisionCode);
  return query.orderBy('division_code').orderBy('sort_order').orderBy('name').execute();
}

export async function getDepartment(db: Executor, id: string): Promise<DepartmentRow | null> {
  return (
    (await q(db).selectFrom('org.department').selectAll().where('id', '=', id).executeTakeFirst()) ?? null
  );
}

export async function findDepartmentByKind(
  db: Executor,
  divisionCode: string,
  kind: string,
): Promise<DepartmentRow | null> {
  const row = await q(db)
    .selectFrom('org.department')
    .selectAll()
    .where('division_code', '=', divisionCode)
    .where('kind', '=', kind)
    .orderBy('sort_order')
    .executeTakeFirst();
  return row ?? null;
}

export function getDepartments(db: Executor, ids: string[]): Promise<DepartmentRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return q(db).selectFrom('org.department').selectAll().where('id', 'in', ids).execute();
}

/** Inserts one department; a duplicate name or USCC raises the unique violation. */
export function insertDepartment(db: Executor, row: NewDepartment): Promise<DepartmentRow> {
  return q(db).insertInto('org.department').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Seeding: inserts what is missing, skips what exists. */
export async function insertDepartments(db: Executor, rows: NewDepartment[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await q(db)
    .insertInto('org.department')
    .values(rows)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}

export async function updateDepartment(
  db: Executor,
  id: string,
  changes: Updateable<DepartmentTable>,
): Promise<DepartmentRow> {
  return q(db)
    .updateTable('org.department')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

// ── halls and windows ────────────────────────────────────────────────────────────────────────────

export function listHalls(db: Executor, divisionCode?: string): Promise<HallRow[]> {
  let query = q(db).selectFrom('org.hall').selectAll();
  if (divisionCode) query = query.where('division_code', '=', divisionCode);
  return query.orderBy('division_code').orderBy('name').execute();
}

export async function getHall(db: Executor, id: string): Promise<HallRow | null> {
  return (await q(db).selectFrom('org.hall').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export function insertHall(db: Executor, row: NewHall): Promise<HallRow> {
  return q(db).insertInto('org.hall').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertHalls(db: Executor, rows: NewHall[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await q(db)
    .insertInto('org.hall')
    .values(rows)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}

export async function updateHall(db: Executor, id: string, changes: Updateable<HallTable>): Promise<HallRow> {
  return q(db)
    .updateTable('org.hall')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The windows of the given halls with the ids of the departments each serves. */
export async function listWindows(db: Executor, hallIds: string[]): Promise<WindowRow[]> {
  if (hallIds.length === 0) return [];
  const windows = await q(db)
    .selectFrom('org.service_window')
    .selectAll()
    .where('hall_id', 'in', hallIds)
    .orderBy('hall_id')
    .orderBy('number')
    .execute();
  const links = await windowLinks(
    db,
    windows.map((w) => w.id),
  );
  return windows.map((w) => ({ ...w, department_ids: links.get(w.id) ?? [] }));
}

async function windowLinks(db: Executor, windowIds: string[]): Promise<Map<string, string[]>> {
  const links = new Map<string, string[]>();
  if (windowIds.length === 0) return links;
  const rows = await q(db)
    .selectFrom('org.window_department')
    .selectAll()
    .where('window_id', 'in', windowIds)
    .orderBy('window_id')
    .orderBy('department_id')
    .execute();
  for (const row of rows) links.set(row.window_id, [...(links.get(row.window_id) ?? []), row.department_id]);
  return links;
}

export async function getWindow(db: Executor, id: string): Promise<WindowRow | null> {
  const row = await q(db)
    .selectFrom('org.service_window')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const links = await windowLinks(db, [id]);
  return { ...row, department_ids: links.get(id) ?? [] };
}

export async function insertWindow(db: Executor, row: NewWindow): Promise<void> {
  await q(db).insertInto('org.service_window').values(row).execute();
}

export async function insertWindows(db: Executor, rows: NewWindow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await q(db)
    .insertInto('org.service_window')
    .values(rows)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}

export async function updateWindow(
  db: Executor,
  id: string,
  changes: Updateable<WindowTable>,
): Promise<void> {
  await q(db)
    .updateTable('org.service_window')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Replaces the departments a window serves. */
export async function setWindowDepartments(db: Executor, windowId: string, departmentIds: string[]) {
  await q(db).deleteFrom('org.window_department').where('window_id', '=', windowId).execute();
  await linkWindowDepartments(
    db,
    departmentIds.map((department_id) => ({ window_id: windowId, department_id })),
  );
}

export async function linkWindowDepartments(db: Executor, rows: WindowDepartmentTable[]): Promise<void> {
  if (rows.length === 0) return;
  await q(db)
    .insertInto('org.window_department')
    .values(rows)
    .onConflict((oc) => oc.doNothing())
    .execute();
}
