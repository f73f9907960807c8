// A centred card for the sign-in and registration forms: full width on phones, 440 px on desktops.
import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

export function FormCard({
  title,
  children,
  width = 440,
}: {
  title: string;
  children: ReactNode;
  width?: number;
}) {
  return (
    <Card style={{ maxWidth: width, margin: '8px auto' }}>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {title}
      </Typography.Title>
      {children}
    </Card>
  );
}
