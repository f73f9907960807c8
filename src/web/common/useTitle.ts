// Sets the browser tab's title while a page shows (e.g. "食品经营许可 · 办事指南 · 一网通办") and puts the
// site's title back when it goes.
import { useEffect } from 'react';

export function useTitle(title: string | null) {
  useEffect(() => {
    if (title) document.title = `${title} · 一网通办`;
    return () => {
      document.title = '一网通办';
    };
  }, [title]);
}
