// Performance evaluation routes (绩效评估): the report of a period, the drill-down behind a figure and
// the Excel export. The service office and supervisors see all departments; a department's head and
// admin their own.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type Access, actorOf } from '../../platform/http/access.ts';
import { XLSX_TYPE } from './excel.ts';
import type { PerformanceModule } from './index.ts';
import { Drill, DrillQuery, PeriodQuery, Ranking, RankingQuery, Report } from './schema.ts';

const tags = ['performance'];
const READERS: Access = { roles: ['office_admin', 'supervisor', 'dept_head', 'dept_admin'] };
const disposition = (filename: string) =>
  `attachment; filename="performance.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`;

export function performanceRoutes(performance: PerformanceModule) {
  const plugin: FastifyPluginAsyncZod = async (app) => {
    app.get(
      '/api/performance',
      {
        config: { access: READERS },
        schema: {
          tags,
          summary: '绩效评估：按部门、窗口、事项的各项指标、综合得分与排名（默认本月）',
          querystring: PeriodQuery,
          response: { 200: Report },
        },
      },
      async (req) => performance.report(actorOf(req), req.query),
    );
    app.get(
      '/api/performance/drill',
      {
        config: { access: READERS },
        schema: {
          tags,
          summary: '绩效指标下钻：分子、分母背后的办件、评价或督办单',
          querystring: DrillQuery,
          response: { 200: Drill },
        },
      },
      async (req) => performance.drill(actorOf(req), req.query),
    );
    app.get(
      '/api/performance/ranking',
      {
        config: { access: READERS },
        schema: {
          tags,
          summary: '部门月度排名（一年中至本月的每个月）',
          querystring: RankingQuery,
          response: { 200: Ranking },
        },
      },
      async (req) => performance.ranking(actorOf(req), req.query),
    );
    app.get(
      '/api/performance/export.xlsx',
      {
        config: { access: READERS },
        schema: {
          tags,
          summary: '导出绩效评估（.xlsx：部门、窗口、事项各一个工作表，另附指标说明）',
          querystring: PeriodQuery,
        },
      },
      async (req, reply) => {
        const file = await performance.exportWorkbook(actorOf(req), req.query);
        return reply
          .header('content-type', XLSX_TYPE)
          .header('content-disposition', disposition(file.filename))
          .header('cache-control', 'no-store')
          .send(file.bytes);
      },
    );
  };
  return plugin;
}
