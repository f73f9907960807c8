// Routes of the department's side: window intake, the department's case list, acceptance decisions,
// acting on review tasks, special procedures, extension and conclusion. Each calls one service verb;
// the verb checks the department scope and the case state.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, contextOf } from '../../platform/http/access.ts';
import { ActBody } from '../workflow/index.ts';
import type { CasesModule } from './index.ts';
import { IdempotencyHeaders, sendFiled } from './routes-common.ts';
import {
  CaseIdParams,
  CaseListQuery,
  CasePage,
  CaseTaskParams,
  CaseView,
  ConcludeBody,
  ExtendBody,
  NoteBody,
  ReasonBody,
  RefuseBody,
  SpecialEndBody,
  SpecialStartBody,
  SubmitResult,
  SupplementBody,
  WindowSubmitBody,
} from './schema.ts';

const tags = ['cases'];
const roles = (...r: Array<'window_clerk' | 'reviewer' | 'dept_head' | 'dept_admin'>) => ({
  access: { roles: r },
});
const one = (summary: string) => ({ tags, summary, params: CaseIdParams, response: { 200: CaseView } });

export function staffRoutes(cases: CasesModule) {
  const plugin: FastifyPluginAsyncZod = async (app) => {
    app.post(
      '/api/cases/window',
      {
        config: roles('window_clerk'),
        schema: {
          tags,
          summary: '窗口收件（一窗受理）',
          headers: IdempotencyHeaders,
          body: WindowSubmitBody,
          response: { 200: SubmitResult, 201: SubmitResult },
        },
      },
      async (req, reply) => {
        return sendFiled(
          reply,
          await cases.fileAtWindow(contextOf(req), req.headers['idempotency-key'], req.body),
        );
      },
    );
    app.get(
      '/api/cases/department',
      {
        config: roles('window_clerk', 'reviewer', 'dept_head', 'dept_admin'),
        schema: { tags, summary: '本部门办件', querystring: CaseListQuery, response: { 200: CasePage } },
      },
      async (req) => cases.departmentCases(actorOf(req), req.query),
    );
    app.get(
      '/api/cases/:id/tasks',
      { config: { access: 'staff' }, schema: { tags, summary: '办件的审批环节', params: CaseIdParams } },
      async (req) => ({ items: await cases.caseTasks(actorOf(req), req.params.id) }),
    );
    app.get(
      '/api/cases/:id/datasets',
      {
        config: { access: 'staff' },
        schema: { tags, summary: '办件标准数据集（GB/T 39046 表5–8）', params: CaseIdParams },
      },
      async (req) => cases.datasets(actorOf(req), req.params.id),
    );
    app.post(
      '/api/cases/:id/accept',
      { config: roles('window_clerk'), schema: { ...one('受理'), body: NoteBody } },
      async (req) => cases.accept(contextOf(req), req.params.id, req.body.note),
    );
    app.post(
      '/api/cases/:id/supplement',
      {
        config: roles('window_clerk', 'reviewer', 'dept_head'),
        schema: { ...one('一次性告知补正'), body: SupplementBody },
      },
      async (req) => cases.requestSupplement(contextOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/cases/:id/refuse',
      { config: roles('window_clerk'), schema: { ...one('不予受理'), body: RefuseBody } },
      async (req) => cases.refuse(contextOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/cases/:id/return',
      { config: roles('window_clerk'), schema: { ...one('退件'), body: ReasonBody } },
      async (req) => cases.returnCase(contextOf(req), req.params.id, req.body.reason),
    );
    app.post(
      '/api/cases/:id/tasks/:taskId/act',
      {
        config: roles('reviewer', 'dept_head'),
        schema: {
          tags,
          summary: '办理审批环节',
          params: CaseTaskParams,
          body: ActBody,
          response: { 200: CaseView },
        },
      },
      async (req) => cases.actOnTask(contextOf(req), req.params.id, req.params.taskId, req.body),
    );
    app.post(
      '/api/cases/:id/special/start',
      { config: roles('dept_head'), schema: { ...one('启动特别程序'), body: SpecialStartBody } },
      async (req) => cases.startSpecial(contextOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/cases/:id/special/end',
      { config: roles('dept_head'), schema: { ...one('结束特别程序'), body: SpecialEndBody } },
      async (req) => cases.endSpecial(contextOf(req), req.params.id, req.body.result),
    );
    app.post(
      '/api/cases/:id/extend',
      { config: roles('dept_head'), schema: { ...one('延长审批期限'), body: ExtendBody } },
      async (req) => cases.extend(contextOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/cases/:id/conclude',
      { config: roles('window_clerk', 'dept_head'), schema: { ...one('办结'), body: ConcludeBody } },
      async (req) => cases.conclude(contextOf(req), req.params.id, req.body.note),
    );
  };
  return plugin;
}
