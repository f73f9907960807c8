// Routes of share requests, grants, system clients and the call log (data officers; auditors read the
// log), plus the public OpenID provider under /oidc and the gateway under /share/v1 (gateway/routes.ts).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Access, actorOf, contextOf } from '../../../platform/http/access.ts';
import { gatewayRoutes } from '../gateway/routes.ts';
import type { GrantsModule } from './index.ts';
import {
  ApproveInput,
  ClientCreated,
  ClientInput,
  ClientList,
  ClientParams,
  ClientView,
  GrantList,
  GrantView,
  LogList,
  LogQuery,
  ReasonBody,
  RequestInput,
  RequestList,
  RequestView,
  Side,
  StatsQuery,
  StatsView,
} from './schema.ts';

const tags = ['sharing'];
const OFFICER: Access = { roles: ['data_officer'] };
const LOG_READERS: Access = { roles: ['data_officer', 'auditor'] };
const IdParams = z.object({ id: z.uuid() }).strict();

export function grantsRoutes(grants: GrantsModule) {
  const plugin: FastifyPluginAsyncZod = async (app) => {
    await app.register(gatewayRoutes(grants));
    app.post(
      '/api/sharing/requests',
      {
        config: { access: OFFICER },
        schema: {
          tags,
          summary: '共享申请（无条件共享即时授权；有条件共享待提供部门审批；不予共享不能申请）',
          body: RequestInput,
          response: { 201: RequestView },
        },
      },
      async (req, reply) => reply.code(201).send(await grants.request(contextOf(req), req.body)),
    );
    app.get(
      '/api/sharing/requests',
      {
        config: { access: OFFICER },
        schema: {
          tags,
          summary: '共享申请：本部门提出的（mine）或对本部门资源的（provided）',
          querystring: Side,
          response: { 200: RequestList },
        },
      },
      async (req) => grants.listRequests(actorOf(req), req.query.side),
    );
    app.get(
      '/api/sharing/requests/:id',
      {
        config: { access: OFFICER },
        schema: { tags, summary: '共享申请详情', params: IdParams, response: { 200: RequestView } },
      },
      async (req) => grants.getRequest(actorOf(req), req.params.id),
    );
    app.post(
      '/api/sharing/requests/:id/approve',
      {
        config: { access: OFFICER },
        schema: {
          tags,
          summary: '提供部门审批同意（可缩小信息项、设行过滤、脱敏、每日配额和有效期）',
          params: IdParams,
          body: ApproveInput,
          response: { 200: RequestView },
        },
      },
      async (req) => grants.approve(contextOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/sharing/requests/:id/reject',
      {
        config: { access: OFFICER },
        schema: {
          tags,
          summary: '提供部门不同意（写明原因）',
          params: IdParams,
          body: ReasonBody,
          response: { 200: RequestView },
        },
      },
      async (req) => grants.reject(contextOf(req), req.params.id, req.body.reason),
    );
    app.get(
      '/api/sharing/grants',
      {
        config: { access: OFFICER },
        schema: {
          tags,
          summary: '共享授权：本部门获得的（mine）或本部门资源授出的（provided）',
          querystring: Side,
          response: { 200: GrantList },
        },
      },
      async (req) => grants.listGrants(actorOf(req), req.query.side),
    );
    app.get(
      '/api/sharing/grants/:id',
      {
        config: { access: OFFICER },
        schema: { tags, summary: '共享授权详情', params: IdParams, response: { 200: GrantView } },
      },
      async (req) => grants.getGrant(actorOf(req), req.params.id),
    );
    app.post(
      '/api/sharing/grants/:id/revoke',
      {
        config: { access: OFFICER },
        schema: {
          tags,
          summary: '撤销授权（下一次调用即生效）',
          params: IdParams,
          body: ReasonBody,
          response: { 200: GrantView },
        },
      },
      async (req) => grants.revoke(contextOf(req), req.params.id, req.body.reason),
    );
    app.post(
      '/api/sharing/clients',
      {
        config: { access: OFFICER },
        schema: {
          tags,
          summary: '登记接入系统（客户端密钥只显示这一次）',
          body: ClientInput,
          response: { 201: ClientCreated },
        },
      },
      async (req, reply) => reply.code(201).send(await grants.createClient(contextOf(req), req.body)),
    );
    app.get(
      '/api/sharing/clients',
      {
        config: { access: OFFICER },
        schema: { tags, summary: '本部门的接入系统', response: { 200: ClientList } },
      },
      async (req) => grants.listClients(actorOf(req)),
    );
    app.post(
      '/api/sharing/clients/:clientId/disable',
      {
        config: { access: OFFICER },
        schema: { tags, summary: '停用接入系统', params: ClientParams, response: { 200: ClientView } },
      },
      async (req) => grants.disableClient(contextOf(req), req.params.clientId),
    );
    app.get(
      '/api/sharing/call-log',
      {
        config: { access: LOG_READERS },
        schema: {
          tags,
          summary: '共享接口调用日志（consumer 本部门系统的调用；provider 本部门资源被调用；all 审计管理员）',
          querystring: LogQuery,
          response: { 200: LogList },
        },
      },
      async (req) => grants.listLog(actorOf(req), req.query),
    );
    app.get(
      '/api/sharing/call-stats',
      {
        config: { access: LOG_READERS },
        schema: {
          tags,
          summary: '调用统计：按授权和按资源的调用次数、错误数与 P95 时延',
          querystring: StatsQuery,
          response: { 200: StatsView },
        },
      },
      async (req) => grants.stats(actorOf(req), req.query.side),
    );
  };
  return plugin;
}
