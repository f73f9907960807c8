// Autosaving the application as a draft (草稿): changes are saved 1.5 s after the last edit — the first
// time with POST (the new draft's id goes into the address, so a reload or another device resumes it),
// then with PUT. One save at a time; an edit during a save is saved right after it.
import { useCallback, useEffect, useRef, useState } from 'react';
import { post, put } from '../../api.ts';
import type { DraftInput, DraftView } from '../../common/cases.ts';

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';
const DELAY_MS = 1500;

export function useAutosave(
  initialDraftId: string | null,
  content: () => DraftInput,
  onCreated: (draftId: string) => void,
) {
  const [state, setState] = useState<SaveState>('idle');
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const draftId = useRef(initialDraftId);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const running = useRef<Promise<void> | null>(null);
  const isDirty = useRef(false);
  const latest = useRef({ content, onCreated });
  latest.current = { content, onCreated };

  const saveNow = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (running.current) await running.current;
    if (!isDirty.current) return;
    isDirty.current = false;
    setState('saving');
    const work = (async () => {
      try {
        const body = latest.current.content();
        const saved = draftId.current
          ? await put<DraftView>(`/api/cases/drafts/${draftId.current}`, body)
          : await post<DraftView>('/api/cases/drafts', body);
        if (!draftId.current) {
          draftId.current = saved.id;
          latest.current.onCreated(saved.id);
        }
        setSavedAt(saved.updatedAt);
        setState('saved');
      } catch {
        isDirty.current = true;
        setState('failed');
      }
    })();
    running.current = work;
    await work;
    running.current = null;
  }, []);

  /** Marks the application changed; the save follows after a pause in editing. */
  const touch = useCallback(() => {
    isDirty.current = true;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), DELAY_MS);
  }, [saveNow]);

  /** Stops saving (after the case is submitted, the server has deleted the draft). */
  const stop = useCallback(() => {
    isDirty.current = false;
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }, []);

  // leaving the page saves what is still unsaved
  useEffect(
    () => () => {
      if (isDirty.current) void saveNow();
    },
    [saveNow],
  );

  return { state, savedAt, touch, saveNow, stop, draftId: () => draftId.current };
}
