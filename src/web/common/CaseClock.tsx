// The statutory clock of a case: the remaining working days (with 暂停计时 while paused for a supplement or
// a special procedure), the promised and legal deadlines, paused and extended days.
import { Flex } from 'antd';
import { type ClockView, remainingText } from './cases.ts';
import { StatusTag } from './StatusTag.tsx';

export function RemainingTag({
  remainingDays,
  isOverdue,
  isPaused = false,
}: {
  remainingDays: number | null;
  isOverdue: boolean;
  isPaused?: boolean;
}) {
  const text = remainingText(remainingDays, isOverdue);
  return (
    <Flex gap={4} wrap>
      {text ? <StatusTag tone={isOverdue ? 'danger' : 'info'}>{text}</StatusTag> : null}
      {isPaused ? <StatusTag tone="warning">暂停计时</StatusTag> : null}
    </Flex>
  );
}

export function CaseClock({ clock, isDone }: { clock: ClockView; isDone: boolean }) {
  const text = remainingText(clock.remainingDays, clock.isOverdue);
  return (
    <div data-testid="clock">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'baseline', marginBottom: 8 }}>
        {text ? (
          <span
            data-testid="remaining"
            style={{ fontSize: 20, fontWeight: 600, color: clock.isOverdue ? '#a8071a' : '#1554ad' }}
          >
            {text}
          </span>
        ) : (
          <span data-testid="remaining">{isDone ? '已结束计时' : '受理后开始计时'}</span>
        )}
        {clock.isPaused ? <StatusTag tone="warning">暂停计时</StatusTag> : null}
      </div>
      <dl className="kv">
        <dt>受理日期</dt>
        <dd>{clock.acceptedOn ?? '—'}</dd>
        <dt>承诺期限</dt>
        <dd>{clock.promisedDueOn ?? '—'}</dd>
        <dt>法定期限</dt>
        <dd>{clock.legalDueOn ?? '—'}</dd>
        {clock.pausedDays > 0 ? (
          <>
            <dt>暂停天数</dt>
            <dd>{clock.pausedDays} 个工作日</dd>
          </>
        ) : null}
        {clock.extensionDays > 0 ? (
          <>
            <dt>延长期限</dt>
            <dd>{clock.extensionDays} 个工作日</dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}
