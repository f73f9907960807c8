// What has been decided about a case, when anything has: the licence decision with its reasons, a
// refusal to accept with its legal basis, why it was closed (withdrawn, returned), its conclusion, and
// the special procedures and the extension that stopped or stretched the clock.
import type { CaseView } from './cases.ts';
import { when } from './catalog.ts';
import { Section } from './Section.tsx';

export function CaseOutcome({ view }: { view: CaseView }) {
  const stops = view.clockStops.filter((s) => s.kind !== 'supplement');
  const hasOutcome =
    view.decision || view.refusal || view.closedReason || view.concludedAt || stops.length > 0;
  if (!hasOutcome) return null;
  return (
    <Section title="办理结果" testId="outcome">
      <dl className="kv">
        {view.decision ? (
          <>
            <dt>审批决定</dt>
            <dd data-testid="decision">
              {view.decision === 'approved' ? '准予许可' : '不予许可'}
              {view.decisionReason ? `：${view.decisionReason}` : ''}
            </dd>
          </>
        ) : null}
        {view.resultName ? (
          <>
            <dt>办理结果</dt>
            <dd>{view.resultName}</dd>
          </>
        ) : null}
        {view.refusal ? (
          <>
            <dt>不予受理</dt>
            <dd>
              {view.refusal.reason}
              <div>依据：{view.refusal.basis}</div>
            </dd>
          </>
        ) : null}
        {view.closedReason ? (
          <>
            <dt>终止原因</dt>
            <dd>{view.closedReason}</dd>
          </>
        ) : null}
        {view.concludedAt ? (
          <>
            <dt>办结时间</dt>
            <dd>{when(view.concludedAt)}</dd>
          </>
        ) : null}
        {stops.map((s) =>
          s.kind === 'extension' ? (
            <div key={`${s.kind}-${s.startedOn}`} style={{ display: 'contents' }}>
              <dt>延长审批</dt>
              <dd>
                {s.result ? `${s.result}：` : ''}
                {s.reason}（{s.startedOn}）
              </dd>
            </div>
          ) : (
            <div key={`${s.kind}-${s.startedOn}`} style={{ display: 'contents' }}>
              <dt>特别程序</dt>
              <dd>
                {s.specialKind ? `${s.specialKind}：` : ''}
                {s.reason}（{s.startedOn} 起{s.endedOn ? `，${s.endedOn} 止` : '，进行中'}
                {s.pausedDays ? `，暂停 ${s.pausedDays} 个工作日` : ''}）
                {s.result ? <div>结果：{s.result}</div> : null}
              </dd>
            </div>
          ),
        )}
      </dl>
    </Section>
  );
}
