// 我的草稿 (/mine/drafts): the applications saved but not yet submitted, on any device — continue one, or
// delete it. A draft knows only its item's id, so the item names come from the items' forms.
import { Button, Card, Empty, Flex, List, Popconfirm, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { del, get } from '../../api.ts';
import { applyPath, type DraftView, type ItemForm } from '../../common/cases.ts';
import { when } from '../../common/catalog.ts';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { RequireCitizen } from './RequireCitizen.tsx';

function useItemNames(ids: string[]): Record<string, string> {
  const [names, setNames] = useState<Record<string, string>>({});
  const key = [...new Set(ids)].sort().join(',');
  useEffect(() => {
    if (!key) return;
    void Promise.all(
      key.split(',').map((id) =>
        get<ItemForm>(`/api/cases/forms/${id}`).then(
          (f) => [id, f.itemName] as const,
          () => [id, '（事项已下线）'] as const,
        ),
      ),
    ).then((pairs) => setNames(Object.fromEntries(pairs)));
  }, [key]);
  return names;
}

function DraftList() {
  const { data, error, isLoading, reload } = useLoad<{ items: DraftView[] }>('/api/cases/drafts');
  const [actionError, setActionError] = useState<unknown>(null);
  const drafts = data?.items ?? [];
  const names = useItemNames(drafts.map((d) => d.implementationId));
  async function remove(id: string) {
    setActionError(null);
    try {
      await del(`/api/cases/drafts/${id}`);
      await reload();
    } catch (e) {
      setActionError(e);
    }
  }
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          我的草稿
        </Typography.Title>
        <Link to="/mine/cases">我的办件</Link>
      </Flex>
      <Card styles={{ body: { padding: 12 } }}>
        <ProblemAlert error={error ?? actionError} />
        <List
          loading={isLoading}
          dataSource={drafts}
          locale={{ emptyText: <Empty description="没有未提交的草稿" /> }}
          renderItem={(d) => {
            const name = names[d.implementationId] ?? '…';
            return (
              <List.Item key={d.id} data-testid="draft">
                <Flex justify="space-between" align="center" wrap gap={8} style={{ width: '100%' }}>
                  <div style={{ minWidth: 0 }}>
                    <Link
                      to={applyPath(d.implementationId, d.id)}
                      style={{ fontWeight: 600, overflowWrap: 'anywhere' }}
                    >
                      {name}
                    </Link>
                    <div style={{ color: 'rgba(0, 0, 0, 0.65)', fontSize: 13 }}>
                      保存于 {when(d.updatedAt)} · 已上传 {d.content.materials.length} 项材料
                    </div>
                  </div>
                  <Popconfirm
                    title="删除这份草稿？"
                    okText="删除"
                    cancelText="取消"
                    onConfirm={() => remove(d.id)}
                  >
                    <Button danger size="small" aria-label={`删除草稿：${name}`}>
                      删除
                    </Button>
                  </Popconfirm>
                </Flex>
              </List.Item>
            );
          }}
        />
      </Card>
    </Flex>
  );
}

export default function Drafts() {
  return (
    <RequireCitizen>
      <DraftList />
    </RequireCitizen>
  );
}
