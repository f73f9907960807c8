// Loads one GET resource for a page: data, the error to show and a reload function.
import { useCallback, useEffect, useState } from 'react';
import { get } from '../api.ts';

export function useLoad<T>(path: string | null) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isLoading, setLoading] = useState(false);
  const reload = useCallback(async () => {
    if (!path) return;
    setLoading(true);
    try {
      setData(await get<T>(path));
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [path]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, isLoading, reload };
}

/** Lists arrive either bare or as `{items}`; pages read both. */
export function itemsOf<T>(data: T[] | { items: T[] } | null): T[] {
  if (!data) return [];
  return Array.isArray(data) ? data : data.items;
}
