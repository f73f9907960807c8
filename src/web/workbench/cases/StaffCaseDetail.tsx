// 办件详情 in the workbench (/workbench/cases/:id): the applicant (masked), the clock, the actions the case
// allows this staff member, the review steps with acting on them, the supplement request, the outcome,
// the materials with download links, the form as filed and the timeline; 服务评价 with a rating QR code.
import { Breadcrumb, Card, Flex, Skeleton } from 'antd';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { get } from '../../api.ts';
import { CaseClock } from '../../common/CaseClock.tsx';
import { CaseMaterials } from '../../common/CaseMaterials.tsx';
import { CaseNotices } from '../../common/CaseNotices.tsx';
import { CaseOutcome } from '../../common/CaseOutcome.tsx';
import { CaseTimeline } from '../../common/CaseTimeline.tsx';
import { CaseTitle } from '../../common/CaseTitle.tsx';
import { type CaseView, DELIVERY_LABEL, type TaskView } from '../../common/cases.ts';
import { when } from '../../common/catalog.ts';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { SchemaValues } from '../../common/SchemaFields.tsx';
import { Section } from '../../common/Section.tsx';
import { SupplementRequest } from '../../common/SupplementRequest.tsx';
import { useCase } from '../../common/useCase.ts';
import { useSession } from '../../session.tsx';
import { CaseActions } from './CaseActions.tsx';
import { CaseLicenses } from './CaseLicenses.tsx';
import { CaseRatingLinks } from './CaseRatingLinks.tsx';
import { TaskPanel } from './TaskPanel.tsx';

const PAUSED_BECAUSE: Partial<Record<CaseView['state'], string>> = {
  special: '特别程序进行中，结束后继续审批。',
  supplementing: '等待申请人补正材料，补正后继续审批。',
};
const CLOSED: CaseView['state'][] = ['concluded', 'refused', 'returned', 'withdrawn', 'decided'];

function useTasks(caseId: string) {
  const [tasks, setTasks] = useState<TaskView[]>([]);
  const reload = useCallback(async () => {
    const answer = await get<{ items: TaskView[] }>(`/api/cases/${caseId}/tasks`).catch(() => null);
    if (answer) setTasks(answer.items);
  }, [caseId]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { tasks, reload };
}

function Header({ view, children }: { view: CaseView; children: ReactNode }) {
  const a = view.applicant;
  return (
    <Card styles={{ body: { padding: 16 } }}>
      <CaseTitle view={view} />
      <dl className="kv kv-grid" style={{ marginTop: 8 }}>
        <div className="kv-row">
          <dt>办件编号</dt>
          <dd data-testid="case-no">{view.caseNo}</dd>
        </div>
        <div className="kv-row">
          <dt>申请渠道</dt>
          <dd>{view.channel === 'online' ? '网上申报' : '窗口收件'}</dd>
        </div>
        <div className="kv-row">
          <dt>提交时间</dt>
          <dd>{when(view.submittedAt)}</dd>
        </div>
        <div className="kv-row">
          <dt>申请人</dt>
          <dd>
            {a.name}（{a.kind === 'citizen' ? '自然人' : '法人'}）
          </dd>
        </div>
        <div className="kv-row">
          <dt>证件号码</dt>
          <dd>{a.idNumberMasked}</dd>
        </div>
        <div className="kv-row">
          <dt>联系人</dt>
          <dd>
            {a.contactName} · {a.contactPhoneMasked}
          </dd>
        </div>
        <div className="kv-row">
          <dt>联系地址</dt>
          <dd>
            {a.address}
            {a.postcode ? `（${a.postcode}）` : ''}
          </dd>
        </div>
        <div className="kv-row">
          <dt>送达方式</dt>
          <dd>{DELIVERY_LABEL[view.deliveryMethod]}</dd>
        </div>
        {view.acceptanceDocNo ? (
          <div className="kv-row">
            <dt>受理文书号</dt>
            <dd>{view.acceptanceDocNo}</dd>
          </div>
        ) : null}
      </dl>
      {view.state === 'submitted' ? (
        <p style={{ margin: '8px 0 0' }}>
          一次性告知期限：{view.clock.noticeDueOn}（收到申请后 5 个工作日内）
        </p>
      ) : null}
      <CaseNotices view={view} />
      {children}
    </Card>
  );
}

export default function StaffCaseDetail() {
  const { id = '' } = useParams();
  const { me } = useSession();
  const { data: view, error, setData, reload } = useCase(id);
  const { tasks, reload: reloadTasks } = useTasks(id);
  if (error) return <ProblemAlert error={error} />;
  if (!view || !me) return <Skeleton active aria-label="加载中" />;
  const changed = (next: CaseView | null) => {
    if (next) setData(next);
    else void reload();
    void reloadTasks();
  };
  const isOpenSupplement = view.supplement && !view.supplement.answeredAt;
  return (
    <Flex vertical gap={12}>
      <Breadcrumb items={[{ title: <Link to="/workbench/cases">本部门办件</Link> }, { title: '办件详情' }]} />
      <Header view={view}>
        <CaseActions view={view} onDone={changed} />
      </Header>
      {isOpenSupplement && view.supplement ? (
        <Section title="补正通知（等待申请人补正）" testId="supplement">
          <SupplementRequest supplement={view.supplement} />
        </Section>
      ) : null}
      <Section title="审批环节">
        <TaskPanel
          caseId={view.id}
          tasks={tasks}
          me={me}
          pausedBecause={PAUSED_BECAUSE[view.state] ?? null}
          onChanged={changed}
        />
      </Section>
      <CaseOutcome view={view} />
      <CaseRatingLinks caseId={view.id} />
      <Section title="办理时限">
        <CaseClock clock={view.clock} isDone={CLOSED.includes(view.state)} />
      </Section>
      <Section title="申请材料">
        <CaseMaterials materials={view.materials} />
      </Section>
      {view.materials.some((m) => m.licenseRef) ? (
        <Section title="电子证照（免提交）">
          <CaseLicenses caseId={view.id} />
        </Section>
      ) : null}
      <Section title="申请表">
        <SchemaValues schema={view.formSchema} data={view.form} />
      </Section>
      <Section title="办理过程">
        <CaseTimeline entries={view.timeline} />
      </Section>
    </Flex>
  );
}
