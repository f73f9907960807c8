// 接入系统: a consuming department's data officer registers its systems as OAuth2 clients of the
// platform's OpenID provider. The secret is shown once and kept as a hash; a client can be disabled
// (its next token request and its next gateway call fail). Audit + outbox for each step.
import { randomBytes } from 'node:crypto';
import type { RequestContext } from '../../../platform/context.ts';
import { sql } from '../../../platform/db/index.ts';
import { emit } from '../../../platform/events.ts';
import type { Actor } from '../../../platform/http/access.ts';
import type { SharingDeps } from '../deps.ts';
import { grantErrors } from '../grants/errors.ts';
import { actorOfCtx } from '../use-cases/catalog.ts';
import { hashSecret } from './oidc.ts';

type ClientRow = {
  client_id: string;
  department_id: string;
  department_name: string;
  name: string;
  rate_per_minute: number;
  is_enabled: boolean;
  created_by_name: string;
  created_at: Date;
  disabled_at: Date | null;
};
const view = (c: ClientRow) => ({
  clientId: c.client_id,
  name: c.name,
  departmentId: c.department_id,
  departmentName: c.department_name,
  ratePerMinute: c.rate_per_minute,
  isEnabled: c.is_enabled,
  createdByName: c.created_by_name,
  createdAt: new Date(c.created_at).toISOString(),
  disabledAt: c.disabled_at ? new Date(c.disabled_at).toISOString() : null,
});

function officerDepartment(actor: Actor) {
  if (!actor.roles.includes('data_officer') || !actor.departmentId) throw grantErrors.clientNotFound();
  return actor.departmentId;
}

export const clientRow = async (deps: Pick<SharingDeps, 'db'>, clientId: string) =>
  (await sql<ClientRow>`select * from sharing.system_client where client_id = ${clientId}`.execute(deps.db))
    .rows[0];

export async function createClient(
  deps: SharingDeps,
  ctx: RequestContext,
  input: { name: string; ratePerMinute: number },
) {
  const actor = actorOfCtx(ctx);
  const dept = officerDepartment(actor);
  const department = await deps.org.getDepartment(dept);
  const clientId = `ywc_${randomBytes(12).toString('hex')}`;
  const clientSecret = randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    await sql`insert into sharing.system_client (client_id, department_id, department_name, name, secret_hash,
      rate_per_minute, created_by_name, created_at) values (${clientId}, ${dept}, ${department?.name ?? ''},
      ${input.name}, ${hashSecret(clientSecret)}, ${input.ratePerMinute}, ${actor.displayName}, ${now})`.execute(
      tx,
    );
    await emit(tx, 'sharing.client-registered', { clientId, departmentId: dept });
    await deps.audit.record(tx, ctx, {
      action: 'sharing-client.register',
      subjectType: 'sharing-client',
      subjectId: clientId,
      summary: { name: input.name, ratePerMinute: input.ratePerMinute },
    });
    const row = (
      await sql<ClientRow>`select * from sharing.system_client where client_id = ${clientId}`.execute(tx)
    ).rows[0];
    if (!row) throw grantErrors.clientNotFound();
    return { ...view(row), clientSecret };
  });
}

export async function listClients(deps: SharingDeps, actor: Actor) {
  const dept = officerDepartment(actor);
  const { rows } = await sql<ClientRow>`select * from sharing.system_client where department_id = ${dept}
    order by created_at desc`.execute(deps.db);
  return { items: rows.map(view) };
}

export async function disableClient(deps: SharingDeps, ctx: RequestContext, clientId: string) {
  const actor = actorOfCtx(ctx);
  const dept = officerDepartment(actor);
  const c = await clientRow(deps, clientId);
  if (!c || c.department_id !== dept) throw grantErrors.clientNotFound(clientId);
  if (!c.is_enabled) throw grantErrors.wrongState('接入系统已停用');
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    await sql`update sharing.system_client set is_enabled = false, disabled_at = ${now}
      where client_id = ${clientId}`.execute(tx);
    await emit(tx, 'sharing.client-disabled', { clientId, departmentId: dept });
    await deps.audit.record(tx, ctx, {
      action: 'sharing-client.disable',
      subjectType: 'sharing-client',
      subjectId: clientId,
    });
    return view({ ...c, is_enabled: false, disabled_at: now });
  });
}
