// The gateway's in-process state: a per-client rate window, bounded maps whose entries expire, and the
// expiry of a verified token.

const CACHE_MAX = 10_000;

/** A fixed one-minute window per client, in this process. */
export function rateWindow() {
  const windows = new Map<string, { start: number; count: number }>();
  return (clientId: string, perMinute: number) => {
    const now = Date.now();
    const w = windows.get(clientId);
    if (!w || now - w.start >= 60_000) {
      windows.set(clientId, { start: now, count: 1 });
      return 0;
    }
    w.count += 1;
    return w.count > perMinute ? Math.ceil((w.start + 60_000 - now) / 1000) : 0;
  };
}

/** A bounded map whose entries carry their own expiry (`until`, ms since the epoch). */
export function expiring<V extends { until: number }>() {
  const map = new Map<string, V>();
  return {
    get(key: string) {
      const v = map.get(key);
      if (!v || v.until > Date.now()) return v;
      map.delete(key);
      return undefined;
    },
    set(key: string, v: V) {
      if (map.size >= CACHE_MAX) map.clear();
      map.set(key, v);
    },
    delete: (key: string) => map.delete(key),
    clear: () => map.clear(),
  };
}

/** The `exp` claim (ms) of a JWT that has just been verified. */
export function expiryOf(token: string) {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return typeof payload.exp === 'number' ? payload.exp * 1000 : 0;
  } catch {
    return 0;
  }
}
