// Sign-in, sign-out, TOTP, "me", acting identity and enterprises. Auth routes are rate limited per IP.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { actorOf, contextOf } from '../../platform/http/access.ts';
import { SESSION_COOKIE } from './deps.ts';
import type { IdentityModule } from './index.ts';
import {
  ActingBody,
  EnrolView,
  EnterpriseBody,
  EnterpriseView,
  IdParams,
  LoginBody,
  LoginView,
  MandateBody,
  MandateParams,
  MandateView,
  MeView,
  PasswordBody,
  RegisterBody,
  TotpBody,
} from './schema.ts';

const tags = ['identity'];

/** The account an auth request targets: the signed-in account, else the folded username it names. */
function accountKeyOf(req: FastifyRequest): string {
  if (req.actor) return req.actor.accountId;
  const body = req.body as { kind?: unknown; username?: unknown } | undefined;
  const username = typeof body?.username === 'string' ? body.username : '';
  const folded = username
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .toLowerCase()
    .replace(/^\+?86(?=1\d{10}$)/, '');
  return `${String(body?.kind)}:${folded}`;
}

export function authRoutes(identity: IdentityModule): FastifyPluginAsyncZod {
  return async (app) => {
    const limited = { max: identity.config.authRateLimitPerMinute, timeWindow: '1 minute' };
    // Per account as well as per IP: a botnet spreading guesses over many addresses still meets this.
    const perAccount = app.createRateLimit({
      max: identity.config.authAttemptsPerAccountHour,
      timeWindow: '1 hour',
      keyGenerator: (req) => `account:${accountKeyOf(req)}`,
    });
    const checkAccountLimit = async (req: FastifyRequest) => {
      const limit = await perAccount(req);
      if (!limit.isAllowed && limit.isExceeded) {
        throw new AppError('RATE_LIMITED', 429, '请求过于频繁，请稍后再试', {
          detail: '该账号的登录尝试过于频繁，请一小时后再试',
          headers: { 'retry-after': String(limit.ttlInSeconds) },
        });
      }
    };
    const setSession = (reply: FastifyReply, token: string) =>
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: identity.config.isSecureCookies,
        path: '/',
      });
    const tokenOf = (req: FastifyRequest) => req.cookies[SESSION_COOKIE] ?? '';
    const meAfter = async (token: string) => identity.meByToken(token);

    app.post(
      '/api/auth/citizen/register',
      {
        config: { access: 'public', rateLimit: limited },
        schema: { tags, summary: '自然人注册', body: RegisterBody, response: { 201: MeView } },
      },
      async (req, reply) => {
        const { token } = await identity.registerCitizen(contextOf(req), req.body);
        setSession(reply, token);
        return reply.status(201).send(await meAfter(token));
      },
    );
    app.post(
      '/api/auth/login',
      {
        config: { access: 'public', rateLimit: limited },
        schema: { tags, summary: '登录', body: LoginBody, response: { 200: LoginView } },
      },
      async (req, reply) => {
        await checkAccountLimit(req);
        const { token, next } = await identity.login(contextOf(req), req.body);
        setSession(reply, token);
        return { next, me: await meAfter(token) };
      },
    );
    app.post(
      '/api/auth/totp/enrol',
      {
        config: { access: 'mfa-pending', rateLimit: limited },
        schema: { tags, summary: '绑定动态口令', response: { 200: EnrolView } },
      },
      async (req) => identity.enrolTotp(contextOf(req), actorOf(req)),
    );
    app.post(
      '/api/auth/totp/verify',
      {
        config: { access: 'mfa-pending', rateLimit: limited },
        schema: { tags, summary: '校验动态口令', body: TotpBody, response: { 200: MeView } },
      },
      async (req, reply) => {
        await checkAccountLimit(req);
        const { token } = await identity.verifyTotp(contextOf(req), actorOf(req), req.body.code);
        if (token) setSession(reply, token);
        return meAfter(token ?? tokenOf(req));
      },
    );
    app.post(
      '/api/auth/logout',
      {
        config: { access: 'mfa-pending' },
        schema: { tags, summary: '退出登录', response: { 204: z.null() } },
      },
      async (req, reply) => {
        await identity.logout(contextOf(req), actorOf(req), tokenOf(req));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/api/me',
      { config: { access: 'user' }, schema: { tags, summary: '当前用户', response: { 200: MeView } } },
      async (req) => identity.me(actorOf(req)),
    );
    app.post(
      '/api/me/password',
      {
        config: { access: 'user', rateLimit: limited },
        schema: { tags, summary: '修改密码', body: PasswordBody, response: { 204: z.null() } },
      },
      async (req, reply) => {
        await identity.changePassword(contextOf(req), actorOf(req), tokenOf(req), req.body);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/api/me/acting',
      {
        config: { access: 'citizen' },
        schema: { tags, summary: '切换办事身份', body: ActingBody, response: { 200: MeView } },
      },
      async (req) => {
        await identity.switchActing(contextOf(req), actorOf(req), tokenOf(req), req.body.enterpriseId);
        return meAfter(tokenOf(req));
      },
    );
    app.post(
      '/api/enterprises',
      {
        config: { access: 'citizen' },
        schema: { tags, summary: '法人开户', body: EnterpriseBody, response: { 201: EnterpriseView } },
      },
      async (req, reply) =>
        reply.status(201).send(await identity.openEnterprise(contextOf(req), actorOf(req), req.body)),
    );
    app.get(
      '/api/enterprises/mine',
      {
        config: { access: 'citizen' },
        schema: { tags, summary: '我的企业', response: { 200: z.array(EnterpriseView) } },
      },
      async (req) => identity.myEnterprises(actorOf(req).accountId),
    );
    app.get(
      '/api/enterprises/:id/mandates',
      {
        config: { access: 'citizen' },
        schema: {
          tags,
          summary: '经办人授权列表',
          params: IdParams,
          response: { 200: z.array(MandateView) },
        },
      },
      async (req) => identity.listMandates(actorOf(req), req.params.id),
    );
    app.post(
      '/api/enterprises/:id/mandates',
      {
        config: { access: 'citizen' },
        schema: {
          tags,
          summary: '授权经办人',
          params: IdParams,
          body: MandateBody,
          response: { 201: MandateView },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await identity.grantMandate(contextOf(req), actorOf(req), req.params.id, req.body)),
    );
    app.post(
      '/api/enterprises/:id/mandates/:mandateId/revoke',
      {
        config: { access: 'citizen' },
        schema: { tags, summary: '撤销授权', params: MandateParams, response: { 200: MandateView } },
      },
      async (req) =>
        identity.revokeMandate(contextOf(req), actorOf(req), req.params.id, req.params.mandateId),
    );
  };
}
