// Short-lived signed rating links (二维码 / 政务大厅平板电脑): a clerk asks for one for one service event of
// a case; whoever opens it may rate that event without signing in — the rating is real-name because
// the case's applicant is known. Token: base64url(JSON payload) "~" base64url(HMAC-SHA256), keyed by a
// key derived from the field key, so no new secret needs configuring. "~" rather than ".": the web
// server takes a path with a file extension for a static file, and the token rides in /rate/<token>.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type LinkPayload = { caseId: string; eventId: string; channel: string; exp: number };
/** How long a link lasts: long enough to hand the tablet over or scan the code at the window. */
export const LINK_TTL_MS = 30 * 60 * 1000;

const keyOf = (fieldKey: Buffer) => createHmac('sha256', fieldKey).update('yiwang:rating-link:v1').digest();
const mac = (key: Buffer, body: string) => createHmac('sha256', key).update(body).digest('base64url');

export function signLink(fieldKey: Buffer, payload: LinkPayload): string {
  const body = Buffer.from(
    JSON.stringify({ c: payload.caseId, e: payload.eventId, ch: payload.channel, exp: payload.exp }),
  ).toString('base64url');
  return `${body}~${mac(keyOf(fieldKey), body)}`;
}

/** The payload of a genuine, unexpired token; null for anything else. */
export function readLink(fieldKey: Buffer, token: string, now: Date): LinkPayload | null {
  const [body, sig, ...rest] = token.split('~');
  if (!body || !sig || rest.length > 0) return null;
  const expected = Buffer.from(mac(keyOf(fieldKey), body));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const p = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (typeof p.c !== 'string' || typeof p.e !== 'string' || typeof p.ch !== 'string') return null;
    if (typeof p.exp !== 'number' || p.exp <= now.getTime()) return null;
    return { caseId: p.c, eventId: p.e, channel: p.ch, exp: p.exp };
  } catch {
    return null;
  }
}
