// Builds the web front end with Vite's JS API when dist/web is missing or older than its sources.
// `npm start` calls ensureWebBuilt(); `node scripts/build-web.ts` rebuilds unconditionally.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const INDEX = join(ROOT, 'dist/web/index.html');
/** What the bundle is made from: the web sources, the pure standards they import, the Vite config. */
const SOURCES = ['src/web', 'src/platform/standards', 'vite.config.ts', 'package-lock.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when dist/web/index.html is missing or older than any source. */
export function isWebStale(): boolean {
  if (!existsSync(INDEX)) return true;
  const built = statSync(INDEX).mtimeMs;
  return SOURCES.some((s) => newestMtime(join(ROOT, s)) > built);
}

export type EnsureWebOptions = { force?: boolean; log?: (line: string) => void };

/** Builds dist/web if needed; resolves to whether a build ran. */
export async function ensureWebBuilt(options: EnsureWebOptions = {}): Promise<boolean> {
  const log = options.log ?? ((line: string) => console.log(line));
  if (!options.force && !isWebStale()) {
    log('前端已是最新（dist/web）');
    return false;
  }
  log('正在构建前端（vite build → dist/web）…');
  const started = Date.now();
  const { build } = await import('vite');
  // A production bundle even when called under a test runner (NODE_ENV=test would keep React and
  // Ant Design in development mode).
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: join(ROOT, 'vite.config.ts'),
      root: join(ROOT, 'src/web'),
      mode: 'production',
      logLevel: 'warn',
    });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
  log(`前端构建完成，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await ensureWebBuilt({ force: true });
}
