// One webhook POST to a pinned address: the connection goes to the address the target check resolved
// and accepted (never a second DNS answer), while the URL's host still names the request (Host header,
// TLS server name and certificate check). No connection reuse (each delivery is checked afresh), no
// redirects followed, the body of the answer discarded.

import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Pinned } from './target.ts';

export function postPinned(
  url: string,
  pinned: Pinned,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<number> {
  const target = new URL(url);
  const lookup = ((_host, options, callback) => {
    if (options.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  }) as LookupFunction;
  const request = target.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: 'POST',
        agent: false,
        lookup,
        signal: AbortSignal.timeout(timeoutMs),
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      },
      (res) => {
        res.on('error', () => {}); // a late abort while the answer drains is no failure of this POST
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
