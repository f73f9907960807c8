// 证照管理 (/workbench/licenses): the licenses the staff member's department issued, newest first, filtered
// by status; the department admin and head change a license's status (暂扣、撤销、注销、失效、吊销, 恢复
// while suspended) with a reason, through StatusDialog.
import { DownOutlined } from '@ant-design/icons';
import { Button, Dropdown, Flex, Select, Table } from 'antd';
import { useId, useState } from 'react';
import { query } from '../../api.ts';
import { when } from '../../common/catalog.ts';
import { EmptyText } from '../../common/EmptyText.tsx';
import {
  LICENSE_STATUS_LABELS,
  LICENSE_STATUSES,
  LICENSE_TONE,
  type LicenseStatus,
  type LicenseView,
  validity,
  verifyPath,
} from '../../common/licenses.ts';
import { PageCard } from '../../common/PageCard.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { StatusTag } from '../../common/StatusTag.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { useTitle } from '../../common/useTitle.ts';
import { useSession } from '../../session.tsx';
import { ACTION_LABEL, actionsFor } from './actions.ts';
import { StatusDialog } from './StatusDialog.tsx';

/** the server's page size of GET /api/licenses/department */
const PAGE_SIZE = 50;

function StatusFilter({
  value,
  onChange,
}: {
  value: LicenseStatus | undefined;
  onChange: (v: LicenseStatus | undefined) => void;
}) {
  const id = useId();
  return (
    <Flex gap={8} align="center">
      <label htmlFor={id}>证照状态</label>
      <Select
        id={id}
        value={value ?? ''}
        onChange={(v: LicenseStatus | '') => onChange(v || undefined)}
        options={[
          { value: '', label: '全部' },
          ...LICENSE_STATUSES.map((s) => ({ value: s, label: LICENSE_STATUS_LABELS[s] })),
        ]}
        style={{ width: 120 }}
        data-testid="license-status-filter"
      />
    </Flex>
  );
}

/** The status changes a department admin or head may make on one license, as a menu (none once final). */
function StatusMenu({ license, onPick }: { license: LicenseView; onPick: (target: LicenseStatus) => void }) {
  const targets = actionsFor(license.status);
  if (!targets.length) return null;
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: targets.map((t) => ({ key: t, label: ACTION_LABEL[t] })),
        onClick: ({ key }) => onPick(key as LicenseStatus),
      }}
    >
      <Button size="small" aria-label={`变更状态：${license.licenseNo}`}>
        变更状态 <DownOutlined aria-hidden />
      </Button>
    </Dropdown>
  );
}

export default function DepartmentLicenses() {
  useTitle('证照管理');
  const { me } = useSession();
  const canManage = !!me?.roles.some((r) => r === 'dept_admin' || r === 'dept_head');
  const [status, setStatus] = useState<LicenseStatus | undefined>();
  const [page, setPage] = useState(1);
  const [acting, setActing] = useState<{ license: LicenseView; target: LicenseStatus } | null>(null);
  const { data, error, isLoading, reload } = useLoad<{ items: LicenseView[] }>(
    `/api/licenses/department${query({ status, page })}`,
  );
  const items = data?.items ?? [];
  return (
    <PageCard title="证照管理">
      <p style={{ marginTop: 0 }}>{me?.department?.name ?? '本部门'}签发的电子证照。</p>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <StatusFilter
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
        />
      </Flex>
      <ProblemAlert error={error} />
      <Table<LicenseView>
        rowKey="id"
        loading={isLoading}
        dataSource={items}
        scroll={{ x: 'max-content' }}
        pagination={false}
        locale={{ emptyText: <EmptyText>暂无电子证照</EmptyText> }}
        columns={[
          {
            title: '证照',
            render: (_, l) => (
              <div style={{ minWidth: 200 }}>
                <div style={{ fontWeight: 600 }}>{l.typeName}</div>
                <div style={{ color: 'rgba(0, 0, 0, 0.65)', fontSize: 13 }}>{l.licenseNo}</div>
                <Flex gap={8} wrap align="center" style={{ marginTop: 4 }}>
                  <StatusTag tone={LICENSE_TONE[l.status]}>{l.statusLabel}</StatusTag>
                  {canManage ? (
                    <StatusMenu license={l} onPick={(target) => setActing({ license: l, target })} />
                  ) : null}
                  <a
                    href={verifyPath(l.identifier)}
                    target="_blank"
                    rel="noreferrer"
                    style={{ fontSize: 13 }}
                  >
                    核验
                  </a>
                </Flex>
                {l.statusReason ? (
                  <div style={{ color: 'rgba(0, 0, 0, 0.65)', fontSize: 13, marginTop: 4 }}>
                    {l.statusLabel}原因：{l.statusReason}
                  </div>
                ) : null}
              </div>
            ),
          },
          {
            title: '持证主体',
            render: (_, l) => (
              <>
                <div>{l.holderName}</div>
                <div style={{ color: 'rgba(0, 0, 0, 0.65)', fontSize: 13 }}>{l.holderCodeMasked}</div>
              </>
            ),
          },
          { title: '有效期', responsive: ['md'], render: (_, l) => validity(l.validFrom, l.validTo) },
          { title: '签发时间', responsive: ['lg'], render: (_, l) => when(l.issuedAt) },
        ]}
      />
      {page > 1 || items.length === PAGE_SIZE ? (
        <Flex gap={8} justify="flex-end" style={{ marginTop: 12 }}>
          <Button disabled={page === 1} onClick={() => setPage(page - 1)}>
            上一页
          </Button>
          <span style={{ alignSelf: 'center' }}>第 {page} 页</span>
          <Button disabled={items.length < PAGE_SIZE} onClick={() => setPage(page + 1)}>
            下一页
          </Button>
        </Flex>
      ) : null}
      {acting ? (
        <StatusDialog
          license={acting.license}
          target={acting.target}
          onClose={() => {
            // a refused change may mean the license moved meanwhile: show it as it is now
            setActing(null);
            void reload();
          }}
          onDone={() => {
            setActing(null);
            void reload();
          }}
        />
      ) : null}
    </PageCard>
  );
}
