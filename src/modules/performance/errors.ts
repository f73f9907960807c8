// Stable error codes of performance evaluation, with their zh-CN titles.
import { defineError } from '../../platform/errors.ts';

export const performanceErrors = {
  badPeriod: defineError('PERFORMANCE_BAD_PERIOD', 400, '考核期间不正确'),
  notFound: defineError('PERFORMANCE_NOT_FOUND', 404, '考核对象不存在'),
};
