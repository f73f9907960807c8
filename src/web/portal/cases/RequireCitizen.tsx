// The citizen pages' gate: a signed-in citizen sees the page, anyone else signs in and comes back here.
import { Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../../session.tsx';

export function RequireCitizen({ children }: { children: ReactNode }) {
  const { me, isLoading } = useSession();
  const location = useLocation();
  if (isLoading) return <Skeleton active aria-label="加载中" />;
  if (me?.kind !== 'citizen' || !me.isMfaComplete) {
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  return <>{children}</>;
}
