// The Excel routes of the catalog editor. Upload is the raw .xlsx body (no multipart): one file, no
// form fields, so the body is the file, read by upload.ts with its own 10 MB cap (413
// CATALOG_IMPORT_TOO_LARGE) while JSON bodies keep the server's 1 MB limit. The service then checks
// the archive for zip bombs (zip-guard.ts) before exceljs parses it.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errors } from '../../../platform/errors.ts';
import { contextOf } from '../../../platform/http/access.ts';
import type { CatalogModule } from '../index.ts';
import { ExportQuery, ImportSummary } from './schema.ts';
import { IMPORT_LIMIT, readUpload } from './upload.ts';
import { XLSX_TYPE } from './workbook.ts';

type App = Parameters<FastifyPluginAsyncZod>[0];
const tags = ['catalog-admin'];
const BASE = '/api/admin/catalog';

/** RFC 6266: an ASCII fallback name and the Chinese one in UTF-8. */
const disposition = (filename: string) =>
  `attachment; filename="catalog-list.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`;

export function registerExcelRoutes(app: App, catalog: CatalogModule) {
  app.addContentTypeParser(XLSX_TYPE, { bodyLimit: IMPORT_LIMIT }, readUpload);
  app.get(
    `${BASE}/export.xlsx`,
    {
      config: { access: { roles: ['dept_admin', 'office_admin'] } },
      schema: {
        tags,
        summary: '导出实施清单（.xlsx：事项、材料两个工作表）',
        querystring: ExportQuery,
        produces: [XLSX_TYPE],
      },
    },
    async (req, reply) => {
      const file = await catalog.exportList(contextOf(req), req.query);
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', disposition(file.filename))
        .header('cache-control', 'no-store')
        .send(file.bytes);
    },
  );
  app.post(
    `${BASE}/import`,
    {
      config: { access: { roles: ['dept_admin'] } },
      schema: {
        tags,
        summary:
          '导入实施清单（请求体为 .xlsx 文件，≤ 10 MB，解压后 ≤ 50 MB、压缩比 ≤ 100:1；有任何错误则不导入，422 列出全部问题）',
        consumes: [XLSX_TYPE],
        response: { 200: ImportSummary },
      },
    },
    async (req) => {
      if (!Buffer.isBuffer(req.body)) {
        throw errors.unsupportedMedia(`请以 Content-Type: ${XLSX_TYPE} 上传 .xlsx 文件`);
      }
      return catalog.importList(contextOf(req), req.body);
    },
  );
}
