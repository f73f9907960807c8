// 在线申办 on an item's guide page: for items that can be applied for online (网上办理深度 Ⅱ or higher).
// A signed-in citizen goes to the wizard; anyone else signs in first and comes back to it.
import { FormOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useNavigate } from 'react-router';
import { applyPath } from '../../common/cases.ts';
import { useSession } from '../../session.tsx';

/** 网上办理深度 Ⅰ only publishes the guide; from Ⅱ (网上预审) on, applications are taken online. */
export const canApplyOnline = (onlineDepth: number) => onlineDepth >= 2;

export function ApplyButton({ implementationId }: { implementationId: string }) {
  const { me } = useSession();
  const navigate = useNavigate();
  const isCitizen = me?.kind === 'citizen' && me.isMfaComplete;
  const target = applyPath(implementationId);
  return (
    <Button
      type="primary"
      icon={<FormOutlined />}
      className="no-print"
      data-testid="apply-online"
      onClick={() => navigate(isCitizen ? target : `/login?next=${encodeURIComponent(target)}`)}
    >
      {isCitizen ? '在线申办' : '登录后在线申办'}
    </Button>
  );
}
