// Ratings (好差评) routes: the applicant's ratings of a case's service events, the clerk's signed rating
// link and the public page it opens (no sign-in, rate-limited), rectification orders with their
// workflow and appeals, the service office's settings and the public statistics.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type Access, actorOf, contextOf } from '../../../platform/http/access.ts';
import type { InteractionModule } from '../index.ts';
import {
  AmendBody,
  AppealBody,
  CaseEventParams,
  CaseParams,
  CaseRatings,
  CloseBody,
  DecideBody,
  IdParams,
  LinkBody,
  LinkEventView,
  LinkRateBody,
  LinkView,
  RateBody,
  RatingView,
  RectificationList,
  RectificationQuery,
  RectificationView,
  RectifyBody,
  ReplyBody,
  SettingsBody,
  SettingsView,
  StatsQuery,
  StatsView,
  Table9,
  TokenParams,
  VerifyBody,
  VisitBody,
} from './schema.ts';

const tags = ['ratings'];
const CLERKS: Access = { roles: ['window_clerk', 'reviewer', 'dept_head', 'dept_admin'] };
const DEPARTMENT: Access = { roles: ['dept_head', 'dept_admin'] };
const READERS: Access = { roles: ['dept_head', 'dept_admin', 'supervisor', 'office_admin'] };
const OFFICE: Access = { roles: ['office_admin'] };

/** `publicPerMinute`: the limit per client address on the public link and statistics routes. */
export function ratingsRoutes(m: InteractionModule, publicPerMinute = 60) {
  const limited = { access: 'public' as const, rateLimit: { max: publicPerMinute, timeWindow: '1 minute' } };
  const plugin: FastifyPluginAsyncZod = async (app) => {
    // ── the applicant (and the case's department, overseers: read) ──
    app.get(
      '/api/ratings/cases/:caseId',
      {
        config: { access: 'user' },
        schema: { tags, summary: '办件的服务评价', params: CaseParams, response: { 200: CaseRatings } },
      },
      async (req) => m.caseRatings(actorOf(req), req.params.caseId),
    );
    app.get(
      '/api/ratings/cases/:caseId/table9',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: '办件的评价信息（GB/T 39046 表 9）',
          params: CaseParams,
          response: { 200: Table9 },
        },
      },
      async (req) => m.table9(actorOf(req), req.params.caseId),
    );
    app.post(
      '/api/ratings/cases/:caseId/events/:eventId',
      {
        config: { access: 'citizen' },
        schema: {
          tags,
          summary: '评价一次服务（一事一评）',
          params: CaseEventParams,
          body: RateBody,
          response: { 201: RatingView },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await m.rate(contextOf(req), req.params.caseId, req.params.eventId, req.body)),
    );
    app.put(
      '/api/ratings/:id',
      {
        config: { access: 'citizen' },
        schema: {
          tags,
          summary: '修改评价（限一次）',
          params: IdParams,
          body: AmendBody,
          response: { 200: RatingView },
        },
      },
      async (req) => m.amend(contextOf(req), req.params.id, req.body),
    );

    // ── the window: a signed link for the tablet or the QR code, and the public page behind it ──
    app.post(
      '/api/ratings/links',
      {
        config: { access: CLERKS },
        schema: { tags, summary: '生成评价二维码链接', body: LinkBody, response: { 201: LinkView } },
      },
      async (req, reply) => reply.code(201).send(await m.issueLink(actorOf(req), req.body)),
    );
    app.get(
      '/api/ratings/link/:token',
      {
        config: limited,
        schema: {
          tags,
          summary: '评价链接对应的服务',
          params: TokenParams,
          response: { 200: LinkEventView },
        },
      },
      async (req) => m.linkEvent(req.params.token),
    );
    app.post(
      '/api/ratings/link/:token',
      {
        config: limited,
        schema: {
          tags,
          summary: '通过评价链接评价（免登录、实名）',
          params: TokenParams,
          body: LinkRateBody,
          response: { 201: RatingView },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await m.rateByLink(contextOf(req), req.params.token, req.body)),
    );
    app.put(
      '/api/ratings/link/:token',
      {
        config: limited,
        schema: {
          tags,
          summary: '通过评价链接修改评价（限一次）',
          params: TokenParams,
          body: LinkRateBody,
          response: { 200: RatingView },
        },
      },
      async (req) => m.amendByLink(contextOf(req), req.params.token, req.body),
    );
    app.get(
      '/api/ratings/stats',
      {
        config: limited,
        schema: {
          tags,
          summary: '好差评统计（按部门、按事项）',
          querystring: StatsQuery,
          response: { 200: StatsView },
        },
      },
      async (req) => m.publicStats(req.query),
    );

    // ── rectification orders ──
    app.get(
      '/api/ratings/rectifications',
      {
        config: { access: READERS },
        schema: {
          tags,
          summary: '差评整改工单',
          querystring: RectificationQuery,
          response: { 200: RectificationList },
        },
      },
      async (req) => m.listRectifications(actorOf(req), req.query),
    );
    app.get(
      '/api/ratings/rectifications/:id',
      {
        config: { access: READERS },
        schema: { tags, summary: '整改工单详情', params: IdParams, response: { 200: RectificationView } },
      },
      async (req) => m.getRectification(actorOf(req), req.params.id),
    );
    app.post(
      '/api/ratings/rectifications/:id/verify',
      {
        config: { access: DEPARTMENT },
        schema: {
          tags,
          summary: '核实',
          params: IdParams,
          body: VerifyBody,
          response: { 200: RectificationView },
        },
      },
      async (req) => m.verify(contextOf(req), req.params.id, req.body.finding),
    );
    app.post(
      '/api/ratings/rectifications/:id/rectify',
      {
        config: { access: DEPARTMENT },
        schema: {
          tags,
          summary: '整改',
          params: IdParams,
          body: RectifyBody,
          response: { 200: RectificationView },
        },
      },
      async (req) => m.rectify(contextOf(req), req.params.id, req.body.measures),
    );
    app.post(
      '/api/ratings/rectifications/:id/reply',
      {
        config: { access: DEPARTMENT },
        schema: {
          tags,
          summary: '答复申请人',
          params: IdParams,
          body: ReplyBody,
          response: { 200: RectificationView },
        },
      },
      async (req) => m.reply(contextOf(req), req.params.id, req.body.reply),
    );
    app.post(
      '/api/ratings/rectifications/:id/visit',
      {
        config: { access: DEPARTMENT },
        schema: {
          tags,
          summary: '回访',
          params: IdParams,
          body: VisitBody,
          response: { 200: RectificationView },
        },
      },
      async (req) => m.visit(contextOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/ratings/rectifications/:id/close',
      {
        config: { access: DEPARTMENT },
        schema: {
          tags,
          summary: '办结整改工单',
          params: IdParams,
          body: CloseBody,
          response: { 200: RectificationView },
        },
      },
      async (req) => m.close(contextOf(req), req.params.id, req.body.note),
    );
    app.post(
      '/api/ratings/rectifications/:id/appeal',
      {
        config: { access: DEPARTMENT },
        schema: {
          tags,
          summary: '申诉（恶意、误评）',
          params: IdParams,
          body: AppealBody,
          response: { 200: RectificationView },
        },
      },
      async (req) => m.appeal(contextOf(req), req.params.id, req.body.reason),
    );
    app.post(
      '/api/ratings/rectifications/:id/appeal-decision',
      {
        config: { access: OFFICE },
        schema: {
          tags,
          summary: '申诉复核',
          params: IdParams,
          body: DecideBody,
          response: { 200: RectificationView },
        },
      },
      async (req) => m.decideAppeal(contextOf(req), req.params.id, req.body),
    );
    app.get(
      '/api/ratings/settings',
      {
        config: { access: OFFICE },
        schema: { tags, summary: '好差评设置', response: { 200: SettingsView } },
      },
      async () => m.getSettings(),
    );
    app.put(
      '/api/ratings/settings',
      {
        config: { access: OFFICE },
        schema: {
          tags,
          summary: '修改整改期限（工作日）',
          body: SettingsBody,
          response: { 200: SettingsView },
        },
      },
      async (req) => m.setSettings(contextOf(req), req.body.rectifyDays),
    );
  };
  return plugin;
}
