// The workbench landing page: who is signed in and what their roles let them do.
import { Card, Descriptions, Typography } from 'antd';
import { useSession } from '../session.tsx';
import { ROLE_LABEL } from './menu.ts';

export default function WorkbenchHome() {
  const { me } = useSession();
  if (!me) return null;
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
      <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
        请从左侧菜单选择要办理的工作。
      </Typography.Paragraph>
    </Card>
  );
}
