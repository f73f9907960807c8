// The platform's OpenID provider (oidc-provider 9) for system clients (接入系统): the client credentials
// grant only, one resource (the sharing gateway) whose access tokens are ES256 JWTs. Signing keys are
// generated at first start and kept encrypted in `sharing.oidc_key`; clients are read from
// `sharing.system_client` (secrets as hashes, compared in constant time); nothing else is persisted
// (client-credentials JWTs need no server state). Mounted by gateway/routes.ts under /oidc.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createLocalJWKSet, exportJWK, generateKeyPair, type JWK, jwtVerify } from 'jose';
import Provider, { errors as oidcErrors } from 'oidc-provider';
import { type Executor, sql } from '../../../platform/db/index.ts';
import type { SharingDeps } from '../deps.ts';

/** Access tokens live ten minutes; a client asks for a new one. */
const TOKEN_TTL = 600;
export const GATEWAY_SCOPE = 'share:read';

export const hashSecret = (secret: string) => `sha256:${createHash('sha256').update(secret).digest('hex')}`;
export function secretMatches(hash: string, secret: string) {
  const a = Buffer.from(hash);
  const b = Buffer.from(hashSecret(secret));
  return a.length === b.length && timingSafeEqual(a, b);
}

export function oidcUrls(deps: SharingDeps) {
  const base = deps.config.publicUrl ?? `http://localhost:${deps.config.port}`;
  return { issuer: `${base}/oidc`, audience: `${base}/share/v1` };
}

/**
 * The private signing keys: generated and stored (encrypted) the first time, read afterwards. Nodes
 * starting at once would each find no key and each store one (tokens signed by one node's key would
 * then depend on which set another node read), so the look and the insert happen in one transaction
 * under an advisory lock: the first node creates the key, the others wait and read it.
 */
async function signingKeys(deps: SharingDeps): Promise<JWK[]> {
  const read = async (db: Executor) =>
    (
      await sql<{
        jwk_encrypted: string;
      }>`select jwk_encrypted from sharing.oidc_key order by created_at, kid`.execute(db)
    ).rows.map((r) => JSON.parse(deps.cipher.decrypt(r.jwk_encrypted)) as JWK);
  const keys = await read(deps.db);
  if (keys.length > 0) return keys;
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = {
    ...(await exportJWK(privateKey)),
    alg: 'ES256',
    use: 'sig',
    kid: randomBytes(8).toString('hex'),
  };
  return deps.db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(hashtextextended('sharing:oidc-keys', 0))`.execute(tx);
    const stored = await read(tx);
    if (stored.length > 0) return stored;
    await sql`insert into sharing.oidc_key (kid, jwk_encrypted, created_at)
      values (${jwk.kid}, ${deps.cipher.encrypt(JSON.stringify(jwk))}, ${new Date()})`.execute(tx);
    return [jwk];
  });
}

type Stored = { payload: Record<string, unknown>; expiresAt: number | null };

/** Clients from the database; the provider's short-lived artefacts in memory (none for this grant). */
function adapterFor(deps: SharingDeps) {
  const memory = new Map<string, Stored>();
  return class SharingAdapter {
    readonly name: string;
    constructor(name: string) {
      this.name = name;
    }
    async upsert(id: string, payload: Record<string, unknown>, expiresIn?: number) {
      memory.set(`${this.name}:${id}`, {
        payload,
        expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : null,
      });
    }
    async find(id: string) {
      if (this.name === 'Client') {
        const c = (
          await sql<{ client_id: string; secret_hash: string }>`select client_id, secret_hash
            from sharing.system_client where client_id = ${id} and is_enabled`.execute(deps.db)
        ).rows[0];
        if (!c) return undefined;
        return {
          client_id: c.client_id,
          client_secret: c.secret_hash,
          grant_types: ['client_credentials'],
          response_types: [],
          redirect_uris: [],
          token_endpoint_auth_method: 'client_secret_basic',
          id_token_signed_response_alg: 'ES256',
          scope: GATEWAY_SCOPE,
        };
      }
      const s = memory.get(`${this.name}:${id}`);
      if (!s || (s.expiresAt !== null && s.expiresAt < Date.now())) return undefined;
      return s.payload;
    }
    async findByUid() {
      return undefined;
    }
    async findByUserCode() {
      return undefined;
    }
    async consume(id: string) {
      const s = memory.get(`${this.name}:${id}`);
      if (s) s.payload.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string) {
      memory.delete(`${this.name}:${id}`);
    }
    async revokeByGrantId() {}
  };
}

export type Oidc = {
  issuer: string;
  audience: string;
  /** the provider's Node request handler (built on first use) */
  handler(): Promise<ReturnType<Provider['callback']>>;
  /** the client id of a valid gateway access token, or null */
  verify(token: string): Promise<string | null>;
};

export function createOidc(deps: SharingDeps): Oidc {
  const { issuer, audience } = oidcUrls(deps);
  let ready: Promise<{
    handler: ReturnType<Provider['callback']>;
    jwks: ReturnType<typeof createLocalJWKSet>;
  }>;
  const init = () => {
    ready ??= (async () => {
      const keys = await signingKeys(deps);
      const publicKeys = keys.map(({ d: _d, ...pub }) => pub);
      const provider = new Provider(issuer, {
        adapter: adapterFor(deps),
        jwks: { keys },
        cookies: { keys: [deps.cipher.blindIndex('oidc-cookie-key')] },
        scopes: [GATEWAY_SCOPE],
        ttl: { ClientCredentials: TOKEN_TTL },
        clientDefaults: {
          grant_types: ['client_credentials'],
          response_types: [],
          token_endpoint_auth_method: 'client_secret_basic',
        },
        features: {
          devInteractions: { enabled: false },
          clientCredentials: { enabled: true },
          introspection: { enabled: false },
          revocation: { enabled: false },
          resourceIndicators: {
            enabled: true,
            defaultResource: () => audience,
            useGrantedResource: () => true,
            getResourceServerInfo: (_ctx: unknown, indicator: string) => {
              if (indicator !== audience) throw new oidcErrors.InvalidTarget('未知的资源服务');
              return {
                scope: GATEWAY_SCOPE,
                audience,
                accessTokenTTL: TOKEN_TTL,
                accessTokenFormat: 'jwt',
                jwt: { sign: { alg: 'ES256' } },
              };
            },
          },
        },
      });
      provider.proxy = deps.config.trustProxy;
      // secrets are kept only as hashes: compare the hash of what the client sent
      provider.Client.prototype.compareClientSecret = function compare(actual: string) {
        return secretMatches(this.clientSecret, actual);
      };
      return { handler: provider.callback(), jwks: createLocalJWKSet({ keys: publicKeys }) };
    })();
    return ready;
  };
  return {
    issuer,
    audience,
    handler: async () => (await init()).handler,
    async verify(token) {
      const { jwks } = await init();
      try {
        const { payload } = await jwtVerify(token, jwks, {
          issuer,
          audience,
          algorithms: ['ES256'],
          typ: 'at+jwt',
        });
        return typeof payload.client_id === 'string' ? payload.client_id : null;
      } catch {
        return null;
      }
    },
  };
}
