// One case for a detail page: loaded, replaced by the view an action returns, and reloaded every four
// minutes so the materials' download links (valid five minutes) keep working while the page is open.
import { useCallback, useEffect, useState } from 'react';
import { get } from '../api.ts';
import type { CaseView } from './cases.ts';

const LINK_REFRESH_MS = 4 * 60 * 1000;

export function useCase(id: string) {
  const [data, setData] = useState<CaseView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(async () => {
    try {
      setData(await get<CaseView>(`/api/cases/${id}`));
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [id]);
  useEffect(() => {
    void reload();
    const timer = setInterval(() => void reload(), LINK_REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  return { data, error, reload, setData };
}
