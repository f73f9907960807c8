// Exchange routes: a department's data officer subscribes to change notices of a published resource
// (webhook or pull), sees its subscriptions, delivery history and dead letters and replays them; the
// data bureau (数据局) sees every dead letter and may replay.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Access } from '../../../platform/http/access.ts';
import { actorOf, contextOf } from '../../../platform/http/access.ts';
import type { ExchangeModule } from './index.ts';
import {
  ChangeList,
  ChangesQuery,
  CreatedSubscription,
  DeadLetterList,
  DeadQuery,
  DeliveriesQuery,
  DeliveryList,
  DeliveryParams,
  ReplayResult,
  SubscriberList,
  SubscriptionInput,
  SubscriptionList,
  SubscriptionParams,
  SubscriptionView,
} from './schema.ts';

const tags = ['sharing'];
const OFFICER: Access = { roles: ['data_officer'] };
const OFFICER_OR_REVIEWER: Access = { roles: ['data_officer', 'data_reviewer'] };
const REVIEWER: Access = { roles: ['data_reviewer'] };
const BASE = '/api/sharing/subscriptions';

/** Registers the exchange routes on sharing's plugin instance. */
export function exchangeRoutes(parent: FastifyInstance, exchange: ExchangeModule) {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  app.post(
    BASE,
    {
      config: { access: OFFICER },
      schema: {
        tags,
        summary: '订阅信息资源的变更通知（推送：回调地址与签名方式；或拉取）。HMAC 密钥只在此返回一次',
        body: SubscriptionInput,
        response: { 201: CreatedSubscription },
      },
    },
    async (req, reply) => reply.code(201).send(await exchange.subscribe(contextOf(req), req.body)),
  );
  app.get(
    BASE,
    {
      config: { access: OFFICER },
      schema: { tags, summary: '本部门的订阅', response: { 200: SubscriptionList } },
    },
    async (req) => exchange.list(actorOf(req)),
  );
  app.get(
    `${BASE}/:id`,
    {
      config: { access: OFFICER_OR_REVIEWER },
      schema: { tags, summary: '订阅详情', params: SubscriptionParams, response: { 200: SubscriptionView } },
    },
    async (req) => exchange.get(actorOf(req), req.params.id),
  );
  for (const verb of ['pause', 'resume'] as const)
    app.post(
      `${BASE}/:id/${verb}`,
      {
        config: { access: OFFICER },
        schema: {
          tags,
          summary: verb === 'pause' ? '暂停订阅（通知保留，恢复后投递）' : '恢复订阅',
          params: SubscriptionParams,
          response: { 200: SubscriptionView },
        },
      },
      async (req) => {
        await exchange[verb](contextOf(req), req.params.id);
        return exchange.get(actorOf(req), req.params.id);
      },
    );
  app.delete(
    `${BASE}/:id`,
    {
      config: { access: OFFICER },
      schema: { tags, summary: '删除订阅（未投递的通知作废）', params: SubscriptionParams },
    },
    async (req, reply) => {
      await exchange.remove(contextOf(req), req.params.id);
      return reply.code(204).send();
    },
  );
  app.get(
    `${BASE}/:id/deliveries`,
    {
      config: { access: OFFICER_OR_REVIEWER },
      schema: {
        tags,
        summary: '投递记录（每次尝试的状态码、耗时与错误）',
        params: SubscriptionParams,
        querystring: DeliveriesQuery,
        response: { 200: DeliveryList },
      },
    },
    async (req) =>
      exchange.deliveries(actorOf(req), req.params.id, req.query.status ?? null, req.query.limit),
  );
  app.post(
    `${BASE}/:id/deliveries/:deliveryId/replay`,
    {
      config: { access: OFFICER_OR_REVIEWER },
      schema: {
        tags,
        summary: '重放一条通知（投递失败或已送达的）',
        params: DeliveryParams,
        response: { 200: ReplayResult },
      },
    },
    async (req) => exchange.replay(contextOf(req), req.params.id, req.params.deliveryId),
  );
  app.post(
    `${BASE}/:id/replay-dead`,
    {
      config: { access: OFFICER_OR_REVIEWER },
      schema: {
        tags,
        summary: '重放全部投递失败的通知',
        params: SubscriptionParams,
        response: { 200: ReplayResult },
      },
    },
    async (req) => exchange.replay(contextOf(req), req.params.id, null),
  );
  app.get(
    `${BASE}/:id/changes`,
    {
      config: { access: OFFICER },
      schema: {
        tags,
        summary: '拉取变更通知：?after=<游标>&limit=，按顺序返回游标之后的变更',
        params: SubscriptionParams,
        querystring: ChangesQuery,
        response: { 200: ChangeList },
      },
    },
    async (req) => exchange.changes(actorOf(req), req.params.id, req.query.after, req.query.limit),
  );
  app.get(
    '/api/sharing/resources/:id/subscribers',
    {
      config: { access: OFFICER_OR_REVIEWER },
      schema: {
        tags,
        summary: '订阅本资源变更通知的部门（提供方与数据局）',
        params: SubscriptionParams,
        response: { 200: SubscriberList },
      },
    },
    async (req) => exchange.subscribers(actorOf(req), req.params.id),
  );
  app.get(
    '/api/sharing/dead-letters',
    {
      config: { access: REVIEWER },
      schema: {
        tags,
        summary: '全部投递失败的通知（数据局）',
        querystring: DeadQuery,
        response: { 200: DeadLetterList },
      },
    },
    async (req) => exchange.deadLetters(actorOf(req), req.query.limit),
  );
}
