// `npm run bench -- <name>`: runs one benchmark. Benchmarks print ratios against a floor measured in
// the same run; results are recorded in docs/performance.md.
import { benchAuth } from './auth.ts';
import { benchGateway } from './gateway.ts';
import { benchLicense } from './license.ts';
import { benchSearch } from './search.ts';
import { benchStats } from './stats.ts';
import { benchSubmit } from './submit.ts';
import { benchWebhook } from './webhook.ts';

const BENCHES: Record<string, () => Promise<void>> = {
  auth: benchAuth,
  gateway: benchGateway,
  license: benchLicense,
  search: benchSearch,
  stats: benchStats,
  submit: benchSubmit,
  webhook: benchWebhook,
};

const name = process.argv[2];
const bench = name ? BENCHES[name] : undefined;
if (!bench) {
  console.log(`用法: npm run bench -- <${Object.keys(BENCHES).join('|')}>`);
  process.exit(1);
}
await bench();
process.exit(0);
