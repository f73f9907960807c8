// Import boundaries (CONVENTIONS "A module is a room", DESIGN "Layout" and "Floors"): every import and
// export-from under src/ is checked. A module is entered only through its index.ts; platform imports no
// module; the web front end imports only pure shared code; a module imports only lower floors.
// Tests (*.test.ts, tests/ folders) may import anything, as CONVENTIONS says.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/** DESIGN.md "Floors: which way the arrows point". A new module must be given its floor here. */
const FLOORS: Record<string, number> = {
  audit: 2,
  files: 2,
  notify: 2,
  org: 3,
  identity: 4,
  catalog: 5,
  workflow: 6,
  cases: 7,
  seals: 8,
  licenses: 8,
  payments: 9,
  delivery: 9,
  hall: 9,
  interaction: 10,
  supervision: 10,
  regulation: 10,
  sharing: 11,
  opendata: 11,
  analytics: 12,
  performance: 12,
};

const ROOT = process.cwd();
const SPECIFIER =
  /(?:^|[\s;}])(?:import|export)\s+(?:type\s+)?(?:[\w*${}\s,]+?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every module specifier a file names in an import, export-from, side-effect or dynamic import. */
function specifiersOf(source: string): string[] {
  const withoutComments = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...withoutComments.matchAll(SPECIFIER)].map((m) => m[1] ?? m[2]).filter((s) => s !== undefined);
}

const moduleOf = (path: string): string | null => /^src\/modules\/([^/]+)\//.exec(path)?.[1] ?? null;
const isTest = (path: string) => /\.test\.tsx?$/.test(path) || /\/tests\//.test(path);

/** Why `from` may not import `to` (both repo-relative, '/'-separated), or null when it may. */
function boundaryViolation(from: string, to: string): string | null {
  if (!to.startsWith('src/') || isTest(from)) return null;
  const fromModule = moduleOf(from);
  const toModule = moduleOf(to);
  const isWeb = from.startsWith('src/web/');
  if (from.startsWith('src/platform/') && toModule) return 'platform imports no module';
  if (isWeb && !to.startsWith('src/web/')) {
    const isShared =
      /^src\/modules\/[^/]+\/schema\.ts$/.test(to) ||
      to.startsWith('src/platform/standards/') ||
      to === 'src/platform/roles.ts';
    return isShared
      ? null
      : 'web imports only modules/*/schema.ts, platform/standards/* and platform/roles.ts';
  }
  if (toModule && toModule !== fromModule && to !== `src/modules/${toModule}/index.ts`) {
    return `another module's internals: go through src/modules/${toModule}/index.ts`;
  }
  if (fromModule && toModule && fromModule !== toModule) {
    const [own, theirs] = [FLOORS[fromModule], FLOORS[toModule]];
    if (own === undefined || theirs === undefined) {
      return `module ${own === undefined ? fromModule : toModule} has no floor (add it to FLOORS and DESIGN.md)`;
    }
    if (theirs > own)
      return `floor ${own} (${fromModule}) imports floor ${theirs} (${toModule}): use an event or a port`;
  }
  return null;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const toRepoPath = (absolute: string) => relative(ROOT, absolute).split(sep).join('/');

describe('conformance: import boundaries', () => {
  it('finds imports however they are written', () => {
    const source = `import a from './a.ts';\nimport type { B,\n C } from "../b.ts";\nexport * from './c.ts';
export { d } from './d.ts';\nimport './e.ts';\nconst f = await import('./f.ts');\n// import x from './commented.ts';`;
    expect(specifiersOf(source)).toEqual(['./a.ts', '../b.ts', './c.ts', './d.ts', './e.ts', './f.ts']);
  });

  it('knows a violation when it sees one', () => {
    const cases: Array<[string, string, boolean]> = [
      ['src/modules/identity/service.ts', 'src/modules/org/index.ts', true],
      ['src/modules/identity/service.ts', 'src/modules/org/store.ts', false],
      ['src/modules/org/service.ts', 'src/modules/identity/index.ts', false],
      ['src/platform/http/server.ts', 'src/modules/audit/index.ts', false],
      ['src/web/portal/app.tsx', 'src/modules/identity/schema.ts', true],
      ['src/web/portal/app.tsx', 'src/platform/roles.ts', true],
      ['src/web/portal/app.tsx', 'src/platform/db/index.ts', false],
      ['src/web/portal/app.tsx', 'src/modules/identity/index.ts', false],
      ['src/modules/cases/service.ts', 'src/modules/identity/schema.ts', false],
      ['src/modules/newthing/service.ts', 'src/modules/audit/index.ts', false],
      ['src/app.ts', 'src/modules/org/index.ts', true],
      ['src/modules/org/org-admin.test.ts', 'src/modules/identity/store.ts', true],
    ];
    for (const [from, to, isAllowed] of cases) {
      expect(boundaryViolation(from, to) === null, `${from} → ${to}`).toBe(isAllowed);
    }
  });

  it('every import under src/ respects the module, platform, web and floor boundaries', () => {
    const files = sourceFiles(join(ROOT, 'src'));
    expect(files.length).toBeGreaterThan(30);
    const offences: string[] = [];
    for (const file of files) {
      const from = toRepoPath(file);
      for (const specifier of specifiersOf(readFileSync(file, 'utf8'))) {
        if (!specifier.startsWith('.')) continue;
        const to = toRepoPath(resolve(dirname(file), specifier));
        const why = boundaryViolation(from, to);
        if (why) offences.push(`${from}: import '${specifier}' — ${why}`);
      }
    }
    expect(offences).toEqual([]);
  });
});
