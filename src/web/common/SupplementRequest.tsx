// A supplement request (一次性告知补正): when it was made, each missing item with what is required,
// the note, and when it was answered.
import type { CaseView } from './cases.ts';
import { when } from './catalog.ts';

type Supplement = NonNullable<CaseView['supplement']>;

export function SupplementRequest({ supplement }: { supplement: Supplement }) {
  return (
    <div data-testid="supplement-request">
      <div style={{ color: 'rgba(0, 0, 0, 0.65)', fontSize: 13, marginBottom: 6 }}>
        {when(supplement.requestedAt)} 提出
        {supplement.answeredAt ? ` · ${when(supplement.answeredAt)} 已补正` : ''}
      </div>
      <ol style={{ margin: 0, paddingInlineStart: 20 }}>
        {supplement.items.map((item) => (
          <li key={item.name} style={{ overflowWrap: 'anywhere' }}>
            <strong>{item.name}</strong>：{item.reason}
          </li>
        ))}
      </ol>
      {supplement.note ? <p style={{ margin: '6px 0 0' }}>说明：{supplement.note}</p> : null}
    </div>
  );
}
