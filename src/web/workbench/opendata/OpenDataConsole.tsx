// 数据开放管理 (/workbench/opendata): 数据局 opens published resources whose 开放属性 allows it, choosing
// per data item how it is desensitised (sensitive items cannot be kept), which counts to offer and the
// small-count threshold; re-opens with new rules; unpublishes with a reason.
import {
  Alert,
  Button,
  Card,
  Drawer,
  Flex,
  Grid,
  Input,
  InputNumber,
  Modal,
  message,
  Select,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { post } from '../../api.ts';
import { EmptyText } from '../../common/EmptyText.tsx';
import { OPEN_TYPE, type OpenRule, RULE_LABEL, SENSITIVITY, type Source } from '../../common/opendata.ts';
import { PageCard } from '../../common/PageCard.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { StatusTag } from '../../common/StatusTag.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { useTitle } from '../../common/useTitle.ts';

type Item = Source['items'][number];
const NUMERIC = new Set(['N', 'Y', 'I', 'B', 'F']);

/** The rules that fit an item, as select options (keep is never offered for a sensitive item). */
function optionsFor(item: Item) {
  const text = item.type === 'C' || item.type === 'M';
  const sensitive = item.sensitivity !== 'general';
  const keys = [
    ...(sensitive ? [] : ['keep']),
    'drop',
    ...(sensitive || text ? ['mask'] : []),
    ...(item.type === 'D' || item.type === 'T' ? ['generalise:year', 'generalise:year-month'] : []),
    ...(NUMERIC.has(item.type) ? ['generalise:band'] : []),
    ...(text && !sensitive ? ['generalise:county'] : []),
  ];
  return keys.map((k) => ({ value: k, label: RULE_LABEL[k] ?? k }));
}
const toKey = (r: OpenRule) => (r.rule === 'generalise' ? `generalise:${r.to}` : r.rule);
function toRule(key: string, width: number | undefined): OpenRule {
  if (!key.startsWith('generalise:')) return { rule: key as OpenRule['rule'] };
  const to = key.slice('generalise:'.length) as NonNullable<OpenRule['to']>;
  return to === 'band' ? { rule: 'generalise', to, width: width ?? 10 } : { rule: 'generalise', to };
}
const defaultKey = (item: Item) =>
  item.sensitivity === 'id-number' ? 'drop' : item.sensitivity === 'general' ? 'keep' : 'mask';

function PublishDrawer({
  source,
  onClose,
  onDone,
}: {
  source: Source;
  onClose: () => void;
  onDone: () => void;
}) {
  const screens = Grid.useBreakpoint();
  const existing = source.dataset;
  const [keys, setKeys] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      source.items.map((i) => {
        const r = existing?.rules[i.key];
        return [i.key, r ? toKey(r) : defaultKey(i)];
      }),
    ),
  );
  const [widths, setWidths] = useState<Record<string, number>>(() =>
    Object.fromEntries(
      Object.entries(existing?.rules ?? {}).flatMap(([k, r]) => (r.width ? [[k, r.width]] : [])),
    ),
  );
  const [aggregates, setAggregates] = useState<string[]>(existing?.aggregates ?? []);
  const [k, setK] = useState<number>(existing?.k ?? 5);
  const [license, setLicense] = useState<string>(existing?.license ?? 'cc-by-4.0');
  const [tags, setTags] = useState<string[]>(existing?.tags ?? []);
  const [error, setError] = useState<unknown>(null);
  const [isSaving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    try {
      const rules = Object.fromEntries(
        source.items.map((i) => [i.key, toRule(keys[i.key] ?? 'drop', widths[i.key])]),
      );
      await post('/api/opendata/datasets', {
        resourceId: source.resourceId,
        rules,
        aggregates,
        k,
        license,
        tags,
      });
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  const aggregatable = source.items.filter((i) => i.sensitivity === 'general' && keys[i.key] !== 'drop');
  return (
    <Drawer
      open
      onClose={onClose}
      size={screens.md ? 600 : '100%'}
      title={`开放设置 · ${source.name}`}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={isSaving} onClick={save} data-testid="open-save">
            {existing?.state === 'published' ? '保存并重建' : '开放'}
          </Button>
        </Flex>
      }
    >
      {source.openConditions ? (
        <Alert
          type="warning"
          showIcon
          title={`${OPEN_TYPE[source.openType]}：开放条件`}
          description={source.openConditions}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <ProblemAlert error={error} />
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        信息项脱敏规则
      </Typography.Title>
      <p style={{ marginTop: 0 }}>敏感信息项（身份证号、手机号、姓名）只能不开放或遮蔽。</p>
      <Flex vertical gap={8} style={{ marginBottom: 16 }}>
        {source.items.map((i) => (
          <Flex key={i.key} wrap gap={8} align="center" data-testid={`rule-${i.key}`}>
            <span style={{ minWidth: 140 }} id={`rule-label-${i.key}`}>
              {i.name}
              {i.sensitivity !== 'general' ? (
                <StatusTag tone="danger">{SENSITIVITY[i.sensitivity]}</StatusTag>
              ) : null}
            </span>
            <Select
              aria-labelledby={`rule-label-${i.key}`}
              style={{ width: 160 }}
              value={keys[i.key]}
              options={optionsFor(i)}
              onChange={(v) => setKeys({ ...keys, [i.key]: v })}
            />
            {keys[i.key] === 'generalise:band' ? (
              <InputNumber
                aria-label={`${i.name}分段宽度`}
                min={1}
                value={widths[i.key] ?? 10}
                onChange={(v) => setWidths({ ...widths, [i.key]: Number(v ?? 10) })}
              />
            ) : null}
          </Flex>
        ))}
      </Flex>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        统计与许可
      </Typography.Title>
      <Flex vertical gap={8}>
        <label htmlFor="open-aggregates">提供分组计数的信息项（可不选）</label>
        <Select
          id="open-aggregates"
          mode="multiple"
          style={{ width: '100%' }}
          value={aggregates.filter((a) => aggregatable.some((i) => i.key === a))}
          options={aggregatable.map((i) => ({ value: i.key, label: i.name }))}
          onChange={setAggregates}
        />
        <label htmlFor="open-k">小数抑制阈值（少于此数的分组不公布）</label>
        <InputNumber id="open-k" min={2} max={100} value={k} onChange={(v) => setK(Number(v ?? 5))} />
        <label htmlFor="open-license">许可协议</label>
        <Select
          id="open-license"
          style={{ width: '100%' }}
          value={license}
          onChange={setLicense}
          options={[
            { value: 'cc-by-4.0', label: '知识共享署名 4.0（CC BY 4.0）' },
            { value: 'cc0-1.0', label: 'CC0 1.0 公共领域贡献' },
          ]}
        />
        <label htmlFor="open-tags">标签（回车添加；不填则按资源分类）</label>
        <Select id="open-tags" mode="tags" style={{ width: '100%' }} value={tags} onChange={setTags} />
      </Flex>
    </Drawer>
  );
}

export default function OpenDataConsole() {
  useTitle('数据开放管理');
  const { data, error, isLoading, reload } = useLoad<{ items: Source[] }>('/api/opendata/sources');
  const [editing, setEditing] = useState<Source | null>(null);
  const [closing, setClosing] = useState<Source | null>(null);
  const [reason, setReason] = useState('');
  const [actionError, setActionError] = useState<unknown>(null);
  const [notice, holder] = message.useMessage();
  const screens = Grid.useBreakpoint();
  const stateTag = (s: Source) =>
    s.dataset?.state === 'published' ? (
      <StatusTag tone="info">已开放</StatusTag>
    ) : s.dataset ? (
      <StatusTag tone="neutral">已下线</StatusTag>
    ) : (
      <StatusTag tone="neutral">未开放</StatusTag>
    );
  const openTag = (s: Source) => (
    <StatusTag tone={s.openType === 'conditional' ? 'warning' : 'success'}>{OPEN_TYPE[s.openType]}</StatusTag>
  );
  const actions = (s: Source) => (
    <Flex wrap gap={4}>
      <Button size="small" type="link" onClick={() => setEditing(s)} data-testid="open-edit">
        {s.dataset?.state === 'published' ? '调整规则' : '开放'}
      </Button>
      {s.dataset?.state === 'published' ? (
        <>
          <Button size="small" type="link" href={`/open/${s.dataset.name}`} target="_blank">
            查看
          </Button>
          <Button size="small" type="link" danger onClick={() => setClosing(s)}>
            下线
          </Button>
        </>
      ) : null}
    </Flex>
  );
  const items = data?.items ?? [];
  const unpublish = async () => {
    if (!closing) return;
    try {
      await post(`/api/opendata/resources/${closing.resourceId}/unpublish`, { reason });
      setClosing(null);
      setReason('');
      void notice.success('已下线');
      await reload();
    } catch (e) {
      setActionError(e);
    }
  };
  return (
    <PageCard title="数据开放管理">
      {holder}
      <p style={{ marginTop: 0 }}>
        已发布且开放属性为“无条件开放”或“有条件开放”的信息资源。开放后按脱敏规则生成数据快照，资源每次挂接新数据时自动重建。
      </p>
      <ProblemAlert error={error} />
      {screens.md ? (
        <Table
          rowKey="resourceId"
          loading={isLoading}
          pagination={false}
          locale={{ emptyText: <EmptyText>暂无可开放的信息资源</EmptyText> }}
          dataSource={items}
          columns={[
            {
              key: 'name',
              title: '信息资源',
              render: (_: unknown, s: Source) => (
                <>
                  <div>{s.name}</div>
                  <div style={{ color: 'rgba(0,0,0,0.65)', fontSize: 12 }}>{s.code}</div>
                </>
              ),
            },
            { key: 'dept', title: '提供部门', dataIndex: 'departmentName' },
            { key: 'open', title: '开放属性', render: (_: unknown, s: Source) => openTag(s) },
            {
              key: 'data',
              title: '数据',
              render: (_: unknown, s: Source) => (s.hasData ? '已挂接' : '未挂接'),
            },
            { key: 'state', title: '开放状态', render: (_: unknown, s: Source) => stateTag(s) },
            { key: 'actions', title: '操作', render: (_: unknown, s: Source) => actions(s) },
          ]}
        />
      ) : (
        <Flex vertical gap={12}>
          {items.length === 0 && !isLoading ? <EmptyText>暂无可开放的信息资源</EmptyText> : null}
          {items.map((s) => (
            <Card
              key={s.resourceId}
              size="small"
              title={<h2 style={{ fontSize: 15, margin: 0, whiteSpace: 'normal' }}>{s.name}</h2>}
            >
              <div>
                {s.code} · {s.departmentName}
              </div>
              <Flex wrap gap={8} align="center" style={{ margin: '8px 0' }}>
                {openTag(s)}
                {stateTag(s)}
                <span>{s.hasData ? '已挂接数据' : '未挂接数据'}</span>
              </Flex>
              {actions(s)}
            </Card>
          ))}
        </Flex>
      )}
      {editing ? (
        <PublishDrawer
          source={editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            void notice.success('已开放，数据快照已生成');
            void reload();
          }}
        />
      ) : null}
      <Modal
        open={closing !== null}
        title={`下线 · ${closing?.name ?? ''}`}
        okText="下线"
        okButtonProps={{ danger: true, disabled: reason.trim() === '' }}
        cancelText="取消"
        onOk={unpublish}
        onCancel={() => setClosing(null)}
      >
        <ProblemAlert error={actionError} />
        <label htmlFor="unpublish-reason">下线原因</label>
        <Input.TextArea
          id="unpublish-reason"
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
        />
      </Modal>
    </PageCard>
  );
}
