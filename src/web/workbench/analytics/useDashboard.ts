// The dashboard, loaded now and again every 30 s (the last good figures stay while a refresh fails).
import { useCallback, useEffect, useState } from 'react';
import { get } from '../../api.ts';
import { DASHBOARD_PATH, type Dashboard, REFRESH_MS } from './dashboard.ts';

export function useDashboard(enabled: boolean, search = '') {
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loadedAt, setLoadedAt] = useState<Date | null>(null);
  const load = useCallback(async () => {
    try {
      setData(await get<Dashboard>(`${DASHBOARD_PATH}${search}`));
      setError(null);
      setLoadedAt(new Date());
    } catch (e) {
      setError(e);
    }
  }, [search]);
  useEffect(() => {
    if (!enabled) return;
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [enabled, load]);
  return { data, error, loadedAt, reload: load };
}
