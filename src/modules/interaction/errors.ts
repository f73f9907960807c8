// Stable error codes of the interaction module, with their zh-CN titles.
import { defineError } from '../../platform/errors.ts';

export const ratingErrors = {
  caseNotFound: defineError('RATING_CASE_NOT_FOUND', 404, '办件不存在'),
  eventNotFound: defineError('RATING_EVENT_NOT_FOUND', 404, '该服务事项未发生，无法评价'),
  ratingNotFound: defineError('RATING_NOT_FOUND', 404, '评价不存在'),
  alreadyRated: defineError('RATING_ALREADY_RATED', 409, '该服务已评价，可修改一次'),
  amendLimit: defineError('RATING_AMEND_LIMIT', 409, '评价只能修改一次'),
  linkInvalid: defineError('RATING_LINK_INVALID', 404, '评价链接无效或已过期'),
  orderNotFound: defineError('RECTIFICATION_NOT_FOUND', 404, '整改工单不存在'),
  wrongStep: defineError('RECTIFICATION_WRONG_STEP', 409, '整改工单当前环节不允许此操作'),
  returnVisitRequired: defineError('RECTIFICATION_RETURN_VISIT_REQUIRED', 409, '未回访不能办结整改工单'),
  appealNotAllowed: defineError('RECTIFICATION_APPEAL_NOT_ALLOWED', 409, '当前不能申诉'),
  noPendingAppeal: defineError('RECTIFICATION_NO_PENDING_APPEAL', 409, '没有待审的申诉'),
};
