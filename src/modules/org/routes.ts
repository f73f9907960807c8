// Org and calendar routes: public reads of divisions, departments, halls and the holiday calendar;
// sys_admin writes (each one audited by the service verb).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/http/access.ts';
import type { OrgModule } from './index.ts';
import {
  CalendarDayBody,
  CalendarDayParams,
  CalendarDayView,
  CalendarQuery,
  CalendarView,
  CreateDepartmentBody,
  CreateHallBody,
  CreateWindowBody,
  DepartmentList,
  DepartmentQuery,
  DepartmentView,
  DivisionList,
  DivisionQuery,
  HallList,
  HallQuery,
  HallView,
  IdParams,
  UpdateDepartmentBody,
  UpdateHallBody,
  UpdateWindowBody,
  WindowView,
} from './schema.ts';

const isPublic = { access: 'public' as const };
const sysAdmin = { access: { roles: ['sys_admin' as const] } };

type App = Parameters<FastifyPluginAsyncZod>[0];
const tags = ['org'];

export function orgRoutes(org: OrgModule) {
  const plugin: FastifyPluginAsyncZod = async (app) => {
    registerReadRoutes(app, org);
    registerDepartmentRoutes(app, org);
    registerHallRoutes(app, org);
    registerCalendarRoutes(app, org);
  };
  return plugin;
}

function registerReadRoutes(app: App, org: OrgModule) {
  app.get(
    '/api/org/divisions',
    {
      config: isPublic,
      schema: {
        tags,
        summary: '行政区划（下级）',
        querystring: DivisionQuery,
        response: { 200: DivisionList },
      },
    },
    async (req) => ({ items: await org.listDivisions(req.query.parent) }),
  );
  app.get(
    '/api/org/departments',
    {
      config: isPublic,
      schema: {
        tags,
        summary: '部门列表',
        querystring: DepartmentQuery,
        response: { 200: DepartmentList },
      },
    },
    async (req) => ({ items: await org.listDepartments(req.query.divisionCode) }),
  );
  app.get(
    '/api/org/halls',
    {
      config: isPublic,
      schema: { tags, summary: '政务服务中心及窗口', querystring: HallQuery, response: { 200: HallList } },
    },
    async (req) => ({ items: await org.listHalls(req.query.divisionCode) }),
  );
}

function registerDepartmentRoutes(app: App, org: OrgModule) {
  app.post(
    '/api/admin/departments',
    {
      config: sysAdmin,
      schema: { tags, summary: '新增部门', body: CreateDepartmentBody, response: { 201: DepartmentView } },
    },
    async (req, reply) => reply.status(201).send(await org.createDepartment(contextOf(req), req.body)),
  );
  app.patch(
    '/api/admin/departments/:id',
    {
      config: sysAdmin,
      schema: {
        tags,
        summary: '修改部门',
        params: IdParams,
        body: UpdateDepartmentBody,
        response: { 200: DepartmentView },
      },
    },
    async (req) => org.updateDepartment(contextOf(req), req.params.id, req.body),
  );
}

function registerHallRoutes(app: App, org: OrgModule) {
  app.post(
    '/api/admin/halls',
    {
      config: sysAdmin,
      schema: { tags, summary: '新增政务服务中心', body: CreateHallBody, response: { 201: HallView } },
    },
    async (req, reply) => reply.status(201).send(await org.createHall(contextOf(req), req.body)),
  );
  app.patch(
    '/api/admin/halls/:id',
    {
      config: sysAdmin,
      schema: {
        tags,
        summary: '修改政务服务中心',
        params: IdParams,
        body: UpdateHallBody,
        response: { 200: HallView },
      },
    },
    async (req) => org.updateHall(contextOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/admin/windows',
    {
      config: sysAdmin,
      schema: { tags, summary: '新增窗口', body: CreateWindowBody, response: { 201: WindowView } },
    },
    async (req, reply) => reply.status(201).send(await org.createWindow(contextOf(req), req.body)),
  );
  app.patch(
    '/api/admin/windows/:id',
    {
      config: sysAdmin,
      schema: {
        tags,
        summary: '修改窗口',
        params: IdParams,
        body: UpdateWindowBody,
        response: { 200: WindowView },
      },
    },
    async (req) => org.updateWindow(contextOf(req), req.params.id, req.body),
  );
}

function registerCalendarRoutes(app: App, org: OrgModule) {
  const tags = ['calendar'];
  app.get(
    '/api/calendar',
    {
      config: isPublic,
      schema: {
        tags,
        summary: '节假日与调休安排',
        querystring: CalendarQuery,
        response: { 200: CalendarView },
      },
    },
    async (req) => org.getCalendar(req.query.year),
  );
  app.put(
    '/api/admin/calendar/:day',
    {
      config: sysAdmin,
      schema: {
        tags,
        summary: '设置节假日或调休上班日',
        params: CalendarDayParams,
        body: CalendarDayBody,
        response: { 200: CalendarDayView },
      },
    },
    async (req) => org.setCalendarDay(contextOf(req), req.params.day, req.body),
  );
  app.delete(
    '/api/admin/calendar/:day',
    {
      config: sysAdmin,
      schema: {
        tags,
        summary: '删除节假日或调休设置',
        params: CalendarDayParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await org.removeCalendarDay(contextOf(req), req.params.day);
      return reply.status(204).send(null);
    },
  );
}
