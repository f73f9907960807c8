// The catalog editor (部门管理员 of the implementing department) and review desk (政务服务管理机构).
// Each route: schema in, context, one service verb; the verb checks ownership itself.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/http/access.ts';
import { registerExcelRoutes } from './excel/index.ts';
import type { CatalogModule } from './index.ts';
import {
  DiffQuery,
  DiffView,
  EditorList,
  GuideView,
  HistoryView,
  IdParams,
  LevelDiffView,
  NoteBody,
  OptionalNoteBody,
  ReasonBody,
  ReviewQueue,
  UpdateDraftBody,
  VersionView,
} from './schema.ts';

type App = Parameters<FastifyPluginAsyncZod>[0];
const tags = ['catalog-admin'];
const editor = { access: { roles: ['dept_admin' as const] } };
const office = { access: { roles: ['office_admin' as const] } };
const either = { access: { roles: ['dept_admin' as const, 'office_admin' as const] } };
const BASE = '/api/admin/catalog';

export function registerAdminRoutes(app: App, catalog: CatalogModule) {
  registerAdminReads(app, catalog);
  registerDraftRoutes(app, catalog);
  registerReviewRoutes(app, catalog);
  registerExcelRoutes(app, catalog);
}

function registerAdminReads(app: App, catalog: CatalogModule) {
  app.get(
    `${BASE}/review-queue`,
    { config: office, schema: { tags, summary: '待审核的事项版本', response: { 200: ReviewQueue } } },
    async (req) => catalog.reviewQueue(contextOf(req)),
  );
  app.get(
    `${BASE}/implementations`,
    {
      config: editor,
      schema: {
        tags,
        summary: '本部门的全部实施清单（含从未发布、已撤销发布的）及其在办修订',
        response: { 200: EditorList },
      },
    },
    async (req) => catalog.editorList(contextOf(req)),
  );
  app.get(
    `${BASE}/implementations/:id/history`,
    {
      config: either,
      schema: { tags, summary: '版本历史', params: IdParams, response: { 200: HistoryView } },
    },
    async (req) => catalog.history(contextOf(req), req.params.id),
  );
  app.get(
    `${BASE}/implementations/:id/level-diff`,
    {
      config: either,
      schema: { tags, summary: '本级与市级的差异', params: IdParams, response: { 200: LevelDiffView } },
    },
    async (req) => catalog.levelDiff(contextOf(req), req.params.id),
  );
  app.get(
    `${BASE}/versions/:id`,
    {
      config: either,
      schema: { tags, summary: '任一状态的版本', params: IdParams, response: { 200: GuideView } },
    },
    async (req) => catalog.getVersionForStaff(contextOf(req), req.params.id),
  );
  app.get(
    `${BASE}/diff`,
    {
      config: either,
      schema: { tags, summary: '两个版本逐要素比较', querystring: DiffQuery, response: { 200: DiffView } },
    },
    async (req) => catalog.diff(contextOf(req), req.query.from, req.query.to),
  );
}

function registerDraftRoutes(app: App, catalog: CatalogModule) {
  app.post(
    `${BASE}/implementations/:id/drafts`,
    {
      config: editor,
      schema: { tags, summary: '从现行版本开始修订', params: IdParams, response: { 201: VersionView } },
    },
    async (req, reply) => reply.status(201).send(await catalog.startDraft(contextOf(req), req.params.id)),
  );
  app.put(
    `${BASE}/versions/:id`,
    {
      config: editor,
      schema: {
        tags,
        summary: '保存草稿（整体替换）',
        params: IdParams,
        body: UpdateDraftBody,
        response: { 200: VersionView },
      },
    },
    async (req) => catalog.updateDraft(contextOf(req), req.params.id, req.body),
  );
  app.post(
    `${BASE}/versions/:id/submit`,
    {
      config: editor,
      schema: { tags, summary: '提交审核', params: IdParams, response: { 200: VersionView } },
    },
    async (req) => catalog.submitDraft(contextOf(req), req.params.id),
  );
}

function registerReviewRoutes(app: App, catalog: CatalogModule) {
  app.post(
    `${BASE}/versions/:id/approve`,
    {
      config: office,
      schema: {
        tags,
        summary: '审核通过',
        params: IdParams,
        body: OptionalNoteBody,
        response: { 200: VersionView },
      },
    },
    async (req) => catalog.approve(contextOf(req), req.params.id, req.body.note ?? null),
  );
  app.post(
    `${BASE}/versions/:id/reject`,
    {
      config: office,
      schema: { tags, summary: '退回修改', params: IdParams, body: NoteBody, response: { 200: VersionView } },
    },
    async (req) => catalog.reject(contextOf(req), req.params.id, req.body.note),
  );
  app.post(
    `${BASE}/versions/:id/publish`,
    { config: office, schema: { tags, summary: '发布', params: IdParams, response: { 200: VersionView } } },
    async (req) => catalog.publish(contextOf(req), req.params.id),
  );
  app.post(
    `${BASE}/implementations/:id/unpublish`,
    {
      config: office,
      schema: {
        tags,
        summary: '撤销发布',
        params: IdParams,
        body: ReasonBody,
        response: { 200: VersionView },
      },
    },
    async (req) => catalog.unpublish(contextOf(req), req.params.id, req.body.reason),
  );
}
