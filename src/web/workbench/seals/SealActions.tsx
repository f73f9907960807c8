// The steps this staff member may take on a seal now, as buttons: the office's next step (its 待办 —
// 审核, 制作, 备案 or 发放) primary and first, 挂失 and 销毁 as danger buttons; one dialog at a time.
import { Button, Flex } from 'antd';
import { useState } from 'react';
import { useSession } from '../../session.tsx';
import { SealActionDialog } from './SealActionDialog.tsx';
import {
  ACTION_LABELS,
  actionsFor,
  OFFICE_NEXT,
  type SealAction,
  type SealPublicView,
  type SealView,
} from './seals.ts';

export function SealActions({
  seal,
  onDone,
  size = 'middle',
}: {
  seal: SealPublicView;
  onDone: (next: SealView, action: SealAction) => void;
  size?: 'small' | 'middle';
}) {
  const { me } = useSession();
  const [open, setOpen] = useState<SealAction | null>(null);
  const actions = me ? actionsFor(seal, me.roles, me.department?.id ?? null) : [];
  if (actions.length === 0) return null;
  return (
    <Flex gap={8} wrap>
      {actions.map((action) => (
        <Button
          key={action}
          size={size}
          type={action === OFFICE_NEXT[seal.state] ? 'primary' : 'default'}
          danger={action === 'report-lost' || action === 'destroy'}
          onClick={() => setOpen(action)}
          aria-label={`${ACTION_LABELS[action]} ${seal.code}`}
          data-testid={`seal-${action}`}
        >
          {ACTION_LABELS[action]}
        </Button>
      ))}
      {open ? (
        <SealActionDialog
          seal={seal}
          action={open}
          onClose={() => setOpen(null)}
          onDone={(next) => {
            setOpen(null);
            onDone(next, open);
          }}
        />
      ) : null}
    </Flex>
  );
}
