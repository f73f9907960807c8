// Licenses routes: the public type catalog and verification (by identifier, by uploaded PDF), the
// holder's wallet and PDF, the issuing department's list and status actions, the license data a
// case's reviewers may see, and the service office's type edits.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../platform/errors.ts';
import { type Access, actorOf, contextOf } from '../../platform/http/access.ts';
import type { LicensesModule } from './index.ts';
import {
  DepartmentLicenseQuery,
  IdParams,
  LicenseDetail,
  LicenseList,
  LicenseTypeList,
  LicenseTypeUpdate,
  LicenseTypeView,
  LicenseView,
  PdfVerifyResult,
  StatusChangeBody,
  VerifyQuery,
  VerifyResult,
  WalletQuery,
} from './schema.ts';

const tags = ['licenses'];
/** the same ceiling as uploaded materials; a license PDF is ~100 KB */
const PDF_LIMIT = 20 * 1024 * 1024;
const STAFF_READERS: Access = { roles: ['window_clerk', 'reviewer', 'dept_head', 'dept_admin'] };

const disposition = (name: string) =>
  `attachment; filename="license.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** `verifyPerMinute`: the public verification's limit per client address (scanners, scrapers). */
export function licensesRoutes(licenses: LicensesModule, verifyPerMinute = 120) {
  const limited = { access: 'public' as const, rateLimit: { max: verifyPerMinute, timeWindow: '1 minute' } };
  const plugin: FastifyPluginAsyncZod = async (app) => {
    app.addContentTypeParser(
      'application/pdf',
      { parseAs: 'buffer', bodyLimit: PDF_LIMIT },
      (_req, body, done) => done(null, body),
    );
    app.get(
      '/api/licenses/types',
      {
        config: { access: 'public' },
        schema: { tags, summary: '证照目录（证照类型）', response: { 200: LicenseTypeList } },
      },
      async () => ({ items: await licenses.listTypes() }),
    );
    app.patch(
      '/api/licenses/types/:id',
      {
        config: { access: { roles: ['office_admin'] } },
        schema: {
          tags,
          summary: '修改证照类型（有效期、印制字段、停用）',
          params: IdParams,
          body: LicenseTypeUpdate,
          response: { 200: LicenseTypeView },
        },
      },
      async (req) => licenses.updateType(contextOf(req), req.params.id, req.body),
    );
    app.get(
      '/api/licenses/verify',
      {
        config: limited,
        schema: {
          tags,
          summary: '按电子证照标识核验（扫码核验）',
          querystring: VerifyQuery,
          response: { 200: VerifyResult },
        },
      },
      async (req) => licenses.verify(contextOf(req), req.query.identifier),
    );
    app.post(
      '/api/licenses/verify/pdf',
      {
        config: limited,
        schema: {
          tags,
          summary: '上传电子证照 PDF 核验是否为平台签发的原件、是否被修改（请求体为 PDF，≤ 20 MB）',
          consumes: ['application/pdf'],
          body: z.unknown().describe('PDF 文件原始内容'),
          response: { 200: PdfVerifyResult },
        },
      },
      async (req) => {
        if (!Buffer.isBuffer(req.body))
          throw errors.unsupportedMedia('请以 Content-Type: application/pdf 上传 PDF 文件');
        return licenses.verifyPdf(contextOf(req), new Uint8Array(req.body));
      },
    );
    app.get(
      '/api/licenses/mine',
      {
        config: { access: 'citizen' },
        schema: {
          tags,
          summary: '我的电子证照夹（代办企业时为企业的证照）',
          querystring: WalletQuery,
          response: { 200: LicenseList },
        },
      },
      async (req) => licenses.wallet(actorOf(req), req.query.type),
    );
    app.get(
      '/api/licenses/department',
      {
        config: { access: STAFF_READERS },
        schema: {
          tags,
          summary: '本部门签发的电子证照',
          querystring: DepartmentLicenseQuery,
          response: { 200: LicenseList },
        },
      },
      async (req) => licenses.departmentLicenses(actorOf(req), req.query),
    );
    app.get(
      '/api/licenses/by-case/:id',
      {
        config: { access: STAFF_READERS },
        schema: {
          tags,
          summary: '办件中以电子证照代替的材料（经用证授权，办理部门可见）',
          params: IdParams,
          response: {
            200: z.object({ items: z.array(z.object({ materialName: z.string(), license: LicenseView })) }),
          },
        },
      },
      async (req) => ({ items: await licenses.usedInCaseFor(actorOf(req), req.params.id) }),
    );
    app.get(
      '/api/licenses/:id',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: '电子证照详情（持证人或发证部门）',
          params: IdParams,
          response: { 200: LicenseDetail },
        },
      },
      async (req) => licenses.detail(actorOf(req), req.params.id),
    );
    app.get(
      '/api/licenses/:id/pdf',
      {
        config: { access: 'user' },
        schema: { tags, summary: '下载签名的电子证照 PDF', params: IdParams, produces: ['application/pdf'] },
      },
      async (req, reply) => {
        const file = await licenses.pdf(actorOf(req), req.params.id);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', disposition(file.name))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .send(Buffer.from(file.bytes));
      },
    );
    app.post(
      '/api/licenses/:id/status',
      {
        config: { access: { roles: ['dept_admin', 'dept_head'] } },
        schema: {
          tags,
          summary: '暂扣、撤销、注销、失效、吊销或恢复电子证照（须说明原因）',
          params: IdParams,
          body: StatusChangeBody,
          response: { 200: LicenseView },
        },
      },
      async (req) => licenses.changeStatus(contextOf(req), req.params.id, req.body),
    );
  };
  return plugin;
}
