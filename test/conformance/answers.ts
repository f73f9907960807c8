// What every answer to hostile input must look like (RELIABILITY I1): never a 5xx; an error is
// problem+json with a stable code, a Chinese title and the request id; no stack trace, SQL or path.
import type { LightMyRequestResponse as Response } from 'fastify';

export const LEAK = /at \S+ \(|node_modules|SELECT |\/work\//;
const HAN = /[\u4e00-\u9fff]/;

/** Why this answer breaks the rules, or null when it keeps them. */
export function answerProblem(res: Response): string | null {
  if (res.statusCode >= 500) return `status ${res.statusCode}: ${res.body.slice(0, 200)}`;
  if (LEAK.test(res.body)) return `internals in the body: ${res.body.slice(0, 200)}`;
  if (res.statusCode < 400 || res.body === '') return null;
  const type = String(res.headers['content-type'] ?? '');
  if (!type.startsWith('application/problem+json')) return `${res.statusCode} as ${type}`;
  let body: { code?: unknown; title?: unknown; requestId?: unknown };
  try {
    body = JSON.parse(res.body) as typeof body;
  } catch {
    return `problem body is not JSON: ${res.body.slice(0, 200)}`;
  }
  if (typeof body.code !== 'string' || !/^[A-Z][A-Z0-9_]+$/.test(body.code)) return 'problem without a code';
  if (typeof body.title !== 'string' || !HAN.test(body.title)) return `title not Chinese: ${body.title}`;
  if (typeof body.requestId !== 'string' || body.requestId === '') return 'problem without a requestId';
  return null;
}

export const codeOf = (res: Response): string | null => {
  try {
    return (JSON.parse(res.body) as { code?: string }).code ?? null;
  } catch {
    return null;
  }
};

/** A snapshot of Object.prototype to compare after hostile input: its own keys. */
export const prototypeKeys = (): string[] => Reflect.ownKeys(Object.prototype).map(String).sort();
