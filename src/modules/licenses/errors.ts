// Stable error codes of the licenses module, with their zh-CN titles.
import { defineError } from '../../platform/errors.ts';

export const licensesErrors = {
  notFound: defineError('LICENSES_NOT_FOUND', 404, '电子证照不存在'),
  typeNotFound: defineError('LICENSES_TYPE_NOT_FOUND', 404, '证照类型不存在'),
  identifierMalformed: defineError('LICENSES_IDENTIFIER_MALFORMED', 400, '电子证照标识格式不正确'),
  identifierCheck: defineError('LICENSES_IDENTIFIER_CHECK', 400, '电子证照标识校验位不正确'),
  wrongStatus: defineError('LICENSES_WRONG_STATUS', 409, '电子证照当前状态不允许此操作'),
  notUsable: defineError('LICENSES_NOT_USABLE', 422, '该电子证照不能用于本次申请'),
  notHolder: defineError('LICENSES_NOT_HOLDER', 403, '只能使用本人（本单位）持有的电子证照'),
  forbidden: defineError('LICENSES_FORBIDDEN', 403, '无权操作该电子证照'),
  pdfTooLarge: defineError('LICENSES_PDF_TOO_LARGE', 413, '上传的文件过大'),
  noSeal: defineError('LICENSES_NO_SEAL', 409, '发证部门没有可用的电子印章'),
};
