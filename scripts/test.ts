// `npm test`: the unit and integration suite (vitest), then the browser journeys in Chromium when it
// is installed. Prints one closing line with the counts of both: "tests: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { type Counts, summaryLine } from '../test/support/summary-reporter.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
mkdirSync('.tmp', { recursive: true });

function run(name: string, args: string[]): Counts & { code: number } {
  const file = `.tmp/summary-${name}.json`;
  rmSync(file, { force: true });
  const result = spawnSync('vitest', args, {
    stdio: 'inherit',
    env: { ...process.env, YIWANG_SUMMARY_FILE: file },
  });
  const counts: Counts = existsSync(file)
    ? JSON.parse(readFileSync(file, 'utf8'))
    : { passed: 0, failed: 1, skipped: 0 };
  return { ...counts, code: result.status ?? 1 };
}

const runs = [run('unit', ['run'])];
if (process.env.YIWANG_SKIP_BROWSER === '1') {
  console.log('\n浏览器测试已跳过（YIWANG_SKIP_BROWSER=1）。');
} else if (existsSync(CHROMIUM) && existsSync('test/browser')) {
  runs.push(run('browser', ['run', '--config', 'test/browser/vitest.config.ts']));
} else if (existsSync('test/browser')) {
  console.log(
    `\nBrowser tests skipped: no Chromium at ${CHROMIUM}.\n` +
      'Enable them with: sudo apt-get install -y --no-install-recommends chromium  (or set CHROMIUM_PATH)',
  );
}
const total = runs.reduce<Counts>(
  (sum, r) => ({
    passed: sum.passed + r.passed,
    failed: sum.failed + r.failed,
    skipped: sum.skipped + r.skipped,
  }),
  { passed: 0, failed: 0, skipped: 0 },
);
console.log(`\n${summaryLine(total)}`);
process.exit(runs.some((r) => r.code !== 0) || total.failed > 0 ? 1 : 0);
