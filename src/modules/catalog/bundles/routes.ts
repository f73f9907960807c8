// Bundle routes: the public bundle list and guide (no login), and the service office's editor.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../../platform/http/access.ts';
import type { BundlesModule } from './index.ts';
import {
  AdminBundleList,
  AdminBundleView,
  BundleGuide,
  BundleGuideQuery,
  BundleIdParams,
  BundleList,
  BundleListQuery,
  BundleReasonBody,
  CreateBundleBody,
  SetMembersBody,
  UpdateBundleBody,
} from './schema.ts';

type App = Parameters<FastifyPluginAsyncZod>[0];
const isPublic = { access: 'public' as const };
const office = { access: { roles: ['office_admin' as const] } };
const ADMIN = '/api/admin/catalog/bundles';

export function registerBundleRoutes(app: App, bundles: BundlesModule) {
  registerPublic(app, bundles);
  registerOfficeReads(app, bundles);
  registerOfficeWrites(app, bundles);
}

function registerPublic(app: App, bundles: BundlesModule) {
  const tags = ['catalog'];
  app.get(
    '/api/catalog/bundles',
    {
      config: isPublic,
      schema: {
        tags,
        summary: '“一件事”列表（已发布，本地区可办）',
        querystring: BundleListQuery,
        response: { 200: BundleList },
      },
    },
    async (req) => bundles.list(req.query),
  );
  app.get(
    '/api/catalog/bundles/:id',
    {
      config: isPublic,
      schema: {
        tags,
        summary: '“一件事”办事指南（合并材料清单）',
        params: BundleIdParams,
        querystring: BundleGuideQuery,
        response: { 200: BundleGuide },
      },
    },
    async (req) => bundles.guide(req.params.id, req.query.division),
  );
}

function registerOfficeReads(app: App, bundles: BundlesModule) {
  const tags = ['catalog-admin'];
  app.get(
    ADMIN,
    { config: office, schema: { tags, summary: '全部“一件事”', response: { 200: AdminBundleList } } },
    async (req) => bundles.listForOffice(contextOf(req)),
  );
  app.get(
    `${ADMIN}/:id`,
    {
      config: office,
      schema: {
        tags,
        summary: '“一件事”及其成员事项',
        params: BundleIdParams,
        response: { 200: AdminBundleView },
      },
    },
    async (req) => bundles.getForOffice(contextOf(req), req.params.id),
  );
}

function registerOfficeWrites(app: App, bundles: BundlesModule) {
  const tags = ['catalog-admin'];
  app.post(
    ADMIN,
    {
      config: office,
      schema: {
        tags,
        summary: '新建“一件事”（草稿）',
        body: CreateBundleBody,
        response: { 201: AdminBundleView },
      },
    },
    async (req, reply) => reply.status(201).send(await bundles.create(contextOf(req), req.body)),
  );
  app.patch(
    `${ADMIN}/:id`,
    {
      config: office,
      schema: {
        tags,
        summary: '修改“一件事”',
        params: BundleIdParams,
        body: UpdateBundleBody,
        response: { 200: AdminBundleView },
      },
    },
    async (req) => bundles.update(contextOf(req), req.params.id, req.body),
  );
  app.put(
    `${ADMIN}/:id/members`,
    {
      config: office,
      schema: {
        tags,
        summary: '设置成员事项（整体替换）',
        params: BundleIdParams,
        body: SetMembersBody,
        response: { 200: AdminBundleView },
      },
    },
    async (req) => bundles.setMembers(contextOf(req), req.params.id, req.body),
  );
  app.post(
    `${ADMIN}/:id/publish`,
    {
      config: office,
      schema: { tags, summary: '发布“一件事”', params: BundleIdParams, response: { 200: AdminBundleView } },
    },
    async (req) => bundles.publish(contextOf(req), req.params.id),
  );
  app.post(
    `${ADMIN}/:id/unpublish`,
    {
      config: office,
      schema: {
        tags,
        summary: '撤销发布“一件事”',
        params: BundleIdParams,
        body: BundleReasonBody,
        response: { 200: AdminBundleView },
      },
    },
    async (req) => bundles.unpublish(contextOf(req), req.params.id, req.body.reason),
  );
}
