// 在线申办 on an item's guide page: for items that can be applied for online (网上办理深度 Ⅱ or higher);
// 一件事申办 on a bundle's guide page. A signed-in citizen goes to the wizard; anyone else signs in first
// and comes back to it.
import { FormOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useNavigate } from 'react-router';
import { applyPath } from '../../common/cases.ts';
import { useSession } from '../../session.tsx';

/** 网上办理深度 Ⅰ only publishes the guide; from Ⅱ (网上预审) on, applications are taken online. */
export const canApplyOnline = (onlineDepth: number) => onlineDepth >= 2;

export const bundleApplyPath = (bundleId: string) => `/bundles/${bundleId}/apply`;

export function ApplyButton(props: { implementationId: string } | { bundleId: string }) {
  const { me } = useSession();
  const navigate = useNavigate();
  const isCitizen = me?.kind === 'citizen' && me.isMfaComplete;
  const isBundle = 'bundleId' in props;
  const target = isBundle ? bundleApplyPath(props.bundleId) : applyPath(props.implementationId);
  const label = isBundle ? '一件事申办' : '在线申办';
  return (
    <Button
      type="primary"
      icon={<FormOutlined />}
      className="no-print"
      data-testid={isBundle ? 'apply-bundle' : 'apply-online'}
      onClick={() => navigate(isCitizen ? target : `/login?next=${encodeURIComponent(target)}`)}
    >
      {isCitizen ? label : `登录后${label}`}
    </Button>
  );
}
