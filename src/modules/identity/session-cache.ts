// A short-lived, per-process cache of resolved sessions, so a busy page does not re-read its session
// on every request. Every identity change that affects a session forgets the account's entries on
// this node at once; other nodes see the change within TTL_MS (documented in docs/decisions/0002).
import type { Actor } from '../../platform/http/access.ts';
import type { EnterpriseView } from './schema.ts';

export const SESSION_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 20_000;

export type SessionFacts = {
  hasTotp: boolean;
  idNumberEnc: string | null;
  phoneEnc: string | null;
  /** the person's enterprises, filled by the first `me` of the cached session */
  enterprises?: EnterpriseView[];
};
type Entry = { actor: Actor; facts: SessionFacts; until: number };

export class SessionCache {
  readonly #byToken = new Map<string, Entry>();
  readonly #byAccount = new Map<string, Set<string>>();

  get(tokenHash: string, now: number): Entry | undefined {
    const entry = this.#byToken.get(tokenHash);
    if (entry && entry.until > now) return entry;
    if (entry) this.#drop(tokenHash, entry.actor.accountId);
    return undefined;
  }

  /** Cache until `until` (at most TTL_MS ahead, never past the session's own idle or absolute expiry). */
  put(tokenHash: string, actor: Actor, facts: SessionFacts, until: number): void {
    if (this.#byToken.size >= MAX_ENTRIES) this.clear();
    this.#byToken.set(tokenHash, { actor, facts, until });
    const tokens = this.#byAccount.get(actor.accountId) ?? new Set<string>();
    tokens.add(tokenHash);
    this.#byAccount.set(actor.accountId, tokens);
  }

  /** Forget every cached session of an account (after its sessions, roles or mandates changed). */
  forgetAccount(accountId: string): void {
    for (const tokenHash of this.#byAccount.get(accountId) ?? []) this.#byToken.delete(tokenHash);
    this.#byAccount.delete(accountId);
  }

  clear(): void {
    this.#byToken.clear();
    this.#byAccount.clear();
  }

  #drop(tokenHash: string, accountId: string): void {
    this.#byToken.delete(tokenHash);
    this.#byAccount.get(accountId)?.delete(tokenHash);
  }
}
