// A readable diff between two guide versions: per changed element its Chinese name and the lines
// removed (−) and added (+), lists compared entry by entry so one changed material shows as one.
import { Empty } from 'antd';
import { ELEMENT_LABEL, type ElementChange, type GuideElement } from '../../common/catalog.ts';
import { StatusTag } from '../../common/StatusTag.tsx';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function describe(element: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '（无）';
  if (typeof v === 'boolean') return element === 'isInstant' ? (v ? '即办件' : '承诺件') : v ? '是' : '否';
  if (typeof v === 'number') return element.endsWith('Days') ? `${v} 个工作日` : String(v);
  if (typeof v === 'string') return v;
  if (!isObj(v)) return JSON.stringify(v);
  switch (element) {
    case 'materials':
      return `${v.name}（${v.form}，${v.copies} 份，${v.source}，${v.isRequired ? '必要' : '非必要'}${v.licenseType ? `，可用“${v.licenseType}”免提交` : ''}${v.note ? `；${v.note}` : ''}）`;
    case 'places':
      return `${v.name}：窗口 ${(v.windows as string[]).join('、') || '—'}；地址 ${v.address || '—'}；时间 ${v.hours || '—'}`;
    case 'phones':
      return `咨询 ${v.consult || '—'}；投诉 ${v.complaint || '—'}`;
    case 'faq':
      return `问：${v.q} 答：${v.a}`;
    case 'fee':
      return v.isCharged ? `收费：${v.amountText ?? ''}${v.basis ? `（${v.basis}）` : ''}` : '不收费';
    case 'itemType':
      return `${v.label}（${v.code}）`;
    default:
      return Object.values(v).map(String).join('；');
  }
}

const lines = (element: string, v: unknown): string[] =>
  Array.isArray(v) ? v.map((x) => describe(element, x)) : v === undefined ? [] : [describe(element, v)];

function lineDiff(before: string[], after: string[]) {
  const removed = before.filter((l) => !after.includes(l));
  const added = after.filter((l) => !before.includes(l));
  const kept = before.length - removed.length;
  return { removed, added, kept };
}

const CHANGE_LABEL = { added: '新增', removed: '删除', changed: '修改' } as const;

export function DiffList({ changes }: { changes: ElementChange[] }) {
  if (changes.length === 0) return <Empty description="两个版本内容相同" />;
  return (
    <ol className="diff-list" data-testid="diff">
      {changes.map((c) => {
        const d = lineDiff(lines(c.element, c.before), lines(c.element, c.after));
        return (
          <li key={c.element} data-testid={`diff-${c.element}`}>
            <div className="diff-head">
              <strong>{ELEMENT_LABEL[c.element as GuideElement] ?? c.element}</strong>{' '}
              <StatusTag tone="warning">{CHANGE_LABEL[c.change]}</StatusTag>
              {d.kept > 0 ? <span className="diff-kept">另有 {d.kept} 条未变</span> : null}
            </div>
            <ul className="diff-lines">
              {d.removed.map((l) => (
                <li key={`-${l}`} className="diff-del">
                  <span aria-hidden="true">−</span>
                  <span className="sr-only">删除：</span>
                  <span className="diff-value">{l}</span>
                </li>
              ))}
              {d.added.map((l) => (
                <li key={`+${l}`} className="diff-add">
                  <span aria-hidden="true">+</span>
                  <span className="sr-only">新增：</span>
                  <span className="diff-value">{l}</span>
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}
