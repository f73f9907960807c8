// A titled card of a detail page, its title an h2 under the page's h1.
import { Card } from 'antd';
import type { ReactNode } from 'react';

export function Section({
  title,
  extra,
  children,
  testId,
}: {
  title: string;
  extra?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>}
      extra={extra}
      styles={{ body: { padding: 16 } }}
      data-testid={testId}
    >
      {children}
    </Card>
  );
}
