// Shapes and labels of the exchange pages (订阅与投递). Types come from the exchange's pure zod schemas.
import type { z } from 'zod';
import type {
  CreatedSubscription,
  DeadLetterList,
  DeliveryList,
  SubscriptionList,
  SubscriptionView,
} from '../../../../modules/sharing/schema.ts';
import type { Tone } from '../../../common/StatusTag.tsx';

export type Subscription = z.infer<typeof SubscriptionView>;
export type Created = z.infer<typeof CreatedSubscription>;
export type SubscriptionPage = z.infer<typeof SubscriptionList>;
export type DeliveryPage = z.infer<typeof DeliveryList>;
export type Delivery = DeliveryPage['items'][number];
export type DeadLetter = z.infer<typeof DeadLetterList>['items'][number];

export const subscriptionPath = (id: string) => `/workbench/sharing/subscriptions/${id}`;
export const MODE_LABEL = { webhook: '推送（回调地址）', pull: '拉取' } as const;
export const SIGNING_LABEL = { 'hmac-sha256': 'HMAC-SHA256 共享密钥', ed25519: 'Ed25519 签名' } as const;
export const STATUS_LABEL: Record<Subscription['status'], string> = {
  active: '生效',
  paused: '已暂停',
  deleted: '已删除',
};
export const STATUS_TONE: Record<Subscription['status'], Tone> = {
  active: 'success',
  paused: 'warning',
  deleted: 'neutral',
};
export const DELIVERY_LABEL: Record<Delivery['status'], string> = {
  pending: '待投递',
  delivered: '已送达',
  dead: '投递失败',
  cancelled: '已作废',
};
export const DELIVERY_TONE: Record<Delivery['status'], Tone> = {
  pending: 'info',
  delivered: 'success',
  dead: 'danger',
  cancelled: 'neutral',
};
export const EVENT_LABEL: Record<string, string> = {
  'sharing.data-loaded': '数据更新',
  'sharing.resource-published': '资源发布',
  'sharing.api-mounted': '接口挂接',
};
