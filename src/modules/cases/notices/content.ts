// What each notice says (行政许可法 art. 32; 行政复议法 art. 20; 行政诉讼法 art. 46), as plain data the
// renderer lays out: title, document number, particulars, paragraphs, the supplement list, signatory.
// Pure: the same case gives the same text every time it is downloaded.

import { chineseDate } from '../../../platform/clock.ts';
import type { NoticeKind } from '../schema.ts';
import { NOTICE_TITLES } from '../schema.ts';

export type NoticeData = {
  caseNo: string;
  itemName: string;
  departmentName: string;
  applicant: { kind: 'citizen' | 'enterprise'; name: string; idLabel: string; idMasked: string };
  /** YYYY-MM-DD (Beijing time) */
  submittedOn: string;
  issuedOn: string;
  docNo: string;
  lookupUrl: string;
  /** a 行政许可 item: the notice cites the statute by article */
  isLicensing: boolean;
  deliveryLabel: string;
  /** where to bring paper materials, e.g. "信阳市政务服务中心（信阳市…）" */
  place: string | null;
  consultPhone: string | null;
} & (
  | {
      kind: 'acceptance';
      acceptedOn: string;
      isInstant: boolean;
      promisedDays: number | null;
      promisedDueOn: string | null;
      legalDays: number | null;
      legalDueOn: string | null;
    }
  | {
      kind: 'supplement';
      items: Array<{ name: string; reason: string }>;
      note: string;
      /** set when the request came during review (the clock pauses) rather than before acceptance */
      acceptedOn: string | null;
    }
  | { kind: 'refusal'; reason: string; basis: string }
);

export type Particular = { label: string; value: string; isWide?: boolean };
export type Block = { kind: 'paragraph'; text: string } | { kind: 'items'; rows: string[][] };

export type NoticeContent = {
  kind: NoticeKind;
  title: string;
  subtitle: string | null;
  docNo: string;
  /** label and value; a wide one takes a whole row of the particulars table */
  particulars: Particular[];
  salutation: string;
  blocks: Block[];
  signatory: string;
  dateText: string;
  lookupUrl: string;
  qrCaption: string;
  footerNote: string;
};

const STATUTE = '《中华人民共和国行政许可法》第三十二条第一款';
const REMEDIES =
  '如对本决定不服，可以自收到本通知书之日起六十日内依法申请行政复议，或者自收到本通知书之日起六个月内依法向人民法院提起行政诉讼。';

/** Ends a clerk's sentence with exactly one full stop. */
const sentence = (text: string) => `${text.trim().replace(/[。．.；;，,\s]+$/u, '')}。`;

export function noticeContent(data: NoticeData): NoticeContent {
  const d = chineseDate;
  const you = data.applicant.kind === 'enterprise' ? '你单位' : '你';
  const applied = `${you}于${d(data.submittedOn)}提出的“${data.itemName}”申请（办件编号：${data.caseNo}）`;
  const particulars: Particular[] = [
    { label: '申请人', value: data.applicant.name },
    { label: data.applicant.idLabel, value: data.applicant.idMasked },
    { label: '申请事项', value: data.itemName, isWide: true },
    { label: '办件编号', value: data.caseNo },
    { label: '申请日期', value: d(data.submittedOn) },
  ];
  const blocks: Block[] = [];
  const say = (text: string) => blocks.push({ kind: 'paragraph', text });
  const consult = data.consultPhone ? `如有疑问，请致电${data.consultPhone}咨询。` : '';
  let subtitle: string | null = null;

  if (data.kind === 'acceptance') {
    const basis = data.isLicensing ? `根据${STATUTE}第（五）项的规定，` : '';
    say(
      `${applied}，经审查，申请事项属于本机关职权范围，申请材料齐全、符合法定形式。${basis}本机关决定予以受理。`,
    );
    if (data.isInstant) {
      say('本事项为即办件，本机关已于受理当日办结。');
    } else {
      const limits: string[] = [];
      if (data.promisedDays !== null && data.promisedDueOn) {
        const due = `${data.promisedDays}个工作日（至${d(data.promisedDueOn)}）`;
        limits.push(`本机关承诺办结时限为${due}`);
        particulars.push({ label: '承诺办结日期', value: d(data.promisedDueOn) });
      }
      if (data.legalDays !== null && data.legalDueOn) {
        const due = `${data.legalDays}个工作日（至${d(data.legalDueOn)}）`;
        limits.push(`法定办结时限为${due}`);
        particulars.push({ label: '法定办结日期', value: d(data.legalDueOn) });
      }
      if (limits.length > 0) {
        say(`${limits.join('，')}，期限自受理之日的次日起计算，法定节假日不计算在内。`);
      }
      say(
        '依法需要听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审的，所需时间不计算在上述期限内，本机关将另行书面告知。',
      );
    }
    say(
      `办理结果将以${data.deliveryLabel}方式送达。${you}可凭办件编号和申请人姓名，扫描本通知书右上角的二维码或登录一网通办平台查询办理进度。${consult}`,
    );
  } else if (data.kind === 'supplement') {
    subtitle = '（一次性告知书）';
    const during = data.acceptedOn;
    if (during) {
      say(`${applied}已于${d(during)}受理。经审查，需要${you}补正材料，现一次性告知需要补正的全部内容如下：`);
    } else {
      const basis = data.isLicensing ? `根据${STATUTE}第（四）项的规定，` : '';
      say(
        `${applied}，经审查，申请材料不齐全或者不符合法定形式。${basis}现一次性告知${you}需要补正的全部内容如下：`,
      );
    }
    blocks.push({ kind: 'items', rows: data.items.map((i, n) => [String(n + 1), i.name, i.reason]) });
    if (data.note.trim()) say(`其他说明：${sentence(data.note)}`);
    const where = data.place ?? '本机关办事窗口';
    say(
      `请${you}按照上述要求一次性补齐全部材料，可任选以下一种方式提交：（一）登录一网通办平台，在“我的办件”中打开本办件，上传补正材料；（二）携带补正材料到${where}提交。`,
    );
    say(
      during
        ? `补正期间不计算在办理期限内，办理期限自${you}补齐全部材料之日起继续计算。${consult}`
        : `补正的材料齐全、符合法定形式的，本机关将依法予以受理。${consult}`,
    );
  } else {
    say(`${applied}，经审查，${sentence(data.reason)}`);
    const basis = data.basis.trim().replace(/[。；;，,\s]+$/u, '');
    say(`依据${/规定$/u.test(basis) ? basis : `${basis}的规定`}，本机关决定不予受理。`);
    say(REMEDIES);
  }

  return {
    kind: data.kind,
    title: NOTICE_TITLES[data.kind],
    subtitle,
    docNo: data.docNo,
    particulars,
    salutation: `${data.applicant.name}：`,
    blocks,
    signatory: data.departmentName,
    dateText: d(data.issuedOn),
    lookupUrl: data.lookupUrl,
    qrCaption: '扫码查询办理进度',
    footerNote: '本通知书由一网通办平台生成；窗口出具的纸质通知书加盖本机关专用印章。',
  };
}
