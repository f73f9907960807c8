// Opening the platform for a command: configuration, database (migrated), modules.
import { join } from 'node:path';
import { createModules, type Modules } from '../app.ts';
import { type Config, loadConfig } from '../platform/config.ts';
import { type Database, openDatabase } from '../platform/db/index.ts';
import { migrate } from '../platform/db/migrate.ts';

export type Booted = { config: Config; database: Database; modules: Modules };

export async function boot(log: (line: string) => void): Promise<Booted> {
  const config = loadConfig();
  const where = config.databaseUrl
    ? 'PostgreSQL（DATABASE_URL）'
    : `内置 PGlite 数据库（${join(config.dataDir, 'pglite')}）`;
  log(`打开${where}…`);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: join(config.dataDir, 'pglite'),
  });
  const applied = await migrate(database.db, (m) => log(`  ${m}`));
  log(applied.length ? `已执行 ${applied.length} 个数据库迁移` : '数据库结构已是最新');
  return { config, database, modules: createModules(config, database) };
}

/** Seeds the demo city and demo accounts; safe to run on every start. */
export async function seedDemo(modules: Modules, log: (line: string) => void): Promise<void> {
  const org = await modules.org.seedDemo();
  if (Object.values(org).some((n) => n > 0)) {
    log(
      `演示数据：${org.divisions} 个行政区划、${org.departments} 个部门、${org.halls} 个政务服务中心、${org.windows} 个窗口、${org.calendarDays} 个节假日/调休日`,
    );
  }
  const created = await modules.identity.seedDemo((division, kind) =>
    modules.org.findDepartment(division, kind),
  );
  if (created) log('演示账号已创建');
  const started = performance.now();
  const catalog = await modules.catalog.seedDemo();
  if (catalog.versions > 0) {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    log(
      `演示事项：${catalog.items} 个事项、${catalog.implementations} 个实施清单、${catalog.versions} 个已发布版本（${seconds} 秒）`,
    );
  }
  const types = await modules.licenses.seedDemo();
  if (types > 0) log(`证照目录：${types} 种证照类型`);
  const seals = await modules.seals.seedDemo();
  if (seals > 0) log(`演示印章：${seals} 枚行政审批专用章（市级部门，已发放）`);
  const resources = await modules.sharing.seedDemo(await modules.identity.demoActors());
  if (resources > 0) log(`数据共享：${resources} 个信息资源已发布（法人基础信息已挂接 5 家企业）`);
  const datasets = await modules.opendata.seedDemo((await modules.identity.demoActors()).databureau);
  if (datasets > 0) log(`数据开放：${datasets} 个数据集已向社会开放（法人基础信息，已脱敏）`);
  const cases = await modules.seedCases();
  if (cases > 0)
    log(
      `演示办件：${cases} 件（已申报、补正中、审查中、超期、特别程序、已决定、已办结、不予受理、已撤回、已退件）`,
    );
  const ratings = await modules.seedRatings();
  if (ratings > 0) log(`演示评价：${ratings} 条好差评（含差评及其整改工单）`);
  // last, so the demo's own events come first in the outbox
  const bases = await modules.basedb.ensure();
  if (bases > 0)
    log(`基础库：${bases} 个基础信息资源已发布（人口、法人、电子证照、行政区划），数据由后台任务同步`);
}
