// The window's written notices as PDF (行政许可法 art. 32: 受理、一次性告知补正、不予受理), for the
// handling department's staff and the applicant alike; outsiders get the usual 404. A notice exists
// only once its decision was made (else 409); it is rebuilt from the case on every download and comes
// out the same each time: deadlines from the acceptance day, the latest supplement request.
import { shanghaiDate } from '../../../platform/clock.ts';
import { maskIdNumber } from '../../../platform/crypto.ts';
import { isAppError } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/http/access.ts';
import { loadPdfFont } from '../../../platform/pdf-font.ts';
import type { GuideView } from '../../catalog/index.ts';
import { duesFrom } from '../clock.ts';
import type { CasesDeps } from '../deps.ts';
import { caseErrors } from '../errors.ts';
import { type NoticeData, noticeContent } from '../notices/content.ts';
import { renderNotice } from '../notices/render.ts';
import { CASE_STATE_LABELS, DELIVERY_LABELS, NOTICE_TITLES, type NoticeKind } from '../schema.ts';
import * as store from '../store.ts';
import { visibleCase } from './common.ts';

/** The public progress page the QR code opens (it asks for the applicant's name before answering). */
export const PROGRESS_PATH = '/lookup';

export type NoticeFile = { filename: string; bytes: Uint8Array };

export async function noticePdf(
  deps: CasesDeps,
  actor: Actor,
  id: string,
  kind: NoticeKind,
  origin: string,
): Promise<NoticeFile> {
  const c = await visibleCase(deps.db, actor, id);
  const { data, issuedAt } = await noticeData(deps, c, kind, origin);
  const font = loadPdfFont(deps.config.pdfFontPath, caseErrors.noticeFontMissing);
  const bytes = await renderNotice(noticeContent(data), font, issuedAt);
  return { filename: `${NOTICE_TITLES[kind]}-${c.case_no}.pdf`, bytes };
}

async function noticeData(deps: CasesDeps, c: store.CaseRow, kind: NoticeKind, origin: string) {
  const missing = (why: string) =>
    caseErrors.noticeNotAvailable(`办件当前状态为“${CASE_STATE_LABELS[c.state]}”，${why}`);
  const guide = await frozenGuide(deps, c.version_id);
  const place = guide?.version.content.places[0];
  const digits = c.case_no.replaceAll('-', '');
  const idNumber = deps.cipher.decrypt(c.applicant_id_enc);
  const common = {
    caseNo: c.case_no,
    itemName: c.item_name,
    departmentName: c.department_name,
    applicant: {
      kind: c.applicant_kind,
      name: c.applicant_name,
      idLabel: ID_LABELS[c.applicant_id_type] ?? '证件号码',
      idMasked: c.applicant_id_type === '111' ? maskIdNumber(idNumber) : idNumber,
    },
    submittedOn: shanghaiDate(c.submitted_at),
    lookupUrl: `${deps.config.publicUrl ?? origin}${PROGRESS_PATH}?caseNo=${encodeURIComponent(c.case_no)}`,
    isLicensing: guide?.version.content.itemType.code === '01',
    deliveryLabel: DELIVERY_LABELS[c.delivery_method],
    place: place
      ? `${place.name}${(place.windows[0] ?? '').replace(/\s+/g, '')}（地址：${place.address}）`
      : null,
    consultPhone: guide?.version.content.phones.consult || null,
  };

  if (kind === 'acceptance') {
    if (!c.accepted_at || !c.accepted_on || !c.acceptance_doc_no) throw missing('尚未受理，没有受理通知书');
    // the deadlines as stated on the acceptance day; later pauses and extensions are notified apart
    const dues = await duesFrom(deps.db, c.accepted_on, c);
    const data: NoticeData = {
      ...common,
      kind,
      docNo: c.acceptance_doc_no,
      issuedOn: c.accepted_on,
      acceptedOn: c.accepted_on,
      isInstant: c.is_instant,
      promisedDays: c.promised_limit_days ?? c.legal_limit_days,
      promisedDueOn: dues.promisedDueOn,
      legalDays: c.legal_limit_days ?? c.promised_limit_days,
      legalDueOn: dues.legalDueOn,
    };
    return { data, issuedAt: c.accepted_at };
  }
  if (kind === 'supplement') {
    const request = await store.openSupplement(deps.db, c.id);
    if (!request) throw missing('未要求补正材料，没有补正材料通知书');
    const rounds = (await store.eventsOf(deps.db, c.id)).filter((e) => e.action === 'supplement').length;
    const isDuringReview = c.accepted_at !== null && request.requested_at >= c.accepted_at;
    const data: NoticeData = {
      ...common,
      kind,
      docNo: `BZ${digits}${rounds > 1 ? `-${rounds}` : ''}`,
      issuedOn: shanghaiDate(request.requested_at),
      items: request.items,
      note: request.note,
      acceptedOn: isDuringReview ? c.accepted_on : null,
    };
    return { data, issuedAt: request.requested_at };
  }
  if (c.state !== 'refused' || !c.refusal_reason) throw missing('没有不予受理通知书');
  const refusedAt = c.concluded_at ?? c.updated_at;
  const data: NoticeData = {
    ...common,
    kind,
    docNo: `BSL${digits}`,
    issuedOn: shanghaiDate(refusedAt),
    reason: c.refusal_reason,
    basis: c.refusal_basis ?? '',
  };
  return { data, issuedAt: refusedAt };
}

const ID_LABELS: Record<string, string> = { '111': '居民身份证', '001': '统一社会信用代码' };

/** The item version frozen onto the case (its places, phones and type), if the catalog still shows it. */
async function frozenGuide(deps: CasesDeps, versionId: string): Promise<GuideView | null> {
  try {
    return await deps.catalog.getPublicVersion(versionId);
  } catch (error) {
    if (isAppError(error) && error.status === 404) return null;
    throw error;
  }
}
