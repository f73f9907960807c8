// Supervision routes: rules (supervisors edit, the service office reads), warnings and per-department
// counts, supervision orders (issue, answer by the case's department, close) and GB/T 39046 Table 11.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type Access, actorOf, contextOf } from '../../platform/http/access.ts';
import type { SupervisionModule } from './index.ts';
import {
  AnswerBody,
  CloseBody,
  DepartmentCounts,
  IdParams,
  IssueOrderBody,
  OrderList,
  OrderQuery,
  OrderView,
  RuleList,
  RuleParams,
  RuleUpdate,
  RuleView,
  Table11,
  WarningDetail,
  WarningList,
  WarningQuery,
} from './schema.ts';

const tags = ['supervision'];
const OVERSEERS: Access = { roles: ['supervisor', 'office_admin'] };
const READERS: Access = { roles: ['supervisor', 'office_admin', 'dept_head', 'dept_admin'] };
const SUPERVISOR: Access = { roles: ['supervisor'] };
const DEPARTMENT: Access = { roles: ['dept_head', 'dept_admin'] };

export function supervisionRoutes(supervision: SupervisionModule) {
  const plugin: FastifyPluginAsyncZod = async (app) => {
    app.get(
      '/api/supervision/rules',
      { config: { access: OVERSEERS }, schema: { tags, summary: '监察规则', response: { 200: RuleList } } },
      async () => ({ items: await supervision.listRules() }),
    );
    app.put(
      '/api/supervision/rules/:code',
      {
        config: { access: SUPERVISOR },
        schema: {
          tags,
          summary: '修改监察规则参数或启停',
          params: RuleParams,
          body: RuleUpdate,
          response: { 200: RuleView },
        },
      },
      async (req) => supervision.updateRule(contextOf(req), req.params.code, req.body),
    );
    app.get(
      '/api/supervision/warnings',
      {
        config: { access: READERS },
        schema: {
          tags,
          summary: '监察预警（黄牌、红牌）',
          querystring: WarningQuery,
          response: { 200: WarningList },
        },
      },
      async (req) => supervision.listWarnings(actorOf(req), req.query),
    );
    app.get(
      '/api/supervision/warnings/:id',
      {
        config: { access: READERS },
        schema: {
          tags,
          summary: '一条监察预警：办件计时、预警历史和督办',
          params: IdParams,
          response: { 200: WarningDetail },
        },
      },
      async (req) => supervision.warningDetail(actorOf(req), req.params.id),
    );
    app.get(
      '/api/supervision/warnings/by-department',
      {
        config: { access: READERS },
        schema: { tags, summary: '各部门未消除的预警数', response: { 200: DepartmentCounts } },
      },
      async (req) => supervision.departmentCounts(actorOf(req)),
    );
    app.get(
      '/api/supervision/orders',
      {
        config: { access: READERS },
        schema: { tags, summary: '督办单', querystring: OrderQuery, response: { 200: OrderList } },
      },
      async (req) => supervision.listOrders(actorOf(req), req.query),
    );
    app.get(
      '/api/supervision/orders/:id',
      {
        config: { access: READERS },
        schema: { tags, summary: '一张督办单', params: IdParams, response: { 200: OrderView } },
      },
      async (req) => supervision.getOrder(actorOf(req), req.params.id),
    );
    app.post(
      '/api/supervision/orders',
      {
        config: { access: SUPERVISOR },
        schema: { tags, summary: '发出督办', body: IssueOrderBody, response: { 201: OrderView } },
      },
      async (req, reply) => reply.code(201).send(await supervision.issueOrder(contextOf(req), req.body)),
    );
    app.post(
      '/api/supervision/orders/:id/answer',
      {
        config: { access: DEPARTMENT },
        schema: {
          tags,
          summary: '部门回复督办',
          params: IdParams,
          body: AnswerBody,
          response: { 200: OrderView },
        },
      },
      async (req) => supervision.answerOrder(contextOf(req), req.params.id, req.body.answer),
    );
    app.post(
      '/api/supervision/orders/:id/close',
      {
        config: { access: SUPERVISOR },
        schema: {
          tags,
          summary: '办结督办',
          params: IdParams,
          body: CloseBody,
          response: { 200: OrderView },
        },
      },
      async (req) => supervision.closeOrder(contextOf(req), req.params.id, req.body.result),
    );
    app.get(
      '/api/supervision/cases/:id/table11',
      {
        config: { access: READERS },
        schema: {
          tags,
          summary: '办件的电子监察信息（GB/T 39046 表 11）',
          params: IdParams,
          response: { 200: Table11 },
        },
      },
      async (req) => supervision.table11(actorOf(req), req.params.id),
    );
  };
  return plugin;
}
