// 办件详情 for the applicant (/mine/cases/:id): state, the working days left (暂停计时 while paused), a
// supplement request with the form to answer it (补正), the outcome, the materials, the form as filled,
// the timeline, and 撤回 while no decision has been made; for a 一件事 application its sub-cases; the
// 服务评价 of each service event with the rectification of a bad rating.
import { Breadcrumb, Card, Flex, Skeleton } from 'antd';
import { Link, useParams } from 'react-router';
import { CaseClock } from '../../common/CaseClock.tsx';
import { CaseMaterials } from '../../common/CaseMaterials.tsx';
import { CaseNotices } from '../../common/CaseNotices.tsx';
import { CaseOutcome } from '../../common/CaseOutcome.tsx';
import { CaseTimeline } from '../../common/CaseTimeline.tsx';
import { CaseTitle } from '../../common/CaseTitle.tsx';
import { type CaseView, DELIVERY_LABEL } from '../../common/cases.ts';
import { when } from '../../common/catalog.ts';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { SchemaValues } from '../../common/SchemaFields.tsx';
import { Section } from '../../common/Section.tsx';
import { SupplementRequest } from '../../common/SupplementRequest.tsx';
import { useCase } from '../../common/useCase.ts';
import { CaseRatings } from './CaseRatings.tsx';
import { RequireCitizen } from './RequireCitizen.tsx';
import { SubCases } from './SubCases.tsx';
import { SupplyForm } from './SupplyForm.tsx';
import { WithdrawButton } from './WithdrawButton.tsx';

const DONE: CaseView['state'][] = ['concluded', 'refused', 'returned', 'withdrawn'];

function Detail() {
  const { id = '' } = useParams();
  const { data: view, error, setData } = useCase(id);
  if (error) return <ProblemAlert error={error} />;
  if (!view) return <Skeleton active aria-label="加载中" />;
  const isSupplementing = view.allowed.includes('supply') && view.supplement && !view.supplement.answeredAt;
  return (
    <Flex vertical gap={12}>
      <Breadcrumb
        items={[
          { title: <Link to="/me">我的</Link> },
          { title: <Link to="/mine/cases">我的办件</Link> },
          { title: '办件详情' },
        ]}
      />
      <Card styles={{ body: { padding: 16 } }}>
        <CaseTitle view={view} />
        <dl className="kv" style={{ marginTop: 8 }}>
          <dt>办件编号</dt>
          <dd data-testid="case-no">{view.caseNo}</dd>
          <dt>受理部门</dt>
          <dd>{view.departmentName}</dd>
          <dt>申请人</dt>
          <dd>{view.applicant.name}</dd>
          <dt>提交时间</dt>
          <dd>{when(view.submittedAt)}</dd>
          <dt>送达方式</dt>
          <dd>{DELIVERY_LABEL[view.deliveryMethod]}</dd>
        </dl>
        <CaseNotices view={view} />
        {view.allowed.includes('withdraw') ? (
          <div style={{ marginTop: 12 }}>
            <WithdrawButton view={view} onDone={setData} />
          </div>
        ) : null}
      </Card>
      {view.supplement && (isSupplementing || view.state === 'supplementing') ? (
        <Section title="补正材料通知" testId="supplement">
          <SupplementRequest supplement={view.supplement} />
          {isSupplementing ? (
            <div style={{ marginTop: 12 }}>
              <SupplyForm view={view} onDone={setData} />
            </div>
          ) : null}
        </Section>
      ) : null}
      <CaseOutcome view={view} />
      <CaseRatings caseId={view.id} />
      {view.children.length > 0 ? (
        <Section title={`包含的事项（${view.children.length} 件）`}>
          <SubCases items={view.children} />
        </Section>
      ) : null}
      <Section title="办理时限">
        <CaseClock clock={view.clock} isDone={DONE.includes(view.state) || view.state === 'decided'} />
      </Section>
      <Section title="办理过程">
        <CaseTimeline entries={view.timeline} />
      </Section>
      <Section title="申请材料">
        <CaseMaterials materials={view.materials} />
      </Section>
      <Section title="申请表">
        <SchemaValues schema={view.formSchema} data={view.form} />
      </Section>
    </Flex>
  );
}

export default function MyCaseDetail() {
  return (
    <RequireCitizen>
      <Detail />
    </RequireCitizen>
  );
}
