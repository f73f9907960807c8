// The steps this staff member may take on a seal now, as buttons: the office's next step (its 待办 —
// 审核, 制作, 备案 or 发放) primary and first, 挂失 and 销毁 as danger buttons. The dialog belongs to the
// page (useSealActionDialog), not to the buttons, so it stays open when a phone turns and the list's
// columns are rebuilt.
import { Button, Flex } from 'antd';
import { type ReactNode, useState } from 'react';
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
  onPick,
  size = 'middle',
}: {
  seal: SealPublicView;
  onPick: (seal: SealPublicView, action: SealAction) => void;
  size?: 'small' | 'middle';
}) {
  const { me } = useSession();
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
          onClick={() => onPick(seal, action)}
          aria-label={`${ACTION_LABELS[action]} ${seal.code}`}
          data-testid={`seal-${action}`}
        >
          {ACTION_LABELS[action]}
        </Button>
      ))}
    </Flex>
  );
}

/** The page's one step dialog: `pick` opens it for a seal and an action, `dialog` is what to render. */
export function useSealActionDialog(onDone: (next: SealView, action: SealAction) => void): {
  pick: (seal: SealPublicView, action: SealAction) => void;
  dialog: ReactNode;
} {
  const [picked, setPicked] = useState<{ seal: SealPublicView; action: SealAction } | null>(null);
  const dialog = picked ? (
    <SealActionDialog
      seal={picked.seal}
      action={picked.action}
      onClose={() => setPicked(null)}
      onDone={(next) => {
        setPicked(null);
        onDone(next, picked.action);
      }}
    />
  ) : null;
  return { pick: (seal, action) => setPicked({ seal, action }), dialog };
}
