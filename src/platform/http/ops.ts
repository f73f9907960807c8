// Operations endpoints: liveness, readiness (red when the database does not answer) and Prometheus
// metrics (loopback only, or with YIWANG_METRICS_TOKEN as a bearer token).
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { errors } from '../errors.ts';

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

export function registerOps(app: FastifyInstance, isReady: () => Promise<boolean>): void {
  // probes are frequent: log them at warn at most, but never louder than the app itself (tests: silent)
  const current = LEVELS.find((level) => level === app.log.level) ?? 'info';
  const logLevel = LEVELS.indexOf(current) > LEVELS.indexOf('warn') ? current : 'warn';
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'yiwang_' });
  const duration = new Histogram({
    name: 'yiwang_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    duration.observe({ method: req.method, route, status: reply.statusCode }, reply.elapsedTime / 1000);
  });

  const ops = (summary: string) => ({
    config: { access: 'public' as const },
    logLevel,
    schema: { tags: ['ops'], summary },
  });
  app.get('/healthz', ops('存活探针'), async () => ({ status: 'ok' }));
  app.get('/readyz', ops('就绪探针（数据库可用）'), async (_req, reply) => {
    const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000).unref());
    const ok = await Promise.race([isReady(), timeout]);
    if (!ok) throw errors.unavailable('数据库不可用');
    return reply.send({ status: 'ready' });
  });
  app.get('/metrics', ops('Prometheus 指标（仅本机或持有令牌）'), async (req, reply) => {
    const token = process.env.YIWANG_METRICS_TOKEN;
    const isLoopback = ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(req.ip);
    const isAllowed = token ? req.headers.authorization === `Bearer ${token}` : isLoopback;
    if (!isAllowed) throw errors.forbidden('仅允许本机或持有监控令牌的请求读取指标');
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
