// The sub-cases (子件) of a 一件事 application on its case page: one per member item, each with its
// department and state, linking to its own page.
import { Link } from 'react-router';
import { type CaseView, casePath, remainingText, STATE_TONE } from '../../common/cases.ts';
import { StatusTag } from '../../common/StatusTag.tsx';

export function SubCases({ items }: { items: CaseView['children'] }) {
  return (
    <ol
      style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 12 }}
      data-testid="sub-cases"
    >
      {items.map((c) => {
        const remaining = remainingText(c.remainingDays, c.isOverdue);
        return (
          <li key={c.id}>
            <Link to={casePath(c.id)}>{c.itemName}</Link>
            <div style={{ color: 'rgba(0, 0, 0, 0.65)', fontSize: 13 }}>
              {c.caseNo} · {c.departmentName}
            </div>
            <div style={{ marginTop: 4 }}>
              <StatusTag tone={STATE_TONE[c.state]}>{c.stateLabel}</StatusTag>
              {remaining ? <span style={{ fontSize: 13 }}>{remaining}</span> : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
