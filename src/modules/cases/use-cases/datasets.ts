// A case in the shape of the GB/T 39046 case datasets (STANDARDS §5): Table 5 办事申请, Table 6 事项受理,
// Table 7 事项办理 (one row per step, with the 特别程序 rows and A.7 codes), Table 8 事项办结. Keys are the
// standard's field names. Personal numbers stay masked: this export is for the department's staff.
import { maskIdNumber, maskPhone } from '../../../platform/crypto.ts';
import type { Actor } from '../../../platform/http/access.ts';
import type { CasesDeps } from '../deps.ts';
import { caseErrors } from '../errors.ts';
import * as store from '../store.ts';
import { visibleCase } from './common.ts';

/** 'YYYYMMDDThhmmss' in Beijing time, as the datasets write times. */
export function standardTime(at: Date | null): string | null {
  if (!at) return null;
  const bj = new Date(at.getTime() + 8 * 3_600_000).toISOString();
  return `${bj.slice(0, 4)}${bj.slice(5, 7)}${bj.slice(8, 10)}T${bj.slice(11, 13)}${bj.slice(14, 16)}${bj.slice(17, 19)}`;
}

const CHANNEL_CODE = { online: '2', window: '1' } as const; // A.5 办理形式
const ACTION_CODE = { pass: '通过', approve: '通过', return: '退回', deny: '其他' } as const; // 业务动作

export async function datasets(deps: CasesDeps, actor: Actor, id: string) {
  const c = await visibleCase(deps.db, actor, id);
  if (actor.kind !== 'staff') throw caseErrors.notFound();
  const [materials, stops, tasks, department] = await Promise.all([
    store.materialsOf(deps.db, c.id),
    store.clockStopsOf(deps.db, c.id),
    deps.workflow.tasksOf(c.id),
    deps.org.getDepartment(c.department_id),
  ]);
  const idNumber = deps.cipher.decrypt(c.applicant_id_enc);
  const caseType = c.is_instant
    ? { 办件类型: '即办件', 办件类型代码: '1' }
    : { 办件类型: '承诺件', 办件类型代码: '2' };
  const unit = { 处理单位: c.department_name, 处理单位统一社会信用代码: department?.uscc ?? null };
  return {
    办事申请: {
      办件编号: c.case_no,
      实施编码: c.implementation_code,
      事项名称: c.item_name,
      ...caseType,
      申请者名称: c.applicant_name,
      申请者证件类型代码: c.applicant_id_type,
      申请者证件号码: c.applicant_id_type === '111' ? maskIdNumber(idNumber) : idNumber,
      联系人姓名: c.contact_name,
      联系人手机号码: maskPhone(deps.cipher.decrypt(c.contact_phone_enc)),
      邮政编码: c.postcode,
      通讯地址: c.contact_address,
      申报来源代码: CHANNEL_CODE[c.channel],
      申请时间: standardTime(c.submitted_at),
      行政区划: c.division_code,
      材料: materials.map((m) => ({
        材料名称: m.name,
        是否收取: '1',
        收取方式: m.license_ref ? '电子证照' : '电子',
        收取数量: Math.max(1, m.file_ids.length),
        收取时间: standardTime(m.provided_at),
      })),
    },
    事项受理: c.accepted_at
      ? {
          办件编号: c.case_no,
          基本编码: c.basic_code,
          实施编码: c.implementation_code,
          事项名称: c.item_name,
          受理单位名称: c.department_name,
          受理单位统一社会信用代码: department?.uscc ?? null,
          受理人员: c.accepted_by_name,
          受理时间: standardTime(c.accepted_at),
          受理文书编号: c.acceptance_doc_no,
          承诺办结时间: c.promised_due_on,
          ...caseType,
          行政区划: c.division_code,
        }
      : null,
    事项办理: tasks
      .filter((t) => t.state === 'done')
      .map((t) => ({
        办件编号: c.case_no,
        业务动作: t.action ? ACTION_CODE[t.action] : '其他',
        环节名称: t.stepName,
        环节处理人: t.assigneeName,
        环节处理意见: t.opinion,
        环节开始时间: standardTime(new Date(t.createdAt)),
        环节结束时间: standardTime(t.completedAt ? new Date(t.completedAt) : null),
        ...unit,
        环节办理状态代码: '2',
      })),
    特别程序: stops
      .filter((s) => s.kind !== 'supplement')
      .map((s) => ({
        办件编号: c.case_no,
        特别程序种类名称: s.kind === 'extension' ? '延长审批' : s.special_kind,
        特别程序种类代码: s.kind === 'extension' ? '1' : '2',
        开始时间: standardTime(s.started_at),
        启动理由或依据: s.reason,
        结束时间: standardTime(s.ended_at),
        特别程序结果: s.result,
        ...unit,
      })),
    事项办结: c.concluded_at
      ? {
          办件编号: c.case_no,
          办结时间: standardTime(c.concluded_at),
          结果证照名称: c.result_name,
          办件结果描述: c.decision === 'approved' ? '准予' : c.decision === 'denied' ? '不予许可' : c.state,
          发证单位: c.department_name,
          行政区划: c.division_code,
          是否快递寄送结果: c.delivery_method === 'post' ? '1' : '0',
        }
      : null,
  };
}
