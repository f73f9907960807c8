// Stable error codes of the seals module, each with its zh-CN title.
import { defineError } from '../../platform/errors.ts';

export const sealsErrors = {
  notFound: defineError('SEALS_NOT_FOUND', 404, '印章不存在'),
  wrongState: defineError('SEALS_WRONG_STATE', 409, '印章当前状态不允许此操作'),
  forbidden: defineError('SEALS_FORBIDDEN', 403, '无权使用或管理该印章'),
  notUsable: defineError('SEALS_NOT_USABLE', 409, '印章不可用于签章'),
  noDepartment: defineError('SEALS_NO_DEPARTMENT', 403, '当前账号未归属部门，不能申请或管理印章'),
  authorizationNotFound: defineError('SEALS_AUTHORIZATION_NOT_FOUND', 404, '印章授权不存在'),
  badAccount: defineError('SEALS_BAD_ACCOUNT', 400, '只能授权本部门的工作人员'),
  badPdf: defineError('SEALS_BAD_PDF', 400, 'PDF 文件无法签章'),
};
