// The front end's only door to the server: JSON over same-origin fetch, the CSRF token of the current
// session on every write, and problem+json errors turned into an ApiError the UI can show in Chinese.
import type { FormInstance } from 'antd';
import type { z } from 'zod';
import type { EnrolView, EnterpriseView, LoginView, MeView } from '../modules/identity/schema.ts';

// Response shapes come from the modules' pure zod schemas (type-only imports: nothing from the server
// is bundled).
export type Me = MeView;
export type StaffRole = MeView['roles'][number];
export type EnterpriseRef = EnterpriseView;
export type Relation = EnterpriseView['relation'];
export type LoginResult = z.infer<typeof LoginView>;
export type TotpEnrolment = z.infer<typeof EnrolView>;

export type FieldProblem = { path: string; message: string };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly fieldErrors: FieldProblem[];
  readonly requestId: string | undefined;
  constructor(status: number, body: Partial<Problem>) {
    super(body.detail ?? body.title ?? `HTTP ${status}`);
    this.status = status;
    this.code = body.code ?? 'HTTP_ERROR';
    this.title = body.title ?? (status >= 500 ? '系统内部错误' : '请求失败');
    this.detail = body.detail;
    this.fieldErrors = body.errors ?? [];
    this.requestId = body.requestId;
  }
  /** The same problem listing only the given field messages. */
  withFieldErrors(fieldErrors: FieldProblem[]): ApiError {
    return new ApiError(this.status, {
      code: this.code,
      title: this.title,
      detail: this.detail,
      errors: fieldErrors,
      requestId: this.requestId,
    });
  }
}

type Problem = { code: string; title: string; detail: string; errors: FieldProblem[]; requestId: string };

let csrfToken: string | null = null;
/** The session's CSRF token, set whenever a Me arrives. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  if (body === undefined) return send<T>(method, path);
  return send<T>(method, path, { body: JSON.stringify(body), type: 'application/json' });
}

/** A file as the raw request body (the Excel import, material uploads), with the same CSRF token and
 * error handling; `extra` adds headers such as X-File-Name. */
export const postFile = <T>(path: string, file: Blob, type: string, extra?: Record<string, string>) =>
  send<T>('POST', path, { body: file, type, extra });

/** A JSON POST with an Idempotency-Key (filing a case): a retry with the same key gets the same answer. */
export const postIdempotent = <T>(path: string, body: unknown, key: string) =>
  send<T>('POST', path, {
    body: JSON.stringify(body),
    type: 'application/json',
    extra: { 'idempotency-key': key },
  });

async function send<T>(
  method: string,
  path: string,
  payload?: { body: BodyInit; type: string; extra?: Record<string, string> },
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (payload) Object.assign(headers, payload.extra, { 'content-type': payload.type });
  if (WRITES.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', body: payload?.body });
  } catch {
    throw networkError();
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const parsed: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) throw new ApiError(response.status, (parsed ?? {}) as Partial<Problem>);
  return parsed as T;
}

const networkError = () =>
  new ApiError(0, { code: 'NETWORK', title: '网络连接失败', detail: '请检查网络后重试' });

/** A file download (GET): its bytes and its name from Content-Disposition (RFC 6266 filename*). */
export async function getFile(path: string): Promise<{ blob: Blob; filename: string }> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin' });
  } catch {
    throw networkError();
  }
  if (!response.ok) {
    throw new ApiError(response.status, (safeJson(await response.text()) ?? {}) as Partial<Problem>);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="([^"]+)"/i.exec(disposition)?.[1];
  return { blob: await response.blob(), filename: utf8 ? decodeURIComponent(utf8) : (plain ?? 'download') };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const put = <T>(path: string, body?: unknown) => api<T>('PUT', path, body ?? {});
export const patch = <T>(path: string, body?: unknown) => api<T>('PATCH', path, body ?? {});
export const del = <T>(path: string) => api<T>('DELETE', path);

/** A query string from the defined values only. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Puts field messages on the form and returns the error to show above it (without those fields). */
export function problemForForm(form: FormInstance, error: unknown): unknown {
  const unmatched = applyFieldErrors(form, error);
  return error instanceof ApiError ? error.withFieldErrors(unmatched) : error;
}

/**
 * Puts the server's per-field messages ("body.idNumber") on the matching form fields; returns the
 * problems that matched no field, so the caller shows them in the form-level alert.
 */
export function applyFieldErrors(form: FormInstance, error: unknown): FieldProblem[] {
  if (!(error instanceof ApiError)) return [];
  const known = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
  const unmatched: FieldProblem[] = [];
  const fields: { name: string; errors: string[] }[] = [];
  for (const problem of error.fieldErrors) {
    const name = problem.path.replace(/^body\./, '').split('.')[0] ?? '';
    if (known.has(name)) fields.push({ name, errors: [problem.message] });
    else unmatched.push(problem);
  }
  form.setFields(fields);
  return unmatched;
}
