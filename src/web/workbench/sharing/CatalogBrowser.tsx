// 数据共享 · 资源目录 (/workbench/sharing): every member of staff browses the published catalog — a tree by
// resource attribute (基础/主题/部门 → 项 → 目) and by provider department, and Chinese search.
import { Col, Flex, Input, Row, Segmented, Table, Tree, type TreeDataNode } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { query } from '../../api.ts';
import { when } from '../../common/catalog.ts';
import { EmptyText } from '../../common/EmptyText.tsx';
import { PageCard } from '../../common/PageCard.tsx';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { useLoad } from '../../common/useLoad.ts';
import { useTitle } from '../../common/useTitle.ts';
import {
  ATTRIBUTE_LABEL,
  type CatalogTree,
  CYCLE_LABEL,
  type ResourcePage,
  type ResourceSummary,
  resourcePath,
  SHARE_LABEL,
} from './sharing.ts';

type Filter = { attribute?: string; xiang?: string; mu?: string; departmentId?: string };

/** A tree key back to a filter: 'basic', 'basic:02', 'basic:02:001' or a department id. */
function filterOf(key: string, by: 'class' | 'dept'): Filter {
  if (by === 'dept') return { departmentId: key };
  const [attribute, xiang, mu] = key.split(':');
  return { attribute, xiang, mu };
}

export default function CatalogBrowser() {
  useTitle('资源目录');
  const [by, setBy] = useState<'class' | 'dept'>('class');
  const [filter, setFilter] = useState<Filter>({});
  const [selected, setSelected] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const tree = useLoad<CatalogTree>('/api/sharing/catalog/tree');
  const list = useLoad<ResourcePage>(`/api/sharing/catalog${query({ q, page, ...filter })}`);
  const nodes: TreeDataNode[] =
    by === 'class'
      ? (tree.data?.byClassification ?? []).map((top) => ({
          key: top.key,
          title: `${top.label}（${top.count}）`,
          children: top.children.map((x) => ({
            key: x.key,
            title: `${x.label}（${x.count}）`,
            children: x.children.map((m) => ({
              key: m.key,
              title: `${m.label}（${m.count}）`,
              isLeaf: true,
            })),
          })),
        }))
      : (tree.data?.byDepartment ?? []).map((d) => ({
          key: d.key,
          title: `${d.label}（${d.count}）`,
          isLeaf: true,
        }));

  return (
    <PageCard title="资源目录">
      <p style={{ marginTop: 0 }}>
        各部门经数据局审核发布的政务信息资源。按分类或提供部门浏览，或输入名称、信息项、代码检索。
      </p>
      <ProblemAlert error={tree.error ?? list.error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <nav aria-label="资源目录树">
            <Segmented
              block
              value={by}
              onChange={(v) => {
                setBy(v as 'class' | 'dept');
                setFilter({});
                setSelected(null);
                setPage(1);
              }}
              options={[
                { value: 'class', label: '按分类' },
                { value: 'dept', label: '按部门' },
              ]}
              style={{ marginBottom: 8 }}
            />
            <Tree
              key={`${by}-${tree.data ? 'ready' : 'loading'}`}
              treeData={nodes}
              defaultExpandAll
              selectedKeys={selected ? [selected] : []}
              onSelect={(keys) => {
                const key = keys[0] ? String(keys[0]) : null;
                setSelected(key);
                setFilter(key ? filterOf(key, by) : {});
                setPage(1);
              }}
              data-testid="catalog-tree"
            />
          </nav>
        </Col>
        <Col xs={24} md={16}>
          <Flex gap={8} style={{ marginBottom: 12 }}>
            <Input.Search
              aria-label="检索资源目录"
              placeholder="如：法人、统一社会信用代码、102001"
              allowClear
              enterButton="检索"
              onSearch={(v) => {
                setQ(v.trim());
                setPage(1);
              }}
              data-testid="catalog-search"
            />
          </Flex>
          <Table<ResourceSummary>
            rowKey="id"
            size="small"
            loading={list.isLoading}
            dataSource={list.data?.items ?? []}
            pagination={{
              current: page,
              pageSize: 50,
              total: list.data?.total ?? 0,
              hideOnSinglePage: true,
              onChange: setPage,
            }}
            locale={{ emptyText: <EmptyText>没有符合条件的资源</EmptyText> }}
            columns={[
              {
                title: '资源',
                render: (_, r) => (
                  <div style={{ minWidth: 0 }}>
                    <Link
                      to={resourcePath(r.id)}
                      style={{ fontWeight: 600 }}
                      data-testid={`resource-${r.name}`}
                    >
                      {r.name}
                    </Link>
                    <div style={{ color: 'rgba(0,0,0,0.65)', fontSize: 13 }}>
                      {r.code} · {ATTRIBUTE_LABEL[r.attribute]} · {r.departmentName}
                    </div>
                  </div>
                ),
              },
              {
                title: '共享',
                width: 110,
                responsive: ['sm'],
                render: (_, r) => SHARE_LABEL[r.shareType],
              },
              { title: '更新', width: 70, responsive: ['md'], render: (_, r) => CYCLE_LABEL[r.updateCycle] },
              { title: '发布', width: 110, responsive: ['lg'], render: (_, r) => when(r.publishedAt, true) },
            ]}
          />
        </Col>
      </Row>
    </PageCard>
  );
}
