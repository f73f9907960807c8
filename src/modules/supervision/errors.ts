// Stable error codes of the supervision module, with their zh-CN titles.
import { defineError } from '../../platform/errors.ts';

export const supervisionErrors = {
  ruleNotFound: defineError('SUPERVISION_RULE_NOT_FOUND', 404, '监察规则不存在'),
  badParams: defineError('SUPERVISION_BAD_PARAMS', 400, '监察规则参数不合理'),
  warningNotFound: defineError('SUPERVISION_WARNING_NOT_FOUND', 404, '监察预警不存在'),
  caseNotFound: defineError('SUPERVISION_CASE_NOT_FOUND', 404, '办件不存在'),
  orderNotFound: defineError('SUPERVISION_ORDER_NOT_FOUND', 404, '督办单不存在'),
  wrongState: defineError('SUPERVISION_WRONG_STATE', 409, '督办单当前状态不允许此操作'),
  badWindow: defineError('SUPERVISION_BAD_WINDOW', 400, '查询日期范围不正确'),
  badDeadline: defineError('SUPERVISION_BAD_DEADLINE', 400, '督办期限不正确'),
};
