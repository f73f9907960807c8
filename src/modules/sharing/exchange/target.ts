// Webhook target checks (SSRF): only http(s) URLs without credentials; outside demo mode the host must
// not be or resolve to a loopback, private, link-local, CGNAT or otherwise non-public address. Checked
// when subscribing and again before every delivery (a name may be re-pointed later). A delivery resolves
// the name once, checks that address and connects to it (post.ts pins it), so a name cannot answer a
// public address to the check and 127.0.0.1 to the connection (DNS rebinding).
import dns from 'node:dns';
import { BlockList, isIP } from 'node:net';

const blocked = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const)
  blocked.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(net, bits, 'ipv6');

export const isPrivateAddress = (address: string): boolean => {
  const mapped = address.toLowerCase().match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/);
  if (mapped?.[1]) return blocked.check(mapped[1], 'ipv4');
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family === 6) return blocked.check(address, 'ipv6');
  return true;
};

/** A problem with the URL's form (Chinese), or null. */
export function urlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return '回调地址不是有效的 URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return '回调地址只能使用 http 或 https';
  if (url.username || url.password) return '回调地址不能包含用户名或密码';
  return null;
}

const PRIVATE = '回调地址不能指向本机或内网';

/** Where a delivery connects: the one address its check resolved and accepted. */
export type Pinned = { address: string; family: 4 | 6 };

/**
 * Resolves the URL's host once and checks the address: a problem (Chinese), or the address to connect
 * to. Private addresses are accepted only when allowed (demo mode and tests), but still pinned.
 */
export async function resolveTarget(
  raw: string,
  allowPrivate: boolean,
): Promise<{ problem: string; pinned: null } | { problem: null; pinned: Pinned }> {
  const form = urlProblem(raw);
  if (form) return { problem: form, pinned: null };
  const host = new URL(raw).hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && (host === 'localhost' || host.endsWith('.localhost')))
    return { problem: PRIVATE, pinned: null };
  let addresses: Array<{ address: string; family: number }>;
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      // read at call time (not a named import) so the resolver the process uses is the one checked
      addresses = await dns.promises.lookup(host, { all: true });
    } catch {
      return { problem: '回调地址的域名无法解析', pinned: null };
    }
  }
  const first = addresses[0];
  if (!first) return { problem: '回调地址的域名无法解析', pinned: null };
  if (!allowPrivate && addresses.some((a) => isPrivateAddress(a.address)))
    return { problem: PRIVATE, pinned: null };
  return { problem: null, pinned: { address: first.address, family: first.family === 6 ? 6 : 4 } };
}

/** A problem with where the URL points (Chinese), or null: private targets are refused unless allowed. */
export async function targetProblem(raw: string, allowPrivate: boolean): Promise<string | null> {
  const form = urlProblem(raw);
  if (form || allowPrivate) return form;
  return (await resolveTarget(raw, allowPrivate)).problem;
}
