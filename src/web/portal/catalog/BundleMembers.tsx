// The member items of a bundle guide — each with its department, limits and visits, linking to its own
// guide — and the outline of the merged application form they share.
import { Link } from 'react-router';
import {
  type BundleGuide,
  type BundleMember,
  guidePath,
  limitText,
  visitsText,
} from '../../common/catalog.ts';
import { StatusTag } from '../../common/StatusTag.tsx';

function Facts({ m }: { m: BundleMember }) {
  if (!m.implementation)
    return <div className="member-facts">本地区暂未提供此事项，请到上级政务服务中心咨询。</div>;
  const promised = limitText(m.promisedLimitDays, '工作日', m.promisedLimitDays === 0);
  return (
    <div className="member-facts">
      {m.implementation.department.name} · 承诺 {promised} · 法定 {limitText(m.legalLimitDays, '工作日')} ·
      跑动 {visitsText(m.visitsNeeded ?? 0)}
    </div>
  );
}

export function BundleMembers({ members }: { members: BundleMember[] }) {
  return (
    <ol className="member-list">
      {members.map((m) => (
        <li key={m.itemId} data-testid="bundle-member">
          <div className="member-head">
            {m.implementation ? (
              <Link to={guidePath(m.implementation.id)} className="item-card-title">
                {m.name}
              </Link>
            ) : (
              <span className="item-card-title">{m.name}</span>
            )}
            {m.isRequired ? (
              <StatusTag tone="danger">必办</StatusTag>
            ) : (
              <StatusTag tone="neutral">按需办理</StatusTag>
            )}
          </div>
          {m.note ? <div>适用情形：{m.note}</div> : null}
          <Facts m={m} />
        </li>
      ))}
    </ol>
  );
}

export function FormOutline({ outline }: { outline: BundleGuide['formOutline'] }) {
  if (outline.sections.length === 0) return <p>无需填写申请表。</p>;
  return (
    <>
      <p style={{ marginTop: 0 }}>
        合并后的申请表包含以下内容，相同的信息只填一次；它代替各事项的 {outline.forms.length} 张申请表：
        {outline.forms.map((f) => f.name).join('、')}。
      </p>
      <dl className="form-outline">
        {outline.sections.map((s) => (
          <div key={s.key} className="kv-row">
            <dt>{s.label}</dt>
            <dd>
              {s.fields.map((f) => f.label).join('、')}
              {s.isRequired ? null : <span className="needed-as">（按需填写）</span>}
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}
