// Stable error codes of sharing's exchange (subscriptions and deliveries), with their zh-CN titles.
import { defineError } from '../../../platform/errors.ts';

export const exchangeErrors = {
  subscriptionNotFound: defineError('SHARING_SUBSCRIPTION_NOT_FOUND', 404, '订阅不存在'),
  resourceNotFound: defineError('SHARING_RESOURCE_NOT_FOUND', 404, '信息资源不存在'),
  deliveryNotFound: defineError('SHARING_DELIVERY_NOT_FOUND', 404, '投递记录不存在'),
  badTarget: defineError('SHARING_BAD_WEBHOOK_URL', 400, '回调地址不符合要求'),
  notPublished: defineError('SHARING_NOT_SUBSCRIBABLE', 409, '信息资源尚未发布，不能订阅'),
  wrongState: defineError('SHARING_SUBSCRIPTION_STATE', 409, '订阅当前状态不允许此操作'),
  noDepartment: defineError('SHARING_NO_DEPARTMENT', 403, '账号未归属部门，不能订阅'),
  noGrant: defineError('SHARING_SUBSCRIPTION_NO_GRANT', 403, '没有该资源的有效共享授权，不能订阅'),
  notShared: defineError('SHARING_SUBSCRIPTION_NOT_SHAREABLE', 403, '该资源为不予共享，不能订阅'),
  badCursor: defineError('SHARING_BAD_CURSOR', 400, '游标无效'),
};
