// 信息资源详情 (/workbench/sharing/resources/:id): the metadata and data items of a resource. Its
// department's data officer edits and submits it and mounts data once published; 数据局 approves or
// rejects a submitted version with a reason; other staff read the published version.
import { Alert, Button, Descriptions, Flex, Grid, Input, Modal, message, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { post } from '../../api.ts';
import { when } from '../../common/catalog.ts';
import { PageCard } from '../../common/PageCard.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { StatusTag } from '../../common/StatusTag.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { useTitle } from '../../common/useTitle.ts';
import { useSession } from '../../session.tsx';
import { SubscribeButton } from './exchange/SubscribeButton.tsx';
import { Subscribers } from './exchange/Subscribers.tsx';
import { RequestShareButton } from './grants/RequestShareButton.tsx';
import { MountPanel } from './MountPanel.tsx';
import {
  CYCLE_LABEL,
  type DataItem,
  METHOD_LABEL,
  OPEN_LABEL,
  type ResourceView,
  SENSITIVITY_LABEL,
  SHARE_LABEL,
  STATE_LABEL,
  STATE_TONE,
  TYPE_LABEL,
} from './sharing.ts';

function rulesText(item: DataItem): string {
  const r = item.rules;
  const parts: string[] = [];
  if (r.check)
    parts.push({ uscc: '统一社会信用代码校验', 'id-number': '身份证号校验', phone: '手机号校验' }[r.check]);
  if (r.isUnique) parts.push('唯一');
  if (r.pattern) parts.push(`格式 ${r.pattern}`);
  if (r.min !== undefined || r.max !== undefined) parts.push(`范围 ${r.min ?? '…'}–${r.max ?? '…'}`);
  if (r.codes) parts.push(`代码表 ${r.codes.join('/')}`);
  if (r.references) parts.push(`引用 ${r.references.resourceCode}.${r.references.itemKey}`);
  return parts.join('；') || '—';
}

function Metadata({ r }: { r: ResourceView }) {
  const c = r.classification;
  const isWide = Grid.useBreakpoint().md ?? true;
  return (
    <Descriptions
      size="small"
      bordered
      layout={isWide ? 'horizontal' : 'vertical'}
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'code', label: '资源代码', children: r.code ?? '发布时分配' },
        { key: 'provider', label: '提供方', children: `${r.departmentName}（${r.departmentCode}）` },
        {
          key: 'class',
          label: '资源分类',
          children: `${c.attributeName} › ${c.xiang.code} ${c.xiang.name} › ${c.mu.code} ${c.mu.name}${c.ximu ? ` › ${c.ximu.code} ${c.ximu.name}` : ''}`,
        },
        { key: 'format', label: '资源格式', children: r.format },
        {
          key: 'share',
          label: '共享属性',
          children: `${SHARE_LABEL[r.shareType]}${r.shareConditions ? `：${r.shareConditions}` : ''}${r.shareBasis ? `（依据：${r.shareBasis}）` : ''}`,
        },
        {
          key: 'method',
          label: '共享方式',
          children: METHOD_LABEL[r.shareMethod as keyof typeof METHOD_LABEL] ?? r.shareMethod,
        },
        {
          key: 'open',
          label: '开放属性',
          children: `${OPEN_LABEL[r.openType]}${r.openConditions ? `：${r.openConditions}` : ''}`,
        },
        { key: 'cycle', label: '更新周期', children: CYCLE_LABEL[r.updateCycle] },
        { key: 'published', label: '发布日期', children: when(r.publishedAt, true) },
        { key: 'related', label: '关联资源', children: r.relatedCodes.join('、') || '—' },
        { key: 'summary', label: '摘要', span: 2, children: r.summary },
      ]}
    />
  );
}

export default function ResourceDetail() {
  const { id = '' } = useParams();
  const { me } = useSession();
  const { data: r, error, reload } = useLoad<ResourceView>(`/api/sharing/resources/${id}`);
  useTitle(r?.name ?? '信息资源');
  const [notice, holder] = message.useMessage();
  const [actionError, setActionError] = useState<unknown>(null);
  const [isRejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const roles = me?.roles ?? [];
  const isOwner = !!r && roles.includes('data_officer') && me?.department?.id === r.departmentId;
  const isReviewer = roles.includes('data_reviewer');

  async function act(path: string, done: string, body?: object) {
    setActionError(null);
    try {
      await post(`/api/sharing/resources/${id}/${path}`, body);
      void notice.success(done);
      setRejecting(false);
      void reload();
    } catch (e) {
      setActionError(e);
    }
  }

  if (!r) return <PageCard title="信息资源">{error ? <ProblemAlert error={error} /> : '加载中…'}</PageCard>;
  const canEdit = isOwner && r.state !== 'submitted';
  return (
    <PageCard
      title={r.name}
      extra={
        <Flex gap={8} wrap>
          {canEdit ? (
            <Link to={`/workbench/sharing/resources/${r.id}/edit`}>
              <Button data-testid="edit-resource">
                {r.state === 'published' ? '修改（生成新版本）' : '修改'}
              </Button>
            </Link>
          ) : null}
          {isOwner && (r.state === 'draft' || r.state === 'rejected') ? (
            <Button
              type="primary"
              onClick={() => act('submit', '已提交数据局审核')}
              data-testid="submit-resource"
            >
              提交审核
            </Button>
          ) : null}
          {roles.includes('data_officer') && r.publishedVersion ? (
            <SubscribeButton resourceId={r.id} />
          ) : null}
          {roles.includes('data_officer') && !isOwner && r.publishedVersion && r.shareType !== 'none' ? (
            <RequestShareButton resourceId={r.id} items={r.items} />
          ) : null}
          {isReviewer && r.state === 'submitted' ? (
            <>
              <Button type="primary" onClick={() => act('approve', '已发布')} data-testid="approve-resource">
                通过并发布
              </Button>
              <Button danger onClick={() => setRejecting(true)} data-testid="reject-resource">
                退回
              </Button>
            </>
          ) : null}
        </Flex>
      }
    >
      {holder}
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <StatusTag tone={STATE_TONE[r.state]}>{STATE_LABEL[r.state]}</StatusTag>
        <span>第 {r.version} 版</span>
        {r.publishedVersion && r.publishedVersion !== r.version ? (
          <span>（目录中仍为第 {r.publishedVersion} 版）</span>
        ) : null}
      </Flex>
      {r.rejectReason && r.state === 'rejected' ? (
        <Alert
          type="warning"
          showIcon
          title="数据局退回"
          description={r.rejectReason}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <ProblemAlert error={actionError} />
      <Metadata r={r} />
      <Typography.Title level={2} style={{ fontSize: 17, marginTop: 20 }}>
        信息项（{r.items.length}）
      </Typography.Title>
      {/* the wide table scrolls inside a region a keyboard can reach (axe: scrollable-region-focusable) */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region */}
      <section tabIndex={0} aria-label="信息项" style={{ overflowX: 'auto' }}>
        <Table<DataItem>
          rowKey="key"
          size="small"
          style={{ minWidth: 720 }}
          pagination={false}
          dataSource={r.items}
          columns={[
            { title: '名称', render: (_, i) => `${i.name}${i.isRequired ? '（必填）' : ''}` },
            { title: '英文名', render: (_, i) => i.key },
            { title: '类型', render: (_, i) => `${TYPE_LABEL[i.type]}${i.length ? `(${i.length})` : ''}` },
            { title: '敏感', render: (_, i) => SENSITIVITY_LABEL[i.sensitivity] },
            { title: '质量规则', render: (_, i) => rulesText(i) },
          ]}
          data-testid="items"
        />
      </section>
      {r.publishedVersion && (isOwner || isReviewer) ? (
        <div style={{ marginTop: 20 }}>
          <MountPanel resource={r} canUpload={isOwner} />
        </div>
      ) : null}
      {r.publishedVersion && (isOwner || isReviewer) ? <Subscribers resourceId={r.id} /> : null}
      <Modal
        open={isRejecting}
        title="退回信息资源"
        okText="退回"
        cancelText="取消"
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        onOk={() => act('reject', '已退回', { reason })}
        onCancel={() => setRejecting(false)}
      >
        <label htmlFor="reject-reason">退回原因</label>
        <Input.TextArea
          id="reject-reason"
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </PageCard>
  );
}
