// The Fastify app factory: buildable without listening (for inject tests). It wires request ids,
// problem+json errors, zod validation, OpenAPI at /api/docs, security headers with a CSP, body
// limits, rate limiting, CSRF for cookie-authenticated writes, health, readiness and metrics.
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifySchema } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../errors.ts';
import { type Access, type Authenticator, decideAccess } from './access.ts';
import { registerOps } from './ops.ts';
import { sendProblem, toAppError } from './problem.ts';

z.config(z.locales.zhCN());

export type HttpOptions = {
  authenticate: Authenticator;
  isReady: () => Promise<boolean>;
  logLevel?: string;
  trustProxy?: boolean;
  bodyLimit?: number;
  /** where log lines go (default stdout); tests pass a collector to check what is logged */
  logStream?: { write(line: string): void };
};

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** One registered route as declared: what the conformance tests sweep (HEAD twins of GETs included). */
export type RouteRecord = { method: string; url: string; access: Access; schema: FastifySchema | undefined };
const routeTables = new WeakMap<object, RouteRecord[]>();

/** Every route registered on an app built by createHttpServer, in registration order. */
export const routesOf = (app: object): readonly RouteRecord[] => routeTables.get(app) ?? [];

export const REDACT = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  // personal data and secrets, whether logged at the top level or one object down
  ...['password', 'currentPassword', 'newPassword', 'idNumber', 'agentIdNumber', 'phone', 'totpCode'].flatMap(
    (key) => [key, `*.${key}`],
  ),
];

export async function createHttpServer(options: HttpOptions) {
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'info',
      redact: { paths: REDACT, censor: '[已隐藏]' },
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: options.bodyLimit ?? 1_048_576,
    trustProxy: options.trustProxy ?? false,
    routerOptions: { maxParamLength: 200 },
    // URLs the router cannot even parse (bad percent-encoding, over-long parameters) skip every hook,
    // helmet's too: answer them as problem+json with the request id and a locked-down CSP.
    frameworkErrors: (error, req, reply) => {
      reply.headers({
        'x-request-id': req.id,
        'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
        'x-content-type-options': 'nosniff',
      });
      return sendProblem(req, reply, toAppError(error));
    },
  }).withTypeProvider<ZodTypeProvider>();

  // JSON is the only body the API reads; Fastify's default text/plain parser would hand a string to
  // routes that expect an object (and run body-less POSTs), so any other type is a 415.
  app.removeContentTypeParser('text/plain');
  // PostgreSQL text and jsonb cannot hold U+0000: refuse it at the edge instead of failing in SQL.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    parseJson(req, String(body), (error, parsed) => {
      if (error) return done(error, undefined);
      const hasNul = /\\u0000/i.test(String(body)) && containsNul(parsed);
      return hasNul
        ? done(errors.validation('请求中含有不允许的空字符（U+0000）'), undefined)
        : done(null, parsed);
    });
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('actor', null);

  const routes: RouteRecord[] = [];
  routeTables.set(app, routes);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, access: 'public' };
    const access = route.config?.access;
    if (!access) throw new Error(`route ${route.method} ${route.url} declares no access level`);
    for (const method of [route.method].flat()) {
      routes.push({ method, url: route.url, access, schema: route.schema });
    }
  });
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  app.setErrorHandler((error, req, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) req.log.error({ err: error }, 'request failed');
    return sendProblem(req, reply, appError);
  });
  app.setNotFoundHandler((req, reply) => sendProblem(req, reply, errors.notFound()));

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Yiwang 一网通办 API', version: '0.1.0', description: '一体化在线政务服务平台接口' },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'yiwang_session' } },
      },
    },
    // every operation gets a stable operationId (for generated clients) from its method and path
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      const method = [input.route.method].flat()[0] ?? 'get';
      return { ...out, schema: { operationId: operationIdOf(method, input.url), ...out.schema } };
    },
    // and every tag an operation uses is declared once at the top, as OpenAPI expects
    transformObject: (document) => {
      if (!('openapiObject' in document)) return document.swaggerObject;
      const api = document.openapiObject;
      const used = Object.values(api.paths ?? {}).flatMap((item) =>
        Object.values(item ?? {}).flatMap((op) =>
          op && typeof op === 'object' && 'tags' in op ? (op.tags ?? []) : [],
        ),
      );
      const names = used.filter((name): name is string => typeof name === 'string');
      api.tags = [...new Set(names)].sort().map((name) => ({ name }));
      return api;
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  // Authenticate, then apply the route's access level and CSRF as soon as the request arrives: before
  // its body is read or validated, so a caller without access learns nothing about the route's shape.
  app.addHook('onRequest', async (req) => {
    const access = req.routeOptions.config.access;
    // no route matched (every registered route declares its access): the not-found handler answers 404
    if (access === undefined) return;
    if (access === 'public' && !req.url.startsWith('/api/')) return;
    req.actor = await options.authenticate(req);
    const decision = decideAccess(access, req.actor);
    if (decision === 'unauthenticated') throw errors.unauthenticated();
    if (decision === 'forbidden') throw errors.forbidden();
    const isCookieWrite = access !== 'public' && req.actor && UNSAFE.has(req.method);
    if (isCookieWrite && req.headers['x-csrf-token'] !== req.actor?.csrfToken) {
      throw errors.csrf();
    }
  });

  registerOps(app, options.isReady);
  return app;
}

/** `POST /api/enterprises/:id/mandates` → `postEnterprisesByIdMandates`. */
export function operationIdOf(method: string, url: string): string {
  const cap = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
  const words = url
    .split('/')
    .filter((part) => part !== '' && part !== 'api')
    .map((part) => (part.startsWith(':') ? `By${cap(part.slice(1))}` : part === '*' ? 'Any' : part))
    .map((part) => part.split(/[-_.]/).map(cap).join(''));
  return method.toLowerCase() + words.join('');
}

/** Whether any string (key or value) in a parsed JSON value holds U+0000; iterative, for deep input. */
function containsNul(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string' && next.includes('\u0000')) return true;
    if (next && typeof next === 'object') {
      for (const [key, inner] of Object.entries(next)) {
        if (key.includes('\u0000')) return true;
        pending.push(inner);
      }
    }
  }
  return false;
}

export type HttpServer = Awaited<ReturnType<typeof createHttpServer>>;
