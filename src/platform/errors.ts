// One error type for the whole platform. Codes are stable, module-prefixed strings; each has a zh-CN
// title. The HTTP layer turns an AppError into RFC 9457 problem+json; anything else becomes a 500
// whose body says nothing about internals.

export type FieldProblem = { path: string; message: string };

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldProblem[] | undefined;
  readonly headers: Record<string, string> | undefined;
  constructor(
    code: string,
    status: number,
    title: string,
    options: { detail?: string; errors?: FieldProblem[]; headers?: Record<string, string> } = {},
  ) {
    super(`${code}: ${options.detail ?? title}`);
    this.code = code;
    this.status = status;
    this.title = title;
    this.detail = options.detail;
    this.errors = options.errors;
    this.headers = options.headers;
  }
}

export type ErrorFactory = (detail?: string, errors?: FieldProblem[]) => AppError;

/** Declares a stable error code with its HTTP status and zh-CN title; returns its factory. */
export function defineError(code: string, status: number, title: string): ErrorFactory {
  return (detail, errors) => new AppError(code, status, title, { detail, errors });
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

// Platform-wide codes.
export const errors = {
  validation: defineError('VALIDATION_FAILED', 400, '请求参数不符合要求'),
  badJson: defineError('MALFORMED_BODY', 400, '请求体不是有效的 JSON'),
  unsupportedMedia: defineError('UNSUPPORTED_MEDIA_TYPE', 415, '不支持的内容类型'),
  tooLarge: defineError('PAYLOAD_TOO_LARGE', 413, '请求体过大'),
  unauthenticated: defineError('AUTH_REQUIRED', 401, '请先登录'),
  forbidden: defineError('FORBIDDEN', 403, '无权执行此操作'),
  csrf: defineError('CSRF_REJECTED', 403, '请求来源校验失败，请刷新页面后重试'),
  notFound: defineError('NOT_FOUND', 404, '请求的资源不存在'),
  conflict: defineError('CONFLICT', 409, '操作与当前状态冲突'),
  rateLimited: defineError('RATE_LIMITED', 429, '请求过于频繁，请稍后再试'),
  unavailable: defineError('SERVICE_UNAVAILABLE', 503, '服务暂时不可用，请稍后再试'),
  internal: defineError('INTERNAL_ERROR', 500, '系统内部错误'),
};
