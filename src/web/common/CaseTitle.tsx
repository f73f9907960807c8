// The heading of a case page: the item's name as the h1 and the state beside it.
import { Flex, Typography } from 'antd';
import { type CaseView, STATE_TONE } from './cases.ts';
import { StatusTag } from './StatusTag.tsx';

export function CaseTitle({ view }: { view: CaseView }) {
  return (
    <Flex justify="space-between" gap={8} wrap align="center">
      <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
        {view.itemName}
      </Typography.Title>
      <span data-testid="case-state">
        <StatusTag tone={STATE_TONE[view.state]}>{view.stateLabel}</StatusTag>
      </span>
    </Flex>
  );
}
