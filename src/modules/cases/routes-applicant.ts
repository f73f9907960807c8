// Routes of the applicant's side: the item form, drafts, idempotent submission, my cases, supplying
// materials, withdrawing, the notices (the department's staff may download them too); and the public
// progress lookup.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, contextOf } from '../../platform/http/access.ts';
import type { CasesModule } from './index.ts';
import { IdempotencyHeaders, sendFiled } from './routes-common.ts';
import {
  BundleSubmitBody,
  CaseIdParams,
  CaseListQuery,
  CasePage,
  CaseView,
  DraftBody,
  DraftView,
  FormSchema,
  NoticeParams,
  PublicCaseView,
  PublicLookupQuery,
  ReasonBody,
  SubmitBody,
  SubmitResult,
  SupplyBody,
} from './schema.ts';

const tags = ['cases'];
const citizen = { access: 'citizen' as const };
const FormView = z.object({
  implementationId: z.string(),
  versionId: z.string(),
  itemName: z.string(),
  departmentName: z.string(),
  isInstant: z.boolean(),
  promisedLimitDays: z.int().nullable(),
  serves: z.array(z.string()),
  formSchema: FormSchema,
  materials: z.array(
    z.object({
      name: z.string(),
      isRequired: z.boolean(),
      form: z.string(),
      copies: z.int(),
      licenseType: z.string().nullable(),
      note: z.string(),
    }),
  ),
});

export function applicantRoutes(cases: CasesModule, lookupPerMinute: number) {
  const plugin: FastifyPluginAsyncZod = async (app) => {
    app.get(
      '/api/cases/forms/:implementationId',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: '事项申请表与材料清单',
          params: z.object({ implementationId: z.uuid() }).strict(),
          response: { 200: FormView },
        },
      },
      async (req) => cases.formOf(req.params.implementationId),
    );
    app.post(
      '/api/cases',
      {
        config: citizen,
        schema: {
          tags,
          summary: '提交申请（需 Idempotency-Key）',
          headers: IdempotencyHeaders,
          body: SubmitBody,
          response: { 200: SubmitResult, 201: SubmitResult },
        },
      },
      async (req, reply) => {
        return sendFiled(reply, await cases.submit(contextOf(req), req.headers['idempotency-key'], req.body));
      },
    );
    app.post(
      '/api/cases/bundles',
      {
        config: citizen,
        schema: {
          tags,
          summary: '申办一件事（并联审批，需 Idempotency-Key）',
          headers: IdempotencyHeaders,
          body: BundleSubmitBody,
          response: { 200: SubmitResult, 201: SubmitResult },
        },
      },
      async (req, reply) =>
        sendFiled(reply, await cases.submitBundle(contextOf(req), req.headers['idempotency-key'], req.body)),
    );
    app.get(
      '/api/cases/mine',
      {
        config: citizen,
        schema: { tags, summary: '我的办件', querystring: CaseListQuery, response: { 200: CasePage } },
      },
      async (req) => cases.myCases(actorOf(req), req.query),
    );
    app.get(
      '/api/cases/:id',
      {
        config: { access: 'user' },
        schema: { tags, summary: '办件详情', params: CaseIdParams, response: { 200: CaseView } },
      },
      async (req) => cases.getCase(actorOf(req), req.params.id),
    );
    app.get(
      '/api/cases/:id/notices/:kind',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: '下载通知书 PDF（受理 acceptance / 补正 supplement / 不予受理 refusal）',
          description: '办理部门工作人员与申请人本人可下载；办件尚无此类通知书时 409。',
          params: NoticeParams,
          produces: ['application/pdf'],
        },
      },
      async (req, reply) => {
        const { id, kind } = req.params;
        const file = await cases.notice(actorOf(req), id, kind, `${req.protocol}://${req.host}`);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', attachment(file.filename, `${kind}-notice.pdf`))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .send(Buffer.from(file.bytes));
      },
    );
    app.post(
      '/api/cases/:id/supply',
      {
        config: citizen,
        schema: {
          tags,
          summary: '提交补正材料',
          params: CaseIdParams,
          body: SupplyBody,
          response: { 200: CaseView },
        },
      },
      async (req) => cases.supply(contextOf(req), req.params.id, req.body.materials),
    );
    app.post(
      '/api/cases/:id/withdraw',
      {
        config: citizen,
        schema: {
          tags,
          summary: '撤回申请',
          params: CaseIdParams,
          body: ReasonBody,
          response: { 200: CaseView },
        },
      },
      async (req) => cases.withdraw(contextOf(req), req.params.id, req.body.reason),
    );
    app.get(
      '/api/cases/lookup',
      {
        config: { access: 'public', rateLimit: { max: lookupPerMinute, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: '办件进度查询（办件编号 + 申请人姓名）',
          querystring: PublicLookupQuery,
          response: { 200: PublicCaseView },
        },
      },
      async (req) => cases.publicLookup(req.query.caseNo, req.query.name),
    );
    registerDraftRoutes(app, cases);
  };
  return plugin;
}

/** RFC 6266 attachment: an ASCII fallback and the Chinese name in `filename*` (RFC 5987 attr-chars). */
function attachment(name: string, fallback: string) {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

function registerDraftRoutes(app: Parameters<FastifyPluginAsyncZod>[0], cases: CasesModule) {
  const DraftParams = z.object({ draftId: z.uuid() }).strict();
  app.get(
    '/api/cases/drafts',
    {
      config: citizen,
      schema: { tags, summary: '我的草稿', response: { 200: z.object({ items: z.array(DraftView) }) } },
    },
    async (req) => cases.listDrafts(contextOf(req)),
  );
  app.post(
    '/api/cases/drafts',
    {
      config: citizen,
      schema: { tags, summary: '保存新草稿', body: DraftBody, response: { 201: DraftView } },
    },
    async (req, reply) => reply.status(201).send(await cases.saveDraft(contextOf(req), null, req.body)),
  );
  app.get(
    '/api/cases/drafts/:draftId',
    { config: citizen, schema: { tags, summary: '草稿', params: DraftParams, response: { 200: DraftView } } },
    async (req) => cases.getDraft(contextOf(req), req.params.draftId),
  );
  app.put(
    '/api/cases/drafts/:draftId',
    {
      config: citizen,
      schema: {
        tags,
        summary: '自动保存草稿',
        params: DraftParams,
        body: DraftBody,
        response: { 200: DraftView },
      },
    },
    async (req) => cases.saveDraft(contextOf(req), req.params.draftId, req.body),
  );
  app.delete(
    '/api/cases/drafts/:draftId',
    { config: citizen, schema: { tags, summary: '删除草稿', params: DraftParams } },
    async (req, reply) => {
      await cases.deleteDraft(contextOf(req), req.params.draftId);
      return reply.status(204).send();
    },
  );
}
