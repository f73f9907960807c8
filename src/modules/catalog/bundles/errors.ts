// Stable error codes of "one thing" bundles, each with its zh-CN title.
import { defineError } from '../../../platform/errors.ts';

export const bundleErrors = {
  notFound: defineError('CATALOG_BUNDLE_NOT_FOUND', 404, '“一件事”不存在'),
  notOffered: defineError('CATALOG_BUNDLE_NOT_OFFERED', 404, '该地区没有这件“一件事”'),
  codeExists: defineError('CATALOG_BUNDLE_CODE_EXISTS', 409, '“一件事”编码已被使用'),
  invalid: defineError('CATALOG_BUNDLE_INVALID', 400, '“一件事”的内容不符合要求'),
  wrongState: defineError('CATALOG_BUNDLE_WRONG_STATE', 409, '“一件事”的状态不允许此操作'),
};
