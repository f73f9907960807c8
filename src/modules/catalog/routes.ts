// Catalog routes: the public catalog (no login) here; the editor and review desk in routes-admin.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { registerBundleRoutes } from './bundles/index.ts';
import type { CatalogModule } from './index.ts';
import { registerAdminRoutes } from './routes-admin.ts';
import {
  DepartmentCounts,
  DivisionQuery,
  GuideView,
  IdParams,
  ItemIdParams,
  ItemPage,
  ItemQuery,
  RegionList,
  ThemeList,
} from './schema.ts';

const isPublic = { access: 'public' as const };
const tags = ['catalog'];
type App = Parameters<FastifyPluginAsyncZod>[0];

export function catalogRoutes(catalog: CatalogModule) {
  const plugin: FastifyPluginAsyncZod = async (app) => {
    registerListRoutes(app, catalog);
    registerGuideRoutes(app, catalog);
    registerAdminRoutes(app, catalog);
    registerBundleRoutes(app, catalog.bundles);
  };
  return plugin;
}

function registerListRoutes(app: App, catalog: CatalogModule) {
  app.get(
    '/api/catalog/items',
    {
      config: isPublic,
      schema: {
        tags,
        summary: '事项列表（已发布，可筛选）',
        querystring: ItemQuery,
        response: { 200: ItemPage },
      },
    },
    async (req) => catalog.listItems(req.query),
  );
  app.get(
    '/api/catalog/popular',
    {
      config: isPublic,
      schema: { tags, summary: '热门事项', querystring: DivisionQuery, response: { 200: ItemPage } },
    },
    // Seed order until usage statistics exist.
    async (req) => catalog.listItems({ division: req.query.division, page: 1, pageSize: 10 }),
  );
  app.get(
    '/api/catalog/themes',
    {
      config: isPublic,
      schema: {
        tags,
        summary: '主题与人生事件（个人、法人）',
        querystring: DivisionQuery,
        response: { 200: ThemeList },
      },
    },
    async (req) => catalog.themes(req.query.division),
  );
  app.get(
    '/api/catalog/departments',
    {
      config: isPublic,
      schema: {
        tags,
        summary: '部门及其已发布事项数',
        querystring: DivisionQuery,
        response: { 200: DepartmentCounts },
      },
    },
    async (req) => catalog.departments(req.query.division),
  );
}

function registerGuideRoutes(app: App, catalog: CatalogModule) {
  app.get(
    '/api/catalog/implementations/:id',
    {
      config: isPublic,
      schema: { tags, summary: '办事指南（现行发布版本）', params: IdParams, response: { 200: GuideView } },
    },
    async (req) => catalog.getGuide(req.params.id),
  );
  app.get(
    '/api/catalog/versions/:id',
    {
      config: isPublic,
      schema: {
        tags,
        summary: '办事指南的某一发布版本（含历史版本）',
        params: IdParams,
        response: { 200: GuideView },
      },
    },
    async (req) => catalog.getPublicVersion(req.params.id),
  );
  app.get(
    '/api/catalog/items/:itemId/regions',
    {
      config: isPublic,
      schema: {
        tags,
        summary: '实施该事项的地区（切换地区）',
        params: ItemIdParams,
        response: { 200: RegionList },
      },
    },
    async (req) => catalog.regions(req.params.itemId),
  );
}
