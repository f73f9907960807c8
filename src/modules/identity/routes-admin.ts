// Staff administration (system admin) and staff access to citizens' personal data.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, contextOf } from '../../platform/http/access.ts';
import { needsTotp, ROLE_LABELS, STAFF_ROLES } from '../../platform/roles.ts';
import type { IdentityModule } from './index.ts';
import {
  CitizenLookupQuery,
  CitizenView,
  ClearFlagBody,
  FlaggedEnterpriseView,
  IdParams,
  RoleView,
  StaffCreateBody,
  StaffPatchBody,
  StaffView,
  UnmaskBody,
  UnmaskView,
} from './schema.ts';

const tags = ['identity-admin'];
const sysAdmin = { access: { roles: ['sys_admin' as const] } };
const enterpriseOfficers = { access: { roles: ['window_clerk' as const, 'office_admin' as const] } };
const caseStaff = {
  access: { roles: ['window_clerk' as const, 'reviewer' as const, 'hotline_agent' as const] },
};

export function adminRoutes(identity: IdentityModule): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/admin/roles',
      { config: sysAdmin, schema: { tags, summary: '角色列表', response: { 200: z.array(RoleView) } } },
      async () =>
        STAFF_ROLES.map((role) => ({ role, label: ROLE_LABELS[role], needsTotp: needsTotp([role]) })),
    );
    app.get(
      '/api/admin/staff',
      { config: sysAdmin, schema: { tags, summary: '工作人员列表', response: { 200: z.array(StaffView) } } },
      async () => identity.listStaff(),
    );
    app.post(
      '/api/admin/staff',
      {
        config: sysAdmin,
        schema: { tags, summary: '新增工作人员', body: StaffCreateBody, response: { 201: StaffView } },
      },
      async (req, reply) => reply.status(201).send(await identity.createStaff(contextOf(req), req.body)),
    );
    app.patch(
      '/api/admin/staff/:id',
      {
        config: sysAdmin,
        schema: {
          tags,
          summary: '修改工作人员',
          params: IdParams,
          body: StaffPatchBody,
          response: { 200: StaffView },
        },
      },
      async (req) => identity.updateStaff(contextOf(req), actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/admin/staff/:id/unlock',
      {
        config: sysAdmin,
        schema: { tags, summary: '解除锁定', params: IdParams, response: { 200: StaffView } },
      },
      async (req) => identity.unlockStaff(contextOf(req), req.params.id),
    );
    app.get(
      '/api/enterprises/flagged',
      {
        config: enterpriseOfficers,
        schema: { tags, summary: '待核验信用代码的企业', response: { 200: z.array(FlaggedEnterpriseView) } },
      },
      async () => identity.listFlaggedEnterprises(),
    );
    app.post(
      '/api/enterprises/:id/clear-flag',
      {
        config: enterpriseOfficers,
        schema: {
          tags,
          summary: '核验后清除信用代码校验标记',
          params: IdParams,
          body: ClearFlagBody,
          response: { 200: FlaggedEnterpriseView },
        },
      },
      async (req) => identity.clearChecksumFlag(contextOf(req), actorOf(req), req.params.id, req.body.note),
    );
    app.get(
      '/api/citizens/lookup',
      {
        config: caseStaff,
        schema: {
          tags,
          summary: '按身份证号查找用户（脱敏）',
          querystring: CitizenLookupQuery,
          response: { 200: CitizenView },
        },
      },
      async (req) => identity.lookupCitizen(req.query.idNumber),
    );
    app.post(
      '/api/citizens/:id/unmask',
      {
        config: caseStaff,
        schema: {
          tags,
          summary: '查看完整证件号和手机号（需说明用途，留痕）',
          params: IdParams,
          body: UnmaskBody,
          response: { 200: UnmaskView },
        },
      },
      async (req) => identity.unmaskCitizen(contextOf(req), req.params.id, req.body.purpose),
    );
  };
}
