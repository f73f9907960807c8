// Stable error codes of the identity module, with their zh-CN titles.
import { defineError } from '../../platform/errors.ts';

export const identityErrors = {
  loginFailed: defineError('AUTH_LOGIN_FAILED', 401, '账号或密码错误，或账号已被临时锁定'),
  totpFailed: defineError('AUTH_TOTP_FAILED', 401, '动态验证码错误或已使用，或账号已被临时锁定'),
  totpNotEnrolling: defineError('AUTH_TOTP_NOT_ENROLLING', 409, '当前没有待确认的动态口令绑定'),
  totpAlreadyEnrolled: defineError('AUTH_TOTP_ALREADY_ENROLLED', 409, '该账号已绑定动态口令'),
  weakPassword: defineError('IDENTITY_WEAK_PASSWORD', 400, '密码不符合安全要求'),
  invalidIdNumber: defineError('IDENTITY_ID_NUMBER_INVALID', 400, '身份证号无效'),
  invalidPhone: defineError('IDENTITY_PHONE_INVALID', 400, '手机号无效'),
  invalidUscc: defineError('IDENTITY_USCC_INVALID', 400, '统一社会信用代码格式无效'),
  idNumberTaken: defineError('IDENTITY_ID_NUMBER_TAKEN', 409, '该身份证号已注册'),
  phoneTaken: defineError('IDENTITY_PHONE_TAKEN', 409, '该手机号已被其他账号使用'),
  usernameTaken: defineError('IDENTITY_USERNAME_TAKEN', 409, '该用户名已存在'),
  enterpriseTaken: defineError('IDENTITY_ENTERPRISE_TAKEN', 409, '该统一社会信用代码已开户'),
  enterpriseNotFound: defineError('IDENTITY_ENTERPRISE_NOT_FOUND', 404, '企业不存在'),
  notFlagged: defineError('IDENTITY_ENTERPRISE_NOT_FLAGGED', 409, '该企业的统一社会信用代码没有待核验的标记'),
  mandateNotFound: defineError('IDENTITY_MANDATE_NOT_FOUND', 404, '授权不存在'),
  agentNotFound: defineError('IDENTITY_AGENT_NOT_FOUND', 404, '未找到姓名与身份证号匹配的实名用户'),
  notRepresentative: defineError(
    'IDENTITY_NOT_AUTHORISED_FOR_ENTERPRISE',
    403,
    '您不是该企业的法定代表人或有效经办人',
  ),
  staffNotFound: defineError('IDENTITY_STAFF_NOT_FOUND', 404, '工作人员不存在'),
  citizenNotFound: defineError('IDENTITY_CITIZEN_NOT_FOUND', 404, '用户不存在'),
  roleConflict: defineError(
    'IDENTITY_ROLE_CONFLICT',
    400,
    '系统管理员与审计管理员不能由同一账号担任（三员分立）',
  ),
  selfRoleChange: defineError('IDENTITY_SELF_ROLE_CHANGE', 403, '不能修改自己的角色或停用自己'),
  unknownDepartment: defineError('IDENTITY_UNKNOWN_DEPARTMENT', 400, '部门不存在'),
  unknownDivision: defineError('IDENTITY_UNKNOWN_DIVISION', 400, '行政区划不存在'),
  wrongPassword: defineError('IDENTITY_CURRENT_PASSWORD_WRONG', 400, '当前密码不正确'),
  mandateDate: defineError('IDENTITY_MANDATE_DATE_INVALID', 400, '授权截止日期须晚于今天且不超过 5 年'),
};
