// Choosing the item a walk-in applicant applies for: the clerk's own department's items at first, any
// item of the city by search (一窗受理 takes every item).
import { Button, Input, List, Typography } from 'antd';
import { useState } from 'react';
import { query } from '../../api.ts';
import type { ItemSummary } from '../../common/catalog.ts';
import { EmptyText } from '../../common/EmptyText.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { hitsOf, type SearchAnswer } from '../../portal/catalog/search-types.ts';
import { useSession } from '../../session.tsx';

export type PickedItem = { implementationId: string; name: string; departmentName: string | null };

export function ItemPicker({ onPick }: { onPick: (item: PickedItem) => void }) {
  const { me } = useSession();
  const [q, setQ] = useState('');
  const own = useLoad<{ items: ItemSummary[] }>(
    !q && me?.department
      ? `/api/catalog/items${query({ department: me.department.id, pageSize: 100 })}`
      : null,
  );
  const found = useLoad<SearchAnswer>(q ? `/api/catalog/search${query({ q, pageSize: 20 })}` : null);
  const items: PickedItem[] = q
    ? (found.data ? hitsOf(found.data) : []).map((h) => ({
        implementationId: h.implementationId,
        name: h.name,
        departmentName: h.departmentName ?? h.department?.name ?? null,
      }))
    : (own.data?.items ?? []).map((i) => ({
        implementationId: i.implementationId,
        name: i.name,
        departmentName: me?.department?.name ?? null,
      }));
  return (
    <div data-testid="item-picker">
      <Input.Search
        allowClear
        enterButton="搜索"
        aria-label="搜索事项"
        placeholder="输入事项名称或关键词，如：食品经营许可"
        onSearch={(v) => setQ(v.trim())}
        style={{ maxWidth: 480, marginBottom: 8 }}
        data-testid="item-search"
      />
      <Typography.Paragraph type="secondary" style={{ margin: '0 0 8px' }}>
        {q ? `“${q}”的搜索结果` : '本部门事项（可搜索全市任意事项）'}
      </Typography.Paragraph>
      <ProblemAlert error={q ? found.error : own.error} />
      <List
        size="small"
        bordered
        loading={q ? found.isLoading : own.isLoading}
        dataSource={items}
        locale={{ emptyText: <EmptyText>没有找到事项</EmptyText> }}
        style={{ maxHeight: 420, overflowY: 'auto', background: '#fff' }}
        renderItem={(item) => (
          <List.Item
            key={item.implementationId}
            actions={[
              <Button
                key="pick"
                size="small"
                type="primary"
                onClick={() => onPick(item)}
                aria-label={`选择 ${item.name}`}
                data-testid={`pick-${item.name}`}
              >
                选择
              </Button>,
            ]}
          >
            <div style={{ minWidth: 0 }}>
              <div style={{ overflowWrap: 'anywhere' }}>{item.name}</div>
              {item.departmentName ? (
                <div style={{ color: 'rgba(0, 0, 0, 0.65)', fontSize: 13 }}>{item.departmentName}</div>
              ) : null}
            </div>
          </List.Item>
        )}
      />
    </div>
  );
}
