// A list of service items as cards: name (linked to its guide, optionally with highlighted words),
// department and the facts a citizen compares first (online depth, visits, time limit).
import { Empty } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { DEPTH_LABEL, guidePath } from '../../common/catalog.ts';
import { StatusTag } from '../../common/StatusTag.tsx';

export type ItemCard = {
  implementationId: string;
  name: string;
  /** the name as rendered: plain, or with <mark>ed segments */
  title?: ReactNode;
  departmentName: string;
  itemTypeLabel: string;
  onlineDepth: number;
  isInstant: boolean;
  visitsNeeded?: number;
  promisedLimitDays?: number | null;
};

export function ItemCards({ items, empty, label }: { items: ItemCard[]; empty?: ReactNode; label: string }) {
  if (items.length === 0) return <Empty description={empty ?? '暂无事项'} />;
  return (
    <ul aria-label={label} className="item-cards">
      {items.map((item) => (
        <li key={item.implementationId} data-testid="item-card">
          <Link to={guidePath(item.implementationId)} className="item-card-title">
            {item.title ?? item.name}
          </Link>
          <div className="item-card-dept">{item.departmentName}</div>
          <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap', marginTop: 6 }}>
            <StatusTag tone="info">{item.itemTypeLabel}</StatusTag>
            <StatusTag tone={item.onlineDepth === 4 ? 'success' : 'neutral'}>
              {DEPTH_LABEL[item.onlineDepth] ?? `深度 ${item.onlineDepth}`}
            </StatusTag>
            {item.isInstant ? <StatusTag tone="success">即办</StatusTag> : null}
            {item.visitsNeeded === 0 ? <StatusTag tone="success">零跑动</StatusTag> : null}
            {!item.isInstant && item.promisedLimitDays ? (
              <StatusTag tone="neutral">承诺 {item.promisedLimitDays} 个工作日</StatusTag>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

export const cardOf = (s: {
  implementationId: string;
  name: string;
  department: { name: string };
  itemType: { label: string };
  onlineDepth: number;
  isInstant: boolean;
  visitsNeeded: number;
  promisedLimitDays: number | null;
}): ItemCard => ({
  implementationId: s.implementationId,
  name: s.name,
  departmentName: s.department.name,
  itemTypeLabel: s.itemType.label,
  onlineDepth: s.onlineDepth,
  isInstant: s.isInstant,
  visitsNeeded: s.visitsNeeded,
  promisedLimitDays: s.promisedLimitDays,
});
