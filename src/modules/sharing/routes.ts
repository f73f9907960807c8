// Sharing routes: the resource catalog (data officers register and edit their department's resources,
// 数据局 reviews, all staff browse the published catalog) and mounting (upload a file as the raw body
// with ?filename=, or register an API), with quality reports and a masked preview of the rows.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../platform/errors.ts';
import { type Access, actorOf, contextOf } from '../../platform/http/access.ts';
import { exchangeRoutes } from './exchange/index.ts';
import { grantsRoutes } from './grants/routes.ts';
import type { SharingModule } from './index.ts';
import { qualityBoardRoutes } from './quality-board/routes.ts';
import {
  ApiMount,
  CatalogQuery,
  IdParams,
  LoadList,
  LoadParams,
  LoadView,
  MineQuery,
  RejectBody,
  ResourceInput,
  ResourceList,
  ResourceView,
  RowsQuery,
  RowsView,
  Tree,
  UploadQuery,
} from './schema.ts';

const tags = ['sharing'];
const OFFICER: Access = { roles: ['data_officer'] };
const REVIEWER: Access = { roles: ['data_reviewer'] };
const OFFICER_OR_REVIEWER: Access = { roles: ['data_officer', 'data_reviewer'] };
/** The largest upload read: 10 MB (JSON bodies keep the server's 1 MB limit). */
const UPLOAD_LIMIT = 10 * 1024 * 1024;
const UPLOAD_TYPES = [
  'text/csv',
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];
const BASE = '/api/sharing/resources';

export function sharingRoutes(sharing: SharingModule) {
  const plugin: FastifyPluginAsyncZod = async (app) => {
    app.addContentTypeParser(
      UPLOAD_TYPES,
      { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT },
      (_req, body, done) => done(null, body),
    );
    // requests, grants, system clients, the call log, /oidc and the /share/v1 gateway (decision 0013)
    await app.register(grantsRoutes(sharing.grants));

    // ── the published catalog, for all staff ──
    app.get(
      '/api/sharing/catalog',
      {
        config: { access: 'staff' },
        schema: {
          tags,
          summary: '检索已发布的信息资源目录',
          querystring: CatalogQuery,
          response: { 200: ResourceList },
        },
      },
      async (req) => sharing.search(req.query),
    );
    app.get(
      '/api/sharing/catalog/tree',
      {
        config: { access: 'staff' },
        schema: { tags, summary: '资源目录树（按资源属性与分类、按提供部门）', response: { 200: Tree } },
      },
      async () => sharing.tree(),
    );
    app.get(
      `${BASE}/:id`,
      {
        config: { access: 'staff' },
        schema: {
          tags,
          summary: '信息资源详情（元数据与信息项）',
          params: IdParams,
          response: { 200: ResourceView },
        },
      },
      async (req) => sharing.get(actorOf(req), req.params.id),
    );

    // ── the department's data officer ──
    app.get(
      '/api/sharing/my-resources',
      {
        config: { access: OFFICER },
        schema: {
          tags,
          summary: '本部门的信息资源',
          querystring: MineQuery,
          response: { 200: ResourceList },
        },
      },
      async (req) => sharing.listOwn(actorOf(req), req.query),
    );
    app.post(
      BASE,
      {
        config: { access: OFFICER },
        schema: {
          tags,
          summary: '编目：登记本部门的信息资源（草稿）',
          body: ResourceInput,
          response: { 201: ResourceView },
        },
      },
      async (req, reply) => reply.code(201).send(await sharing.register(contextOf(req), req.body)),
    );
    app.put(
      `${BASE}/:id`,
      {
        config: { access: OFFICER },
        schema: {
          tags,
          summary: '修改信息资源（已发布的资源生成新版本）',
          params: IdParams,
          body: ResourceInput,
          response: { 200: ResourceView },
        },
      },
      async (req) => sharing.update(contextOf(req), req.params.id, req.body),
    );
    app.post(
      `${BASE}/:id/submit`,
      {
        config: { access: OFFICER },
        schema: { tags, summary: '提交数据局审核', params: IdParams, response: { 200: ResourceView } },
      },
      async (req) => sharing.submit(contextOf(req), req.params.id),
    );

    // ── 数据局 ──
    app.get(
      '/api/sharing/review-queue',
      {
        config: { access: REVIEWER },
        schema: { tags, summary: '待审核的信息资源', response: { 200: ResourceList } },
      },
      async (req) => sharing.reviewQueue(actorOf(req)),
    );
    app.post(
      `${BASE}/:id/approve`,
      {
        config: { access: REVIEWER },
        schema: { tags, summary: '审核通过并发布', params: IdParams, response: { 200: ResourceView } },
      },
      async (req) => sharing.approve(contextOf(req), req.params.id),
    );
    app.post(
      `${BASE}/:id/reject`,
      {
        config: { access: REVIEWER },
        schema: {
          tags,
          summary: '退回（写明原因）',
          params: IdParams,
          body: RejectBody,
          response: { 200: ResourceView },
        },
      },
      async (req) => sharing.reject(contextOf(req), req.params.id, req.body.reason),
    );

    // ── mounting (目录挂接) ──
    app.post(
      `${BASE}/:id/loads`,
      {
        config: { access: OFFICER },
        schema: {
          tags,
          summary:
            '挂接数据：请求体为 CSV（UTF-8）、XLSX 或 JSON 文件（≤ 10 MB），文件名放在 ?filename=；有任一问题则整批不入库，质量报告列出全部问题',
          consumes: UPLOAD_TYPES,
          params: IdParams,
          querystring: UploadQuery,
          body: z.unknown().describe('文件原始内容'),
          response: { 201: LoadView },
        },
      },
      async (req, reply) => {
        if (!Buffer.isBuffer(req.body))
          throw errors.unsupportedMedia('请以 text/csv、application/octet-stream 或 .xlsx 类型上传文件');
        const load = await sharing.upload(contextOf(req), req.params.id, req.query.filename, req.body);
        return reply.code(201).send(load);
      },
    );
    app.put(
      `${BASE}/:id/api-mount`,
      {
        config: { access: OFFICER },
        schema: {
          tags,
          summary: '以接口方式挂接（登记接口元数据）',
          params: IdParams,
          body: ApiMount,
          response: { 200: z.object({ mountKind: z.literal('api'), apiMount: ApiMount }) },
        },
      },
      async (req) => sharing.mountApi(contextOf(req), req.params.id, req.body),
    );
    app.get(
      `${BASE}/:id/loads`,
      {
        config: { access: OFFICER_OR_REVIEWER },
        schema: { tags, summary: '挂接记录', params: IdParams, response: { 200: LoadList } },
      },
      async (req) => sharing.listLoads(actorOf(req), req.params.id),
    );
    app.get(
      `${BASE}/:id/loads/:loadId`,
      {
        config: { access: OFFICER_OR_REVIEWER },
        schema: { tags, summary: '一次挂接的质量报告', params: LoadParams, response: { 200: LoadView } },
      },
      async (req) => sharing.getLoad(actorOf(req), req.params.id, req.params.loadId),
    );
    app.get(
      `${BASE}/:id/rows`,
      {
        config: { access: OFFICER_OR_REVIEWER },
        schema: {
          tags,
          summary: '已挂接数据预览（敏感信息项脱敏）',
          params: IdParams,
          querystring: RowsQuery,
          response: { 200: RowsView },
        },
      },
      async (req) => sharing.previewRows(actorOf(req), req.params.id, req.query.page),
    );
    exchangeRoutes(app, sharing.exchange);
    qualityBoardRoutes(app, sharing);
  };
  return plugin;
}
