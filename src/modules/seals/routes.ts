// Seals routes (电子印章). Department admins apply and authorise; the service office (office_admin)
// reviews, makes, files, issues and destroys; either reports a seal lost. Staff see only their own
// department's seals: another department's seal answers 404 SEALS_NOT_FOUND, never 403. The public
// route gives outside verifiers the public keys and certificate, nothing private.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/http/access.ts';
import type { SealsModule } from './index.ts';
import {
  ApplyBody,
  AuthorizationParams,
  AuthorizeBody,
  NoteBody,
  ReasonBody,
  ReviewBody,
  SealIdParams,
  SealList,
  SealPublicKeys,
  SealQuery,
  SealView,
} from './schema.ts';

const tags = ['seals'];
const staff = { access: 'staff' as const };
const deptAdmin = { access: { roles: ['dept_admin' as const] } };
const officeAdmin = { access: { roles: ['office_admin' as const] } };
const lostReporters = { access: { roles: ['dept_admin' as const, 'office_admin' as const] } };

export function sealsRoutes(seals: SealsModule) {
  const plugin: FastifyPluginAsyncZod = async (app) => {
    const one = { params: SealIdParams, response: { 200: SealView } };

    app.get(
      '/api/seals',
      {
        config: staff,
        schema: {
          tags,
          summary: '印章列表（本部门；政务服务管理机构可看全部）',
          querystring: SealQuery,
          response: { 200: SealList },
        },
      },
      async (req) => ({ items: await seals.list(contextOf(req), req.query) }),
    );
    app.get(
      '/api/seals/:id',
      { config: staff, schema: { tags, summary: '印章详情（含办理过程与授权）', ...one } },
      async (req) => seals.get(contextOf(req), req.params.id),
    );
    app.get(
      '/api/seals/:id/image.svg',
      { config: staff, schema: { tags, summary: '印模（SVG）', params: SealIdParams } },
      async (req, reply) => {
        const { svg } = await seals.image(contextOf(req), req.params.id);
        return reply
          .headers({
            'content-type': 'image/svg+xml',
            'x-content-type-options': 'nosniff',
            'cache-control': 'private, no-store',
            'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
          })
          .send(svg);
      },
    );
    app.get(
      '/api/seals/:id/image.png',
      { config: staff, schema: { tags, summary: '印模（PNG）', params: SealIdParams } },
      async (req, reply) => {
        const { png } = await seals.image(contextOf(req), req.params.id);
        return reply
          .headers({
            'content-type': 'image/png',
            'x-content-type-options': 'nosniff',
            'cache-control': 'private, no-store',
          })
          .send(Buffer.from(png));
      },
    );
    app.get(
      '/api/seals/:id/public',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: '印章公开信息与公钥（供外部验章）',
          params: SealIdParams,
          response: { 200: SealPublicKeys },
        },
      },
      async (req) => seals.publicKeys(req.params.id),
    );

    app.post(
      '/api/seals',
      {
        config: deptAdmin,
        schema: { tags, summary: '申请刻制印章（本部门）', body: ApplyBody, response: { 201: SealView } },
      },
      async (req, reply) => reply.status(201).send(await seals.apply(contextOf(req), req.body)),
    );
    app.post(
      '/api/seals/:id/review',
      {
        config: officeAdmin,
        schema: { tags, summary: '审核印章申请（通过或不通过）', ...one, body: ReviewBody },
      },
      async (req) => seals.review(contextOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/seals/:id/make',
      {
        config: officeAdmin,
        schema: { tags, summary: '制作印章（密钥、证书、印模）', ...one, body: NoteBody },
      },
      async (req) => seals.make(contextOf(req), req.params.id),
    );
    app.post(
      '/api/seals/:id/file',
      { config: officeAdmin, schema: { tags, summary: '印章备案', ...one, body: NoteBody } },
      async (req) => seals.file(contextOf(req), req.params.id, req.body.note),
    );
    app.post(
      '/api/seals/:id/issue',
      { config: officeAdmin, schema: { tags, summary: '发放印章（可用于签章）', ...one, body: NoteBody } },
      async (req) => seals.issue(contextOf(req), req.params.id, req.body.note),
    );
    app.post(
      '/api/seals/:id/authorizations',
      {
        config: deptAdmin,
        schema: { tags, summary: '授权本部门工作人员使用印章', ...one, body: AuthorizeBody },
      },
      async (req) => seals.authorize(contextOf(req), req.params.id, req.body),
    );
    app.delete(
      '/api/seals/:id/authorizations/:authId',
      {
        config: deptAdmin,
        schema: {
          tags,
          summary: '撤销印章使用授权',
          params: AuthorizationParams,
          response: { 200: SealView },
        },
      },
      async (req) => seals.revokeAuthorization(contextOf(req), req.params.id, req.params.authId),
    );
    app.post(
      '/api/seals/:id/report-lost',
      {
        config: lostReporters,
        schema: { tags, summary: '印章挂失（立即停止签章）', ...one, body: ReasonBody },
      },
      async (req) => seals.reportLost(contextOf(req), req.params.id, req.body.reason),
    );
    app.post(
      '/api/seals/:id/destroy',
      { config: officeAdmin, schema: { tags, summary: '销毁印章', ...one, body: ReasonBody } },
      async (req) => seals.destroy(contextOf(req), req.params.id, req.body.reason),
    );
  };
  return plugin;
}
