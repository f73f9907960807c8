// Browse pages: every theme (/themes) with its item count for 个人 and 法人, and the department
// directory (/departments) with each department's published item count.
import { Breadcrumb, Card, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { DepartmentCount, Themes } from '../../common/catalog.ts';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { useLoad } from '../../common/useLoad.ts';

type Entry = { key: string; to: string; label: string; count: number };

function LinkGrid({ entries, label }: { entries: Entry[]; label: string }) {
  return (
    <ul aria-label={label} className="link-grid">
      {entries.map((e) => (
        <li key={e.key}>
          <Link to={e.to} data-testid="directory-link">
            <span>{e.label}</span>
            <span className="count">{e.count} 项</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

function Frame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/">首页</Link> }, { title }]} />
      <Card>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {title}
        </Typography.Title>
        {children}
      </Card>
    </>
  );
}

export function ThemeDirectory() {
  const { data, error } = useLoad<Themes>('/api/catalog/themes');
  const of = (audience: '个人' | '法人', serves: string): Entry[] =>
    (data?.items ?? [])
      .filter((t) => t.audience === audience)
      .map((t) => ({
        key: `${audience}-${t.theme}`,
        to: `/themes/${encodeURIComponent(t.theme)}?serves=${encodeURIComponent(serves)}`,
        label: t.theme,
        count: t.count,
      }));
  return (
    <Frame title="主题服务">
      <ProblemAlert error={error} />
      {data ? (
        <>
          <Typography.Title level={2} style={{ fontSize: 18 }}>
            个人服务
          </Typography.Title>
          <LinkGrid label="个人服务主题" entries={of('个人', '自然人')} />
          <Typography.Title level={2} style={{ fontSize: 18 }}>
            法人服务
          </Typography.Title>
          <LinkGrid label="法人服务主题" entries={of('法人', '法人')} />
        </>
      ) : (
        <Skeleton active />
      )}
    </Frame>
  );
}

export function DepartmentDirectory() {
  const { data, error } = useLoad<{ items: DepartmentCount[] }>('/api/catalog/departments');
  return (
    <Frame title="部门服务">
      <ProblemAlert error={error} />
      {data ? (
        <LinkGrid
          label="部门"
          entries={data.items.map((d) => ({
            key: d.id,
            to: `/departments/${d.id}`,
            label: d.name,
            count: d.count,
          }))}
        />
      ) : (
        <Skeleton active />
      )}
    </Frame>
  );
}
