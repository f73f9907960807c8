// Builds the web front end with Vite's JS API when dist/web is missing or older than its sources.
// `npm start` calls ensureWebBuilt(); `node scripts/build-web.ts` rebuilds unconditionally.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist/web');
const INDEX = join(OUT, 'index.html');
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

/** Writes .br and .gz beside every text asset over 1 KB; the server sends them pre-compressed. */
export function compressAssets(dir: string = OUT): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) count += compressAssets(path);
    else if (/\.(js|css|html|svg|json)$/.test(entry.name) && statSync(path).size > 1024) {
      const body = readFileSync(path);
      writeFileSync(
        `${path}.br`,
        brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
      );
      writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
      count++;
    }
  }
  return count;
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
  compressAssets();
  log(`前端构建完成，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await ensureWebBuilt({ force: true });
}
