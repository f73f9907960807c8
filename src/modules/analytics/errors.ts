// Stable error codes of the analytics module, with their zh-CN titles.
import { defineError } from '../../platform/errors.ts';

export const analyticsErrors = {
  badPeriod: defineError('ANALYTICS_BAD_PERIOD', 400, '统计期间不正确'),
  otherDepartment: defineError('ANALYTICS_OTHER_DEPARTMENT', 403, '只能查看本部门的统计'),
  unknownCounty: defineError('ANALYTICS_UNKNOWN_COUNTY', 400, '区县代码不存在'),
};
