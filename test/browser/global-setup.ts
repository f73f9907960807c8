// Once per browser run: the migrated database template and an up-to-date web build in dist/web.
import { ensureWebBuilt } from '../../scripts/build-web.ts';
import { prepareTemplate } from '../support/db.ts';

export async function setup(): Promise<void> {
  await ensureWebBuilt({ log: (line) => console.log(`[browser] ${line}`) });
  await prepareTemplate();
}
