// The workbench landing page: who is signed in, what their roles are, and a shortcut to each page
// their menu offers (the menu itself sits in a drawer on phones).
import { Card, Descriptions, Typography } from 'antd';
import { Link } from 'react-router';
import { useSession } from '../session.tsx';
import { menuFor, ROLE_LABEL } from './menu.ts';

export default function WorkbenchHome() {
  const { me } = useSession();
  if (!me) return null;
  const shortcuts = menuFor(me.roles).filter((e) => e.key !== 'home');
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        您好，{me.displayName}
      </Typography.Title>
      <Descriptions column={1} size="small">
        <Descriptions.Item label="所属部门">{me.department?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="行政区划代码">{me.divisionCode ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="角色">
          {me.roles.map((r) => ROLE_LABEL[r]).join('、') || '—'}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        常用功能
      </Typography.Title>
      <ul
        style={{
          listStyle: 'none',
          padding: 0,
          margin: 0,
          display: 'grid',
          gap: 10,
          gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))',
        }}
      >
        {shortcuts.map((e) => (
          <li key={e.key}>
            {e.path ? (
              <Link
                to={e.path}
                style={{ display: 'block', padding: '12px 14px', borderRadius: 8, background: '#f0f5ff' }}
              >
                {e.label}
              </Link>
            ) : (
              <span
                style={{
                  display: 'block',
                  padding: '12px 14px',
                  borderRadius: 8,
                  background: '#f5f5f5',
                  color: '#595959',
                }}
              >
                {e.label}（即将开放）
              </span>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
