// The hash chain, pure: each entry's hash covers the previous hash and the canonical JSON of its
// content (keys sorted at every depth), so any edit, deletion or reordering breaks the chain there.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export type ChainContent = {
  seq: number;
  at: string;
  actor: { id: string | null; kind: string; name: string };
  onBehalfOf: string | null;
  action: string;
  subject: { type: string; id: string };
  outcome: 'success' | 'failure';
  requestId: string;
  ip: string;
  summary: unknown;
};

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function chainHash(prevHash: string, content: ChainContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(content)).digest('hex');
}

/**
 * The canonical JSON of an entry around its seq, for appending where only the database knows the seq:
 * `before + seq + after` is exactly `canonicalJson(content)` (seq is a top-level key, sorted in place).
 */
export function canonicalAroundSeq(content: Omit<ChainContent, 'seq'>): { before: string; after: string } {
  const entries = Object.entries(content)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => ({ k, text: `${JSON.stringify(k)}:${canonicalJson(v)}` }));
  const before = entries.filter((e) => e.k < 'seq').map((e) => `${e.text},`);
  const after = entries.filter((e) => e.k > 'seq').map((e) => `,${e.text}`);
  return { before: `{${before.join('')}"seq":`, after: `${after.join('')}}` };
}
