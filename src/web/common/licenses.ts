// The licenses pages' shared pieces: the module's shapes and labels, the tone of each status, the
// validity as one line, and the PDF limit the server enforces on an uploaded license file.
import {
  LICENSE_STATUS_LABELS,
  LICENSE_STATUSES,
  type LicenseDetail,
  type LicenseStatus,
  type LicenseTypeView,
  type LicenseView,
  type PdfVerifyResult,
  type VerifyResult,
} from '../../modules/licenses/schema.ts';
import type { Tone } from './StatusTag.tsx';

export type { LicenseDetail, LicenseStatus, LicenseTypeView, LicenseView, PdfVerifyResult, VerifyResult };
export { LICENSE_STATUS_LABELS, LICENSE_STATUSES };

export const LICENSE_TONE: Record<LicenseStatus, Tone> = {
  valid: 'success',
  suspended: 'warning',
  rescinded: 'danger',
  cancelled: 'neutral',
  expired: 'neutral',
  revoked: 'danger',
};

/** the same ceiling as POST /api/licenses/verify/pdf */
export const LICENSE_PDF_LIMIT = 20 * 1024 * 1024;
export const LICENSE_PDF_LIMIT_TEXT = `${LICENSE_PDF_LIMIT / 1024 / 1024} MB`;

/** Why a picked file cannot be sent for verification, or null. */
export function pdfProblem(file: Pick<File, 'name' | 'size' | 'type'>): string | null {
  const isPdf = file.type === 'application/pdf' || /\.pdf$/i.test(file.name);
  if (!isPdf) return `“${file.name}”不是 PDF 文件`;
  if (file.size === 0) return `“${file.name}”是空文件`;
  if (file.size > LICENSE_PDF_LIMIT) return `“${file.name}”超过 ${LICENSE_PDF_LIMIT_TEXT}，无法核验`;
  return null;
}

/** 2026-03-02 至 2031-03-01, or 长期 when the license has no end. */
export const validity = (from: string, to: string | null) => `${day(from)} 至 ${to ? day(to) : '长期'}`;

/** The date part of an ISO date or timestamp, in the reader's calendar. */
export function day(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export const licensePath = (id: string) => `/mine/licenses/${id}`;
export const verifyPath = (identifier: string) => `/verify?id=${encodeURIComponent(identifier)}`;

/** A seal's state in the words of a verification page. */
export const SEAL_STATE_LABEL: Record<string, string> = {
  applied: '申请中',
  approved: '已批准',
  rejected: '未批准',
  made: '已制作',
  filed: '已备案',
  issued: '在用',
  lost: '已挂失',
  destroyed: '已销毁',
};

/** The holder's code type as the module stores it (111 居民身份证, 001 统一社会信用代码) as a label. */
export const holderCodeLabel = (codeType: string) =>
  ({ '111': '身份证号码', '001': '统一社会信用代码' })[codeType] ?? '证件号码';
