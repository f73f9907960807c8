// A small LRU of recent search answers. Public search is highly repetitive (the same few hundred
// phrases), and PGlite answers one statement at a time, so popular queries are served from memory.
// Entries live at most `ttlMs`; this process empties the cache when it indexes or edits synonyms,
// other nodes' changes show within `ttlMs`.
export type AnswerCache<T> = {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
  clear(): void;
};

export function answerCache<T>(maxEntries: number, ttlMs: number): AnswerCache<T> {
  const entries = new Map<string, { value: T; expiresAt: number }>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      if (entry.expiresAt <= performance.now()) return undefined;
      entries.set(key, entry); // most recently used last
      return entry.value;
    },
    set(key, value) {
      if (maxEntries <= 0) return;
      entries.delete(key);
      entries.set(key, { value, expiresAt: performance.now() + ttlMs });
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
    clear: () => entries.clear(),
  };
}
