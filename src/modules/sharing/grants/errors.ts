// Stable error codes of sharing's requests, grants, system clients and the gateway, with zh-CN titles.
import { defineError } from '../../../platform/errors.ts';

export const grantErrors = {
  requestNotFound: defineError('SHARING_REQUEST_NOT_FOUND', 404, '共享申请不存在'),
  grantNotFound: defineError('SHARING_GRANT_NOT_FOUND', 404, '共享授权不存在'),
  clientNotFound: defineError('SHARING_CLIENT_NOT_FOUND', 404, '接入系统不存在'),
  notShareable: defineError('SHARING_NOT_SHAREABLE', 409, '该资源为不予共享，不能申请'),
  ownResource: defineError('SHARING_OWN_RESOURCE', 409, '不能申请本部门的资源'),
  badRequest: defineError('SHARING_BAD_REQUEST', 400, '共享申请不符合要求'),
  wrongState: defineError('SHARING_REQUEST_STATE', 409, '共享申请或授权当前状态不允许此操作'),
  // the gateway
  tokenRequired: defineError('GATEWAY_TOKEN_REQUIRED', 401, '缺少或无效的访问令牌'),
  noGrant: defineError('GATEWAY_NO_GRANT', 403, '没有该资源的有效共享授权'),
  notShared: defineError('GATEWAY_NOT_SHAREABLE', 403, '该资源现为不予共享，授权不再有效'),
  beyondGrant: defineError('GATEWAY_BEYOND_GRANT', 403, '请求超出共享授权范围'),
  badFilter: defineError('GATEWAY_BAD_FILTER', 400, '过滤条件格式不正确'),
  quota: defineError('GATEWAY_QUOTA_EXCEEDED', 429, '已超过授权的每日调用次数'),
  rate: defineError('GATEWAY_RATE_LIMITED', 429, '调用过于频繁，请稍后再试'),
  resourceNotFound: defineError('GATEWAY_RESOURCE_NOT_FOUND', 404, '信息资源不存在'),
  failed: defineError('GATEWAY_INTERNAL_ERROR', 500, '共享接口处理失败，本次调用已记录'),
};
