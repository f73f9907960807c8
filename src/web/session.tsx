// The signed-in account (Me) for the whole app: loaded once from GET /api/me, replaced after login,
// acting-identity switches and logout. Its CSRF token goes to the api wrapper.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, get, type Me, post, setCsrfToken } from './api.ts';

type Session = {
  me: Me | null;
  isLoading: boolean;
  setMe: (me: Me | null) => void;
  refresh: () => Promise<Me | null>;
  logout: () => Promise<void>;
};

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMeState] = useState<Me | null>(null);
  const [isLoading, setLoading] = useState(true);

  const setMe = useCallback((next: Me | null) => {
    setCsrfToken(next?.csrfToken ?? null);
    setMeState(next);
  }, []);

  const refresh = useCallback(async () => {
    try {
      const next = await get<Me>('/api/me');
      setMe(next);
      return next;
    } catch (error) {
      if (!(error instanceof ApiError) || error.status >= 500) console.warn('无法读取登录状态', error);
      setMe(null);
      return null;
    } finally {
      setLoading(false);
    }
  }, [setMe]);

  const logout = useCallback(async () => {
    try {
      await post('/api/auth/logout');
    } finally {
      setMe(null);
    }
  }, [setMe]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const value = useMemo(
    () => ({ me, isLoading, setMe, refresh, logout }),
    [me, isLoading, setMe, refresh, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
