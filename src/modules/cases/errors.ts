// Stable error codes of the cases module, each with its zh-CN title.
import { AppError, defineError } from '../../platform/errors.ts';
import { CASE_STATE_LABELS, type CaseState } from './schema.ts';

export const caseErrors = {
  notFound: defineError('CASE_NOT_FOUND', 404, '办件不存在'),
  draftNotFound: defineError('CASE_DRAFT_NOT_FOUND', 404, '草稿不存在'),
  keyMissing: defineError('CASE_IDEMPOTENCY_KEY_REQUIRED', 400, '提交申请需要 Idempotency-Key 请求头'),
  keyReused: defineError('CASE_IDEMPOTENCY_KEY_REUSED', 422, '该 Idempotency-Key 已用于内容不同的申请'),
  inFlight: defineError('CASE_SUBMISSION_IN_FLIGHT', 409, '相同的申请正在提交中，请稍后查看结果'),
  notPublished: defineError('CASE_ITEM_NOT_AVAILABLE', 409, '该事项当前不可申报'),
  formInvalid: defineError('CASE_FORM_INVALID', 400, '申请表填写不完整或有误'),
  materialsInvalid: defineError('CASE_MATERIALS_INVALID', 400, '申请材料不完整或有误'),
  extendedAlready: defineError('CASE_ALREADY_EXTENDED', 409, '办件已延长过审批期限，只能延长一次'),
  notAllowed: defineError('CASE_ACTION_FORBIDDEN', 403, '您无权对该办件执行此操作'),
  applicantInvalid: defineError('CASE_APPLICANT_INVALID', 400, '申请人证件号码不正确'),
  noOpenStop: defineError('CASE_NO_SPECIAL_PROCEDURE', 409, '办件没有进行中的特别程序'),
  noticeNotAvailable: defineError('CASE_NOTICE_NOT_AVAILABLE', 409, '该办件没有此类通知书'),
  /** the server lacks a usable CJK TrueType font: an operator's fix, named in the detail */
  noticeFontMissing: defineError('CASE_NOTICE_FONT_MISSING', 503, '服务器缺少生成通知书所需的中文字体'),
};

/** An action the case's current state does not allow: 409 naming the state. */
export function illegalTransition(state: CaseState, action: string): AppError {
  return new AppError('CASE_ILLEGAL_TRANSITION', 409, '办件当前状态不允许此操作', {
    detail: `办件当前状态为“${CASE_STATE_LABELS[state]}”（${state}），不能${action}`,
  });
}
