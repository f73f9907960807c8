// Serves the built web front end (dist/web) from the same origin as the API: hashed assets cached for
// a year and sent as brotli or gzip when the build wrote those; any other GET that is not an API path
// and not a file gets index.html so the browser router can take it (SPA fallback). Unknown /api/*
// paths stay problem+json 404s.
import { existsSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { errors } from '../errors.ts';

export const WEB_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../dist/web');

export const hasWebBuild = (root: string = WEB_ROOT): boolean => existsSync(join(root, 'index.html'));

/** The file under `root` a URL path names, or null when it names none (or tries to leave root). */
function fileFor(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = resolve(root, `.${decoded}`);
  if (!file.startsWith(root + sep)) return null;
  try {
    return statSync(file).isFile() ? file.slice(root.length + 1) : null;
  } catch {
    return null;
  }
}

export async function registerWeb(app: FastifyInstance, root: string = WEB_ROOT): Promise<void> {
  // preCompressed: the build writes .br/.gz beside each asset; clients that accept them get those.
  await app.register(fastifyStatic, { root, serve: false, preCompressed: true });
  app.get(
    '/*',
    { config: { access: 'public' }, schema: { hide: true }, logLevel: 'warn' },
    async (req, reply) => {
      const path = req.url.split('?')[0] ?? '/';
      if (path === '/api' || path.startsWith('/api/')) throw errors.notFound();
      const file = fileFor(root, path);
      if (file) {
        const isHashed = file.startsWith(`assets${sep}`);
        reply.header('cache-control', isHashed ? 'public, max-age=31536000, immutable' : 'no-cache');
        return reply.sendFile(file, { cacheControl: false });
      }
      if (extname(path)) throw errors.notFound();
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html', { cacheControl: false });
    },
  );
}
