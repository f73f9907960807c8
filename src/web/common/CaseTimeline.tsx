// The case's timeline (办理过程): when, who, what, into which state, and the opinion given — oldest first,
// as an ordered list so a screen reader reads the story in order.
import { Typography } from 'antd';
import { STATE_LABEL, STATE_TONE, type TimelineEntry } from './cases.ts';
import { when } from './catalog.ts';
import { StatusTag } from './StatusTag.tsx';

export function CaseTimeline({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) return <Typography.Text type="secondary">暂无办理记录</Typography.Text>;
  return (
    <ol
      data-testid="timeline"
      style={{ listStyle: 'none', margin: 0, padding: 0, borderInlineStart: '2px solid #d6e4ff' }}
    >
      {entries.map((e, i) => (
        <li
          key={`${e.at}-${e.action}-${e.actorName}`}
          data-testid="timeline-entry"
          style={{ position: 'relative', padding: '0 0 14px 16px' }}
        >
          <span
            aria-hidden
            style={{
              position: 'absolute',
              insetInlineStart: -6,
              top: 6,
              width: 10,
              height: 10,
              borderRadius: 5,
              background: i === entries.length - 1 ? '#1554ad' : '#91caff',
            }}
          />
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '2px 8px', alignItems: 'center' }}>
            <strong>{e.actionLabel}</strong>
            <StatusTag tone={STATE_TONE[e.toState]}>{STATE_LABEL[e.toState]}</StatusTag>
          </div>
          <div style={{ color: 'rgba(0, 0, 0, 0.65)', fontSize: 13 }}>
            <time dateTime={e.at}>{when(e.at)}</time> · {e.actorName}
          </div>
          {e.opinion ? (
            <div style={{ marginTop: 2, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              意见：{e.opinion}
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
