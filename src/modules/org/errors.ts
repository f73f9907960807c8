// Stable error codes of the org module, each with its zh-CN title.
import { defineError } from '../../platform/errors.ts';

export const orgErrors = {
  divisionNotFound: defineError('ORG_DIVISION_NOT_FOUND', 404, '行政区划不存在'),
  departmentNotFound: defineError('ORG_DEPARTMENT_NOT_FOUND', 404, '部门不存在'),
  hallNotFound: defineError('ORG_HALL_NOT_FOUND', 404, '政务服务中心不存在'),
  windowNotFound: defineError('ORG_WINDOW_NOT_FOUND', 404, '窗口不存在'),
  departmentExists: defineError('ORG_DEPARTMENT_EXISTS', 409, '部门已存在'),
  hallExists: defineError('ORG_HALL_EXISTS', 409, '政务服务中心已存在'),
  windowExists: defineError('ORG_WINDOW_EXISTS', 409, '窗口编号已存在'),
  usccMalformed: defineError('ORG_USCC_MALFORMED', 400, '统一社会信用代码格式不正确'),
  usccChecksum: defineError('ORG_USCC_CHECKSUM', 400, '统一社会信用代码校验位不正确'),
  departmentOutsideHall: defineError('ORG_WINDOW_DEPARTMENT_SCOPE', 400, '窗口只能服务本辖区的部门'),
  calendarDayNotFound: defineError('ORG_CALENDAR_DAY_NOT_FOUND', 404, '该日期没有节假日或调休设置'),
  invalidDate: defineError('ORG_INVALID_DATE', 400, '日期无效'),
};
