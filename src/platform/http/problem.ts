// RFC 9457 problem+json for every error. Bodies carry the stable code, a zh-CN title, the request id
// and, for validation, every bad field; never a stack trace, SQL or a file path.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from '../db/pg-errors.ts';
import { AppError, errors, type FieldProblem, isAppError } from '../errors.ts';

export type Problem = {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance: string;
  requestId: string;
  errors?: FieldProblem[];
};

export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as FastifyError).validationContext ?? 'body';
    const problems = error.validation.map((v) => ({
      path: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message: v.message ?? '取值无效',
    }));
    return errors.validation(`${problems.length} 处参数不符合要求`, problems);
  }
  const fe = error as Partial<FastifyError>;
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return errors.badJson();
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return errors.tooLarge();
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return errors.unsupportedMedia();
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new AppError('URI_TOO_LONG', 414, '请求地址过长');
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_CTP_INVALID_TYPE':
      return errors.validation('请求格式无效');
  }
  if (fe.statusCode === 429) return errors.rateLimited();
  // a unique constraint that a service did not pre-check (two racing requests): a conflict, not a 500
  if (fe.code === '23505') return errors.conflict('数据已存在或已被并发修改，请刷新后重试');
  // text the database cannot store (U+0000 in a query string or parameter): the request's fault
  if (fe.code === '22021' || fe.code === '22P05') return errors.validation('请求中含有不允许的字符');
  if (error instanceof SyntaxError) return errors.badJson();
  // pool exhausted or the database restarting: shed the request quickly and say when to come back
  if (isDatabaseUnavailable(error)) {
    return new AppError('SERVICE_UNAVAILABLE', 503, '服务暂时不可用，请稍后再试', {
      headers: { 'Retry-After': '2' },
    });
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError('BAD_REQUEST', fe.statusCode, '请求无效');
  }
  return errors.internal();
}

export function sendProblem(req: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const body: Problem = {
    type: `urn:yiwang:problem:${error.code}`,
    title: error.title,
    status: error.status,
    code: error.code,
    instance: req.url.split('?')[0] ?? '/',
    requestId: String(req.id),
  };
  if (error.detail) body.detail = error.detail;
  if (error.errors) body.errors = error.errors;
  if (error.headers) reply.headers(error.headers);
  return reply.status(error.status).type('application/problem+json; charset=utf-8').send(body);
}
