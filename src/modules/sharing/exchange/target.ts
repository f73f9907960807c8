// Webhook target checks (SSRF): only http(s) URLs without credentials; outside demo mode the host must
// not be or resolve to a loopback, private, link-local, CGNAT or otherwise non-public address. Checked
// when subscribing and again before every delivery (a name may be re-pointed later).
import { lookup } from 'node:dns/promises';
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

/** A problem with where the URL points (Chinese), or null: private targets are refused unless allowed. */
export async function targetProblem(raw: string, allowPrivate: boolean): Promise<string | null> {
  const form = urlProblem(raw);
  if (form || allowPrivate) return form;
  const host = new URL(raw).hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return '回调地址不能指向本机或内网';
  if (isIP(host)) return isPrivateAddress(host) ? '回调地址不能指向本机或内网' : null;
  try {
    const addresses = await lookup(host, { all: true });
    if (addresses.some((a) => isPrivateAddress(a.address))) return '回调地址不能指向本机或内网';
  } catch {
    return '回调地址的域名无法解析';
  }
  return null;
}
