// Analytics routes: the dashboard's statistics for the service office, supervisors (the whole city)
// and a department's head and admin (their own department), read by the big screen and the cockpit.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type Access, actorOf } from '../../platform/http/access.ts';
import type { AnalyticsModule } from './index.ts';
import { Dashboard, StatsQuery } from './schema.ts';

const tags = ['analytics'];
const READERS: Access = { roles: ['office_admin', 'supervisor', 'dept_head', 'dept_admin'] };

export function analyticsRoutes(analytics: AnalyticsModule) {
  const plugin: FastifyPluginAsyncZod = async (app) => {
    app.get(
      '/api/analytics/dashboard',
      {
        config: { access: READERS },
        schema: {
          tags,
          summary: '统计概览（按期间、部门、区县、事项、渠道）',
          querystring: StatsQuery,
          response: { 200: Dashboard },
        },
      },
      async (req) => analytics.dashboard(actorOf(req), req.query),
    );
  };
  return plugin;
}
