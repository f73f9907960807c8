// Stable error codes of the opendata module, with their zh-CN titles.
import { defineError } from '../../platform/errors.ts';

export const opendataErrors = {
  sourceNotFound: defineError('OPENDATA_SOURCE_NOT_FOUND', 404, '信息资源不存在或尚未发布'),
  notOpenable: defineError('OPENDATA_NOT_OPENABLE', 409, '该信息资源的开放属性为不予开放'),
  sensitiveKept: defineError('OPENDATA_SENSITIVE_KEPT', 400, '敏感信息项不能原样开放'),
  badRule: defineError('OPENDATA_BAD_RULE', 400, '脱敏规则不适用于该信息项'),
  datasetNotFound: defineError('OPENDATA_DATASET_NOT_FOUND', 404, '数据集不存在或已下线'),
  wrongState: defineError('OPENDATA_WRONG_STATE', 409, '数据集当前状态不允许此操作'),
};
