// Public routes that authenticate by themselves: the OpenID provider (a Node handler mounted under
// /oidc with the raw request — Fastify reads no body there) and the gateway (bearer tokens).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendProblem } from '../../../platform/http/problem.ts';
import type { GrantsModule } from '../grants/index.ts';

const OIDC_PREFIX = '/oidc';

export function gatewayRoutes(grants: Pick<GrantsModule, 'oidc' | 'gateway'>) {
  const plugin: FastifyPluginAsyncZod = async (app) => {
    // the provider: its own body parsing, its own errors (OAuth JSON), so hand it the raw request
    await app.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', (_req, _payload, done) => done(null, undefined));
      scope.route({
        method: ['GET', 'POST'],
        url: `${OIDC_PREFIX}/*`,
        config: { access: 'public' },
        schema: { hide: true },
        handler: async (req, reply) => {
          const handle = await grants.oidc.handler();
          reply.hijack();
          const raw = req.raw as typeof req.raw & { originalUrl?: string };
          raw.originalUrl = raw.url;
          raw.url = (raw.url ?? '/').slice(OIDC_PREFIX.length) || '/';
          await handle(raw, reply.raw);
        },
      });
    });

    app.get(
      '/share/v1/resources/:code/rows',
      {
        config: { access: 'public' },
        schema: {
          tags: ['sharing-gateway'],
          summary:
            '共享接口：按授权返回信息资源数据（Bearer 访问令牌；fields=逗号分隔；filter.<信息项>=值[,值]；page）',
          params: z.object({ code: z.string().regex(/^\d{6,12}[/-]\d{5}$/) }),
          // fields, page and any number of filter.<信息项> parameters
          querystring: z.looseObject({
            fields: z
              .string()
              .max(2000)
              .optional()
              .describe('逗号分隔的信息项英文名，缺省为授权的全部信息项'),
            page: z
              .string()
              .regex(/^\d{1,6}$/)
              .optional(),
          }),
        },
      },
      async (req, reply) => {
        const answer = await grants.gateway.call({
          authorization: req.headers.authorization,
          code: req.params.code,
          query: req.query as Record<string, string | string[] | undefined>,
        });
        if ('body' in answer) return reply.send(answer.body);
        if (answer.status === 401) reply.header('www-authenticate', 'Bearer realm="share"');
        return sendProblem(req, reply, answer.error);
      },
    );
  };
  return plugin;
}
