// The level of a warning and the state of an order as tags at AA contrast; an overdue or late-answered
// order says so beside its state.
import { Flex } from 'antd';
import { StatusTag } from '../../common/StatusTag.tsx';
import {
  LEVEL_LABELS,
  LEVEL_TONE,
  ORDER_STATE_LABELS,
  ORDER_TONE,
  type OrderView,
  type WarningLevel,
} from './supervision.ts';

export function LevelTag({ level }: { level: WarningLevel | string | null }) {
  if (level !== 'yellow' && level !== 'red') return null;
  return <StatusTag tone={LEVEL_TONE[level]}>{LEVEL_LABELS[level]}</StatusTag>;
}

export function OrderStateTags({ order }: { order: OrderView }) {
  return (
    <Flex gap={4} wrap>
      <StatusTag tone={ORDER_TONE[order.state]}>{ORDER_STATE_LABELS[order.state]}</StatusTag>
      {order.isOverdue ? <StatusTag tone="danger">已逾期</StatusTag> : null}
      {order.isAnsweredLate ? <StatusTag tone="danger">逾期回复</StatusTag> : null}
    </Flex>
  );
}
