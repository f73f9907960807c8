// org: administrative divisions (行政区划, GB/T 2260), departments (部门, with GB 32100 codes), service
// halls (政务服务中心) and windows (窗口), and the administration of the holiday calendar whose rules
// live in platform/calendar. Owns schema `org`. Calls audit (every admin write is recorded).
import { seedCalendar } from '../../platform/calendar.ts';
import { type RequestContext, systemContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/index.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import type { AuditModule } from '../audit/index.ts';
import type {
  CalendarDayInput,
  CreateDepartmentInput,
  CreateHallInput,
  CreateWindowInput,
  DepartmentView,
  DivisionView,
  UpdateDepartmentInput,
  UpdateHallInput,
  UpdateWindowInput,
} from './schema.ts';
import { seedOrg } from './seed.ts';
import * as store from './store.ts';
import * as calendarAdmin from './use-cases/calendar.ts';
import * as departments from './use-cases/departments.ts';
import * as halls from './use-cases/halls.ts';
import { type OrgDeps, toDepartmentView, toDivisionView } from './use-cases/shared.ts';

export { seedCalendar } from '../../platform/calendar.ts';
export { divisionLevelOf, isDivisionCodeFormat, isWithinScope } from './division-code.ts';
export { orgRoutes } from './routes.ts';
export type { DepartmentView, DivisionView, HallView, WindowView } from './schema.ts';
export { type OrgSeedResult, seedOrg } from './seed.ts';

export function createOrg(deps: PlatformDeps, ports: { audit: Pick<AuditModule, 'record'> }) {
  const org: OrgDeps = { db: deps.db, audit: ports.audit };
  return {
    // ── reads (public) ──
    listDivisions: (parent?: string) => departments.listDivisions(deps.db, parent),
    listDepartments: (divisionCode?: string) => departments.listDepartments(deps.db, divisionCode),
    listHalls: (divisionCode?: string) => halls.listHalls(deps.db, divisionCode),
    getCalendar: (year: number) => calendarAdmin.getCalendar(deps.db, year),

    // ── for other modules (identity, catalog, cases); pass a transaction to read inside it ──
    async getDepartment(id: string, db: Executor = deps.db): Promise<DepartmentView | null> {
      const row = await store.getDepartment(db, id);
      return row ? toDepartmentView(row) : null;
    },
    /** The department of a catalog kind (e.g. 市场监督管理局) in one division, if any. */
    async findDepartment(divisionCode: string, kind: string, db: Executor = deps.db) {
      const row = await store.findDepartmentByKind(db, divisionCode, kind);
      return row ? toDepartmentView(row) : null;
    },
    async getDivision(code: string, db: Executor = deps.db): Promise<DivisionView | null> {
      const row = await store.getDivision(db, code);
      return row ? toDivisionView(row) : null;
    },
    async divisionExists(code: string, db: Executor = deps.db): Promise<boolean> {
      return (await store.getDivision(db, code)) !== null;
    },
    /** County-level codes (区县, including statistical-only zones such as 高新区), in seed order. */
    listCountyCodes: (db: Executor = deps.db) => store.listDivisionCodes(db, 'county'),

    // ── administration (sys_admin; each write audited in its own transaction) ──
    createDepartment: (ctx: RequestContext, input: CreateDepartmentInput) =>
      departments.createDepartment(org, ctx, input),
    updateDepartment: (ctx: RequestContext, id: string, input: UpdateDepartmentInput) =>
      departments.updateDepartment(org, ctx, id, input),
    createHall: (ctx: RequestContext, input: CreateHallInput) => halls.createHall(org, ctx, input),
    updateHall: (ctx: RequestContext, id: string, input: UpdateHallInput) =>
      halls.updateHall(org, ctx, id, input),
    createWindow: (ctx: RequestContext, input: CreateWindowInput) => halls.createWindow(org, ctx, input),
    updateWindow: (ctx: RequestContext, id: string, input: UpdateWindowInput) =>
      halls.updateWindow(org, ctx, id, input),
    setCalendarDay: (ctx: RequestContext, day: string, input: CalendarDayInput) =>
      calendarAdmin.setCalendarDay(org, ctx, day, input),
    removeCalendarDay: (ctx: RequestContext, day: string) => calendarAdmin.removeCalendarDay(org, ctx, day),

    /**
     * Demo data: the 信阳市 divisions, departments, halls and windows plus the official holiday
     * calendar, in one transaction with one audit entry when anything was added. Safe to run again.
     */
    async seedDemo(ctx: RequestContext = systemContext('seed')) {
      return deps.db.transaction().execute(async (tx) => {
        const result = { ...(await seedOrg(tx)), calendarDays: await seedCalendar(tx) };
        if (Object.values(result).some((n) => n > 0)) {
          await ports.audit.record(tx, ctx, { action: 'org.seed', subjectType: 'org', summary: result });
        }
        return result;
      });
    },
  };
}
export type OrgModule = ReturnType<typeof createOrg>;
