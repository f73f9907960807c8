// Auditor-only routes: search the log, verify the chain. The system admin has no access (三员分立).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/http/access.ts';
import type { AuditModule } from './index.ts';
import { AuditPage, AuditQuery, VerifyView } from './schema.ts';

const auditor = { access: { roles: ['auditor' as const] } };

export function auditRoutes(audit: AuditModule) {
  const plugin: FastifyPluginAsyncZod = async (app) => {
    app.get(
      '/api/audit/entries',
      {
        config: auditor,
        schema: {
          tags: ['audit'],
          summary: '检索审计日志',
          querystring: AuditQuery,
          response: { 200: AuditPage },
        },
      },
      async (req) => audit.searchEntries(req.query),
    );
    app.post(
      '/api/audit/verify',
      {
        config: auditor,
        schema: { tags: ['audit'], summary: '校验审计哈希链', response: { 200: VerifyView } },
      },
      async (req) => audit.verifyAndRecord(contextOf(req)),
    );
  };
  return plugin;
}
