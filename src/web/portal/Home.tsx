// The portal home: a search box for service items, theme tiles for citizens and enterprises, "one
// thing" bundles, popular items and the ways to browse (all themes, departments, bundles).
import {
  AccountBookOutlined,
  AuditOutlined,
  BankOutlined,
  BuildOutlined,
  BulbOutlined,
  CarOutlined,
  CoffeeOutlined,
  HeartOutlined,
  HomeOutlined,
  IdcardOutlined,
  MedicineBoxOutlined,
  ReadOutlined,
  SafetyOutlined,
  ShopOutlined,
  SolutionOutlined,
  StopOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Card, Flex, Input, Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import type { BundleSummary, ItemPage } from '../common/catalog.ts';
import { useLoad } from '../common/useLoad.ts';
import { BundleCards } from './catalog/BundleList.tsx';
import { cardOf, ItemCards } from './catalog/ItemCards.tsx';
import { ENTERPRISE_THEMES, PERSONAL_THEMES, type Theme, type ThemeIcon, themePath } from './themes.ts';

const ICONS: Record<ThemeIcon, ReactNode> = {
  heart: <HeartOutlined />,
  solution: <SolutionOutlined />,
  safety: <SafetyOutlined />,
  home: <HomeOutlined />,
  car: <CarOutlined />,
  medicine: <MedicineBoxOutlined />,
  read: <ReadOutlined />,
  idcard: <IdcardOutlined />,
  coffee: <CoffeeOutlined />,
  team: <TeamOutlined />,
  shop: <ShopOutlined />,
  build: <BuildOutlined />,
  bank: <BankOutlined />,
  account: <AccountBookOutlined />,
  audit: <AuditOutlined />,
  bulb: <BulbOutlined />,
  user: <UserOutlined />,
  stop: <StopOutlined />,
};

function Tiles({
  themes,
  audience,
  serves,
}: {
  themes: Theme[];
  audience: string;
  serves: '自然人' | '法人';
}) {
  return (
    <ul
      aria-label={`${audience}主题`}
      style={{
        listStyle: 'none',
        margin: 0,
        padding: 0,
        display: 'grid',
        gap: 10,
        gridTemplateColumns: 'repeat(auto-fill, minmax(96px, 1fr))',
      }}
    >
      {themes.map((t) => (
        <li key={t.key}>
          <Link
            to={themePath(t.label, serves)}
            data-testid={`theme-${t.key}`}
            style={{
              display: 'flex',
              flexDirection: 'column',
              alignItems: 'center',
              gap: 6,
              padding: '14px 4px',
              borderRadius: 8,
              background: '#f0f5ff',
              color: '#1f2a3d',
            }}
          >
            <span style={{ fontSize: 26, color: '#1554ad' }} aria-hidden="true">
              {ICONS[t.icon]}
            </span>
            <span>{t.label}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

function Popular() {
  const { data } = useLoad<ItemPage>('/api/catalog/popular');
  if (!data || data.items.length === 0) return null;
  return (
    <Card style={{ marginTop: 16 }} styles={{ body: { padding: '8px 16px 16px' } }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} style={{ fontSize: 18, marginTop: 8 }}>
          热门事项
        </Typography.Title>
        <span>
          <Link to="/themes">全部主题</Link> · <Link to="/departments">部门服务</Link>
        </span>
      </Flex>
      <ItemCards label="热门事项" items={data.items.slice(0, 6).map(cardOf)} />
    </Card>
  );
}

function Bundles() {
  const { data } = useLoad<{ items: BundleSummary[] }>('/api/catalog/bundles');
  if (!data || data.items.length === 0) return null;
  return (
    <Card style={{ marginTop: 16 }} styles={{ body: { padding: '8px 16px 16px' } }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} style={{ fontSize: 18, marginTop: 8 }}>
          一件事一次办
        </Typography.Title>
        <Link to="/bundles" data-testid="home-bundles">
          全部“一件事”
        </Link>
      </Flex>
      <BundleCards label="一件事" bundles={data.items.slice(0, 4)} />
    </Card>
  );
}

export default function Home() {
  const navigate = useNavigate();
  return (
    <>
      <section
        aria-labelledby="home-title"
        style={{
          background: 'linear-gradient(135deg, #1554ad, #2f6fcb)',
          borderRadius: 12,
          padding: '24px 16px',
        }}
      >
        <Typography.Title id="home-title" level={1} style={{ color: '#fff', fontSize: 24, marginTop: 0 }}>
          办事不用跑，一网全通办
        </Typography.Title>
        <search style={{ maxWidth: 640 }} aria-label="事项检索">
          <Input.Search
            size="large"
            placeholder="搜索办事事项，如：结婚登记、营业执照"
            enterButton="搜索"
            aria-label="搜索办事事项"
            data-testid="home-search"
            onSearch={(q) => navigate(`/search?q=${encodeURIComponent(q.trim())}`)}
          />
        </search>
      </section>
      <Card style={{ marginTop: 16 }} styles={{ body: { padding: '8px 16px 16px' } }}>
        <Typography.Title level={2} style={{ fontSize: 18, marginTop: 8 }}>
          主题服务
        </Typography.Title>
        <Tabs
          items={[
            {
              key: 'personal',
              label: '个人服务',
              children: <Tiles themes={PERSONAL_THEMES} audience="个人服务" serves="自然人" />,
            },
            {
              key: 'enterprise',
              label: '法人服务',
              children: <Tiles themes={ENTERPRISE_THEMES} audience="法人服务" serves="法人" />,
            },
          ]}
        />
      </Card>
      <Bundles />
      <Popular />
    </>
  );
}
