// Public routes that authenticate by themselves: the OpenID provider (a Node handler mounted under
// /oidc with the raw request — Fastify reads no body there) and the gateway (bearer tokens).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../../platform/errors.ts';
import { sendProblem } from '../../../platform/http/problem.ts';
import type { GrantsModule } from '../grants/index.ts';

const OIDC_PREFIX = '/oidc';
const TOKEN_BODY_LIMIT = 16 * 1024;

export function gatewayRoutes(grants: Pick<GrantsModule, 'oidc' | 'gateway'>) {
  const plugin: FastifyPluginAsyncZod = async (app) => {
    // The provider: discovery, its keys and the token endpoint only (client credentials). It parses its
    // own bodies and answers OAuth errors itself, so it gets the raw request; what reaches it is a form
    // of at most 16 KB (anything else is a problem+json 415/413 here).
    await app.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', (_req, _payload, done) => done(null, undefined));
      const toProvider = async (req: FastifyRequest, reply: FastifyReply) => {
        const handle = await grants.oidc.handler();
        reply.hijack();
        const raw = req.raw as typeof req.raw & { originalUrl?: string };
        raw.originalUrl = raw.url;
        raw.url = (raw.url ?? '/').slice(OIDC_PREFIX.length) || '/';
        await handle(raw, reply.raw);
      };
      const hidden = { config: { access: 'public' as const }, schema: { hide: true } };
      scope.get(`${OIDC_PREFIX}/.well-known/openid-configuration`, hidden, toProvider);
      scope.get(`${OIDC_PREFIX}/jwks`, hidden, toProvider);
      scope.post(`${OIDC_PREFIX}/token`, hidden, async (req, reply) => {
        const type = String(req.headers['content-type'] ?? '')
          .split(';')[0]
          ?.trim()
          .toLowerCase();
        if (Number(req.headers['content-length'] ?? 0) > TOKEN_BODY_LIMIT || req.headers['transfer-encoding'])
          throw errors.tooLarge();
        if (type !== 'application/x-www-form-urlencoded') {
          // a JSON body is refused like elsewhere: broken → 400, well-formed → 415
          if (type === 'application/json') {
            const chunks: Buffer[] = [];
            for await (const chunk of req.raw) chunks.push(chunk as Buffer);
            try {
              JSON.parse(Buffer.concat(chunks).toString('utf8'));
            } catch {
              throw errors.badJson();
            }
          }
          throw errors.unsupportedMedia('令牌端点只接受 application/x-www-form-urlencoded');
        }
        return toProvider(req, reply);
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
        if (answer.cause) req.log.error({ err: answer.cause }, 'sharing gateway call failed');
        if (answer.status === 401) reply.header('www-authenticate', 'Bearer realm="share"');
        return sendProblem(req, reply, answer.error);
      },
    );
  };
  return plugin;
}
