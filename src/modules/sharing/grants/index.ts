// sharing's grants and gateway (decision 0013): share requests and grants, system clients, the
// platform's OpenID provider for them, the /share/v1 gateway, its call log and statistics.
import type { RequestContext } from '../../../platform/context.ts';
import type { Actor } from '../../../platform/http/access.ts';
import type { SharingDeps } from '../deps.ts';
import * as clients from '../gateway/clients.ts';
import { createGateway } from '../gateway/gateway.ts';
import * as logs from '../gateway/logs.ts';
import { createOidc } from '../gateway/oidc.ts';
import type { ApproveInput, RequestInput } from './schema.ts';
import * as service from './service.ts';

export function createGrants(deps: SharingDeps) {
  const oidc = createOidc(deps);
  const gateway = createGateway(deps, oidc);
  return {
    request: (ctx: RequestContext, input: RequestInput) => service.requestShare(deps, ctx, input),
    approve: (ctx: RequestContext, id: string, input: ApproveInput) => service.approve(deps, ctx, id, input),
    reject: (ctx: RequestContext, id: string, reason: string) => service.reject(deps, ctx, id, reason),
    getRequest: (actor: Actor, id: string) => service.getRequest(deps, actor, id),
    listRequests: (actor: Actor, side: 'mine' | 'provided') => service.listRequests(deps, actor, side),
    listGrants: (actor: Actor, side: 'mine' | 'provided') => service.listGrants(deps, actor, side),
    getGrant: (actor: Actor, id: string) => service.getGrant(deps, actor, id),
    // the gateway forgets its cached policies at once (decision 0013)
    revoke: async (ctx: RequestContext, id: string, reason: string) => {
      const view = await service.revoke(deps, ctx, id, reason);
      gateway.forget();
      return view;
    },
    createClient: (ctx: RequestContext, input: { name: string; ratePerMinute: number }) =>
      clients.createClient(deps, ctx, input),
    listClients: (actor: Actor) => clients.listClients(deps, actor),
    disableClient: async (ctx: RequestContext, clientId: string) => {
      const view = await clients.disableClient(deps, ctx, clientId);
      gateway.forget();
      return view;
    },
    listLog: (actor: Actor, q: Parameters<typeof logs.listLog>[2]) => logs.listLog(deps, actor, q),
    stats: (actor: Actor, side: 'consumer' | 'provider' | 'all') => logs.stats(deps, actor, side),
    oidc,
    gateway,
  };
}
export type GrantsModule = ReturnType<typeof createGrants>;
