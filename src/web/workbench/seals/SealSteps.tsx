// The seal's history (办理过程): each step — what, into which state, who, when and the note or reason —
// oldest first, as an ordered list so a screen reader reads it in order.
import { Typography } from 'antd';
import { when } from '../../common/catalog.ts';
import { StatusTag } from '../../common/StatusTag.tsx';
import {
  SEAL_STATE_LABELS,
  SEAL_STATES,
  SEAL_TONE,
  type SealState,
  type SealView,
  STEP_LABELS,
} from './seals.ts';

const isState = (s: string): s is SealState => (SEAL_STATES as readonly string[]).includes(s);

export function SealSteps({ steps }: { steps: SealView['steps'] }) {
  if (steps.length === 0) return <Typography.Text type="secondary">暂无办理记录</Typography.Text>;
  return (
    <ol
      data-testid="seal-steps"
      style={{ listStyle: 'none', margin: 0, padding: 0, borderInlineStart: '2px solid #d6e4ff' }}
    >
      {steps.map((s, i) => (
        <li
          key={`${s.at}-${s.action}`}
          data-testid="seal-step"
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
              background: i === steps.length - 1 ? '#1554ad' : '#91caff',
            }}
          />
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '2px 8px', alignItems: 'center' }}>
            <strong>{STEP_LABELS[s.action] ?? s.action}</strong>
            {isState(s.toState) ? (
              <StatusTag tone={SEAL_TONE[s.toState]}>{SEAL_STATE_LABELS[s.toState]}</StatusTag>
            ) : null}
          </div>
          <div style={{ color: 'rgba(0, 0, 0, 0.65)', fontSize: 13 }}>
            <time dateTime={s.at}>{when(s.at)}</time> · {s.actorName}
          </div>
          {s.note ? (
            <div style={{ marginTop: 2, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{s.note}</div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
