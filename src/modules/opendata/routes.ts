// Opendata routes. The data bureau (data_reviewer) opens and unpublishes datasets; the public (no
// sign-in) reads the dataset list, pages, rows, downloads and the DCAT-AP catalog under /api/open, and
// CKAN clients read /api/3/action/* — the one place that answers errors in CKAN's envelope
// {help, success: false, error: {__type, message}} instead of problem+json (decision 0012).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Access, actorOf, contextOf } from '../../platform/http/access.ts';
import { toAppError } from '../../platform/http/problem.ts';
import type { OpendataModule } from './index.ts';
import {
  AdminDatasetView,
  CkanPackage,
  CkanSearchResult,
  ckanEnvelope,
  DatasetList,
  DatasetView,
  ListQuery,
  NameParams,
  PackageListQuery,
  PackageSearchQuery,
  PackageShowQuery,
  PublishInput,
  RowsQuery,
  RowsView,
  SourceList,
  UnpublishBody,
} from './schema.ts';

const tags = ['opendata'];
const REVIEWER: Access = { roles: ['data_reviewer'] };
const ResourceParams = z.object({ resourceId: z.uuid() }).strict();
const attachment = (name: string, fallback: string) =>
  `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
const CKAN_TYPES: Record<number, string> = {
  400: 'Validation Error',
  401: 'Authorization Error',
  403: 'Authorization Error',
  404: 'Not Found Error',
  409: 'Validation Error',
  429: 'Rate Limit Error',
};

/** Per client address per minute: reads are cheap, whole-file downloads and search less so. */
export type OpendataLimits = { readPerMinute: number; downloadPerMinute: number };

export function opendataRoutes(
  opendata: OpendataModule,
  limits: OpendataLimits = { readPerMinute: 300, downloadPerMinute: 30 },
) {
  const read = {
    access: 'public' as const,
    rateLimit: { max: limits.readPerMinute, timeWindow: '1 minute' },
  };
  const heavy = {
    access: 'public' as const,
    rateLimit: { max: limits.downloadPerMinute, timeWindow: '1 minute' },
  };
  const plugin: FastifyPluginAsyncZod = async (app) => {
    // ── the data bureau ──
    app.get(
      '/api/opendata/sources',
      {
        config: { access: REVIEWER },
        schema: {
          tags,
          summary: '可开放的信息资源（开放属性非不予开放）及其数据集',
          response: { 200: SourceList },
        },
      },
      async (req) => opendata.sources(actorOf(req)),
    );
    app.post(
      '/api/opendata/datasets',
      {
        config: { access: REVIEWER },
        schema: {
          tags,
          summary: '开放数据集（按信息项选择脱敏规则；重新开放时替换规则并重建快照）',
          body: PublishInput,
          response: { 201: AdminDatasetView },
        },
      },
      async (req, reply) => reply.code(201).send(await opendata.publish(contextOf(req), req.body)),
    );
    app.get(
      '/api/opendata/resources/:resourceId/dataset',
      {
        config: { access: REVIEWER },
        schema: {
          tags,
          summary: '信息资源的开放数据集（含已下线的）',
          params: ResourceParams,
          response: { 200: AdminDatasetView },
        },
      },
      async (req) => opendata.adminGet(actorOf(req), req.params.resourceId),
    );
    app.post(
      '/api/opendata/resources/:resourceId/unpublish',
      {
        config: { access: REVIEWER },
        schema: {
          tags,
          summary: '下线开放数据集（需说明原因）',
          params: ResourceParams,
          body: UnpublishBody,
          response: { 200: AdminDatasetView },
        },
      },
      async (req) => opendata.unpublish(contextOf(req), req.params.resourceId, req.body.reason),
    );

    // ── the public ──
    app.get(
      '/api/open/datasets',
      {
        config: read,
        schema: {
          tags,
          summary: '开放数据集列表与检索',
          querystring: ListQuery,
          response: { 200: DatasetList },
        },
      },
      async (req) => opendata.list(req.query),
    );
    app.get(
      '/api/open/datasets/:name',
      {
        config: read,
        schema: {
          tags,
          summary: '开放数据集详情（元数据、字段、统计、下载地址）',
          params: NameParams,
          response: { 200: DatasetView },
        },
      },
      async (req) => opendata.get(req.params.name),
    );
    app.get(
      '/api/open/datasets/:name/rows',
      {
        config: read,
        schema: {
          tags,
          summary: '开放数据接口：分页读取脱敏后的数据行',
          params: NameParams,
          querystring: RowsQuery,
          response: { 200: RowsView },
        },
      },
      async (req) => opendata.rows(req.params.name, req.query),
    );
    app.get(
      '/api/open/datasets/:name/download.csv',
      {
        config: heavy,
        schema: { tags, summary: '下载 CSV（UTF-8，带 BOM）', params: NameParams, produces: ['text/csv'] },
      },
      async (req, reply) => {
        const file = await opendata.csv(req.params.name);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', attachment(file.fileName, `${req.params.name}.csv`))
          .send(Buffer.from(file.body, 'utf8'));
      },
    );
    app.get(
      '/api/open/datasets/:name/download.json',
      {
        config: heavy,
        schema: { tags, summary: '下载 JSON', params: NameParams, produces: ['application/json'] },
      },
      async (req, reply) => {
        const file = await opendata.json(req.params.name);
        return reply
          .header('content-type', 'application/json; charset=utf-8')
          .header('content-disposition', attachment(file.fileName, `${req.params.name}.json`))
          .send(Buffer.from(file.body, 'utf8'));
      },
    );
    app.get(
      '/api/open/catalog.jsonld',
      {
        config: heavy,
        schema: { tags, summary: 'DCAT-AP 数据目录（JSON-LD）', produces: ['application/ld+json'] },
      },
      async (_req, reply) =>
        reply
          .header('content-type', 'application/ld+json; charset=utf-8')
          .send(Buffer.from(JSON.stringify(await opendata.dcat()), 'utf8')),
    );

    // ── CKAN Action API: CKAN's envelope for results and errors ──
    await app.register(async (ckan) => {
      ckan.setErrorHandler((error, req, reply) => {
        const e = toAppError(error);
        if (e.status >= 500) req.log.error({ err: error }, 'request failed');
        const action = req.url.split('?')[0]?.split('/').pop() ?? '';
        if (e.headers) reply.headers(e.headers);
        // CKAN's error envelope, carrying the platform's problem members too (decision 0012)
        return reply
          .code(Math.min(e.status, 500))
          .type('application/problem+json; charset=utf-8')
          .send({
            help: helpOf(opendata.baseUrl, action),
            success: false,
            error: {
              __type: CKAN_TYPES[e.status] ?? 'Internal Server Error',
              message: e.status >= 500 ? e.title : (e.detail ?? e.title),
              ...(e.errors ? { fields: e.errors } : {}),
            },
            type: `urn:yiwang:problem:${e.code}`,
            title: e.title,
            status: e.status,
            code: e.code,
            instance: req.url.split('?')[0] ?? '/',
            requestId: String(req.id),
          });
      });
      /** One action as GET (query string) and as POST (JSON body, what ckanapi sends by default). */
      const action = <S extends z.ZodType, R extends z.ZodType>(
        name: string,
        summary: string,
        params: S,
        result: R,
        run: (p: z.infer<S>) => Promise<z.infer<R>>,
      ) => {
        const url = `/api/3/action/${name}`;
        const response = { 200: ckanEnvelope(result) };
        const answer = async (p: unknown) => ({
          help: helpOf(opendata.baseUrl, name),
          success: true as const,
          result: await run(p as z.infer<S>),
        });
        ckan.get(url, { config: read, schema: { tags, summary, querystring: params, response } }, (req) =>
          answer(req.query),
        );
        ckan.post(
          url,
          { config: read, schema: { tags, summary: `${summary}（POST JSON 形式）`, body: params, response } },
          (req) => answer(req.body),
        );
      };
      action(
        'package_list',
        'CKAN package_list：已开放数据集的名称',
        PackageListQuery,
        z.array(z.string()),
        (p) => opendata.packageList(p.limit, p.offset),
      );
      action(
        'package_show',
        'CKAN package_show：按名称或 id 读取数据集',
        PackageShowQuery,
        CkanPackage,
        (p) => opendata.packageShow(p.id),
      );
      action(
        'package_search',
        'CKAN package_search：q 检索标题、描述、部门与标签，fq 支持 organization:<name>',
        PackageSearchQuery,
        CkanSearchResult,
        (p) => opendata.packageSearch(p),
      );
    });
  };
  return plugin;
}

// links use the configured public origin, never the request's Host (see publicBaseOf in index.ts)
const helpOf = (base: string, action: string) =>
  `${base}/api/3/action/help_show?name=${encodeURIComponent(action)}`;
