// GET /api/sharing/quality-board: 数据质量看板 for 数据局 and the service office (every department)
// and for a department's data officers (their own department only).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Access, actorOf } from '../../../platform/http/access.ts';
import type { SharingModule } from '../index.ts';
import { BoardQuery, QualityBoard } from './schema.ts';

const BOARD_READERS: Access = { roles: ['data_reviewer', 'office_admin', 'data_officer'] };

export function qualityBoardRoutes(app: FastifyInstance, sharing: Pick<SharingModule, 'qualityBoard'>) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/sharing/quality-board',
    {
      config: { access: BOARD_READERS },
      schema: {
        tags: ['sharing'],
        summary:
          '数据质量看板：各已发布资源最近一次挂接的完整性、有效性、唯一性、及时性与问题行，是否超过更新周期未更新；按部门汇总，问题最重的在前（数据专员只看本部门）',
        querystring: BoardQuery,
        response: { 200: QualityBoard },
      },
    },
    async (req) => sharing.qualityBoard(actorOf(req), req.query),
  );
}
