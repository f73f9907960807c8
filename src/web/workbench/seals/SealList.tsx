// 印章管理 (/workbench/seals). The department admin sees the department's seals and applies for one (申请印章);
// the service office (office_admin) sees every department's seals, its 待办 counted on top (待审核, 待制作,
// 待备案, 待发放 — each a filter), filters by state and department, and takes each seal's next step from
// its row. Each row: the image, name (to the detail page), kind and code, state, validity and actions.
// The filters work on the one list GET /api/seals answers (a few seals per department), so the 待办
// counts and the rows always agree.
import { Button, Flex, Grid, message, Select, Table } from 'antd';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { when } from '../../common/catalog.ts';
import { EmptyText } from '../../common/EmptyText.tsx';
import { PageCard } from '../../common/PageCard.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { StatusTag } from '../../common/StatusTag.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { useTitle } from '../../common/useTitle.ts';
import { useSession } from '../../session.tsx';
import { ApplyDialog } from './ApplyDialog.tsx';
import { SealActions, useSealActionDialog } from './SealActions.tsx';
import { SealImage } from './SealImage.tsx';
import {
  ACTION_LABELS,
  isDeptAdmin,
  isOfficeAdmin,
  OFFICE_NEXT,
  SEAL_KIND_LABELS,
  SEAL_STATE_LABELS,
  SEAL_STATES,
  SEAL_TONE,
  type SealAction,
  type SealPublicView,
  type SealState,
  sealPath,
} from './seals.ts';
import { Validity } from './Validity.tsx';

const TODO_STATES = Object.keys(OFFICE_NEXT) as SealState[];
const muted = { color: 'rgba(0, 0, 0, 0.65)', fontSize: 13 } as const;

function LabelledSelect<V extends string>({
  label,
  value,
  options,
  onChange,
  testId,
  width,
}: {
  label: string;
  value: V | undefined;
  options: { value: V; label: string }[];
  onChange: (v: V | undefined) => void;
  testId: string;
  width: number;
}) {
  const id = useId();
  return (
    <Flex gap={8} align="center">
      <label htmlFor={id} style={{ flex: 'none' }}>
        {label}
      </label>
      <Select<V | ''>
        id={id}
        value={value ?? ''}
        onChange={(v) => onChange(v || undefined)}
        options={[{ value: '', label: '全部' }, ...options]}
        showSearch={options.length > 8 ? { optionFilterProp: 'label' } : false}
        style={{ width, maxWidth: 'calc(100vw - 140px)' }}
        data-testid={testId}
      />
    </Flex>
  );
}

/** The office's 待办: how many seals wait for each of its steps; a click filters the list to them. */
function OfficeTodo({
  seals,
  state,
  onPick,
}: {
  seals: SealPublicView[];
  state: SealState | undefined;
  onPick: (s: SealState | undefined) => void;
}) {
  return (
    <Flex gap={8} wrap style={{ marginBottom: 12 }} role="group" aria-label="待办">
      {TODO_STATES.map((s) => {
        const count = seals.filter((x) => x.state === s).length;
        const action = OFFICE_NEXT[s] as SealAction;
        return (
          <Button
            key={s}
            type={state === s ? 'primary' : 'default'}
            aria-pressed={state === s}
            onClick={() => onPick(state === s ? undefined : s)}
            data-testid={`todo-${s}`}
          >
            待{ACTION_LABELS[action]}
            <strong style={{ marginInlineStart: 4, color: count > 0 && state !== s ? '#a8071a' : undefined }}>
              {count}
            </strong>
          </Button>
        );
      })}
    </Flex>
  );
}

function SealCell({ seal, isOffice }: { seal: SealPublicView; isOffice: boolean }) {
  return (
    <div data-testid={`seal-${seal.code}`} style={{ minWidth: 0 }}>
      <Link to={sealPath(seal.id)} style={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
        {seal.name}
      </Link>
      <div style={muted}>
        {SEAL_KIND_LABELS[seal.kind]} · {seal.code}
      </div>
      {isOffice ? <div style={muted}>{seal.departmentName}</div> : null}
    </div>
  );
}

function StateCell({ seal }: { seal: SealPublicView }) {
  return (
    <>
      <StatusTag tone={SEAL_TONE[seal.state]}>{SEAL_STATE_LABELS[seal.state]}</StatusTag>
      {seal.lostAt ? <div style={muted}>挂失于 {when(seal.lostAt)}</div> : null}
    </>
  );
}

export default function SealList() {
  useTitle('印章管理');
  const { me } = useSession();
  const roles = me?.roles ?? [];
  const isOffice = isOfficeAdmin(roles);
  const canApply = isDeptAdmin(roles) && !!me?.department;
  const [state, setState] = useState<SealState | undefined>();
  const [departmentId, setDepartmentId] = useState<string | undefined>();
  const [isApplying, setApplying] = useState(false);
  const [notice, contextHolder] = message.useMessage();
  const isWide = Grid.useBreakpoint().md ?? true;
  const { data, error, isLoading, reload } = useLoad<{ items: SealPublicView[] }>('/api/seals');
  const all = data?.items ?? [];
  const departments = [...new Map(all.map((s) => [s.departmentId, s.departmentName])).entries()]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  const inDepartment = departmentId ? all.filter((s) => s.departmentId === departmentId) : all;
  const filtered = state ? inDepartment.filter((s) => s.state === state) : inDepartment;
  // the office's 待办 first (a stable sort keeps the server's order inside each group)
  const shown = isOffice
    ? [...filtered].sort((a, b) => Number(!OFFICE_NEXT[a.state]) - Number(!OFFICE_NEXT[b.state]))
    : filtered;
  const step = useSealActionDialog((_, action) => {
    void notice.success(`已${ACTION_LABELS[action]}`);
    void reload();
  });
  const actions = (s: SealPublicView) => <SealActions seal={s} onPick={step.pick} size="small" />;

  return (
    <PageCard
      title="印章管理"
      extra={
        canApply ? (
          <Button type="primary" onClick={() => setApplying(true)} data-testid="apply-seal">
            申请印章
          </Button>
        ) : null
      }
    >
      {contextHolder}
      <p style={{ marginTop: 0 }}>
        {isOffice
          ? '各部门的电子印章：审核申请，制作、备案并发放印章，处理挂失和销毁。'
          : `${me?.department?.name ?? '本部门'}的电子印章。发放后的印章用于电子证照等办理结果的签章。`}
      </p>
      {isOffice ? <OfficeTodo seals={inDepartment} state={state} onPick={setState} /> : null}
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <LabelledSelect
          label="印章状态"
          value={state}
          onChange={setState}
          options={SEAL_STATES.map((s) => ({ value: s, label: SEAL_STATE_LABELS[s] }))}
          testId="seal-state-filter"
          width={130}
        />
        {isOffice ? (
          <LabelledSelect
            label="部门"
            value={departmentId}
            onChange={setDepartmentId}
            options={departments}
            testId="seal-department-filter"
            width={260}
          />
        ) : null}
      </Flex>
      <ProblemAlert error={error} />
      <Table<SealPublicView>
        rowKey="id"
        loading={isLoading}
        dataSource={shown}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={isWide ? { x: 900 } : undefined}
        locale={{ emptyText: <EmptyText>{state ? '没有该状态的印章' : '暂无印章'}</EmptyText> }}
        columns={
          isWide
            ? [
                {
                  title: '印模',
                  width: 88,
                  render: (_, s) => <SealImage seal={s} size={64} />,
                },
                { title: '印章', render: (_, s) => <SealCell seal={s} isOffice={isOffice} /> },
                { title: '状态', width: 150, render: (_, s) => <StateCell seal={s} /> },
                { title: '有效期', width: 210, render: (_, s) => <Validity seal={s} /> },
                { title: '操作', width: 200, render: (_, s) => actions(s) },
              ]
            : [
                {
                  title: '印章',
                  render: (_, s) => (
                    <Flex gap={12} align="flex-start">
                      <SealImage seal={s} size={56} />
                      <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
                        <SealCell seal={s} isOffice={isOffice} />
                        <div>
                          <StateCell seal={s} />
                        </div>
                        <div style={muted}>
                          有效期 <Validity seal={s} />
                        </div>
                        {actions(s)}
                      </Flex>
                    </Flex>
                  ),
                },
              ]
        }
      />
      {step.dialog}
      {isApplying && me?.department ? (
        <ApplyDialog
          departmentName={me.department.name}
          onClose={() => setApplying(false)}
          onDone={(seal) => {
            setApplying(false);
            void notice.success(`已提交申请，印章编码 ${seal.code}`);
            void reload();
          }}
        />
      ) : null}
    </PageCard>
  );
}
