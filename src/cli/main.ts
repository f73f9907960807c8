#!/usr/bin/env node
// The `yiwang` command: serve, migrate, seed --demo, audit verify, files gc, user create-admin, totp.
import { parseArgs } from 'node:util';
import { buildApp } from '../app.ts';
import { demoAccountList } from '../modules/identity/index.ts';
import { systemContext } from '../platform/context.ts';
import { hotp, stepAt } from '../platform/totp.ts';
import { boot, seedDemo } from './boot.ts';

const log = (line: string) => console.log(line);
const USAGE = `用法: yiwang <命令>
  serve [--build-web]        启动平台（演示模式下自动写入演示数据）
  migrate                    执行数据库迁移
  seed --demo                写入演示城市和演示账号
  audit verify               校验审计日志哈希链
  analytics rebuild          从办件重新统计全部数据，与增量统计比对，不一致处予以修复
  files gc                   清理 24 小时内未被使用的上传文件、无记录的文件内容和中断上传的临时文件
  user create-admin --username U --name 名称 --password P
                             创建系统管理员（首次登录时绑定动态口令）
  totp <密钥>                显示该动态口令密钥当前的 6 位验证码（绑定时页面显示的密钥；
                             没有验证器应用时用它代替，不访问数据库）`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      'build-web': { type: 'boolean' },
      demo: { type: 'boolean' },
      username: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
    },
  });
  if (!command || command === 'help' || command === '--help') {
    log(USAGE);
    return command ? 0 : 1;
  }
  if (command === 'serve') return serve(Boolean(values['build-web']));
  if (command === 'totp') {
    const secret = (positionals[0] ?? '').replace(/\s+/g, '').toUpperCase();
    if (!/^[A-Z2-7]{16,}$/.test(secret)) throw new Error('用法: yiwang totp <绑定时显示的密钥>');
    log(hotp(secret, stepAt(new Date())));
    return 0;
  }
  const { database, modules } = await boot(log);
  try {
    switch (command) {
      case 'migrate':
        return 0;
      case 'seed':
        if (!values.demo) throw new Error('请指定 --demo');
        await seedDemo(modules, log);
        return 0;
      case 'audit': {
        if (positionals[0] !== 'verify') throw new Error('用法: yiwang audit verify');
        const result = await modules.audit.verify((n) => process.stdout.write(`\r已校验 ${n} 条…`));
        process.stdout.write('\n');
        if (result.ok) {
          log(`OK：审计日志共 ${result.count} 条，哈希链完整（链头 ${result.headHash.slice(0, 16)}…）`);
          return 0;
        }
        log(`失败：第 ${result.firstBadSeq} 条审计记录未通过校验 —— ${result.reason}`);
        return 2;
      }
      case 'analytics': {
        if (positionals[0] !== 'rebuild') throw new Error('用法: yiwang analytics rebuild');
        await modules.analytics.runPending();
        const r = await modules.analytics.rebuild();
        log(
          r.agreed
            ? `一致：${r.cases} 件办件的统计与增量统计完全一致`
            : `已修复：${r.cases} 件办件中 ${r.factsRepaired} 条办件统计、${r.dailyRepaired} 条日汇总、${r.ratingsRepaired} 条评价汇总与重新统计不一致，已按重新统计修复`,
        );
        return 0;
      }
      case 'files': {
        if (positionals[0] !== 'gc') throw new Error('用法: yiwang files gc');
        const removed = await modules.files.gc(systemContext('cli'));
        log(
          `已清理：${removed.files} 个未使用的上传、${removed.blobs} 个文件内容、${removed.temps} 个临时文件`,
        );
        return 0;
      }
      case 'user': {
        if (positionals[0] !== 'create-admin' || !values.username || !values.password) {
          throw new Error('用法: yiwang user create-admin --username U --name 名称 --password P');
        }
        const staff = await modules.identity.createStaff(systemContext('cli'), {
          username: values.username,
          name: values.name ?? '系统管理员',
          departmentId: null,
          divisionCode: '411500',
          roles: ['sys_admin'],
          password: values.password,
        });
        log(`已创建系统管理员 ${staff.username}，首次登录时需绑定动态口令`);
        return 0;
      }
      default:
        log(USAGE);
        return 1;
    }
  } finally {
    await database.close();
  }
}

async function serve(buildWeb: boolean): Promise<number> {
  if (buildWeb) {
    const { ensureWebBuilt } = await import('../../scripts/build-web.ts');
    await ensureWebBuilt({ log });
  }
  const { config, database } = await boot(log);
  const { app, modules } = await buildApp({ config, database, background: true });
  // the platform CA (root and issuing certificates for seals) exists from the first start
  await modules.seals.ensureAuthority();
  if (config.isDemo) await seedDemo(modules, log);
  // base databases (基础库): registered once, rebuilt from their sources by the background job
  else await modules.basedb.ensure();
  // a deep accept queue: a burst of new connections waits instead of being reset (RELIABILITY R1)
  await app.listen({ port: config.port, host: config.host, backlog: 2048 });
  const url = `http://localhost:${config.port}`;
  log(`\n一网通办已启动：${url}\n  工作台 ${url}/workbench   接口文档 ${url}/api/docs`);
  if (config.isDemo) {
    log('\n演示账号（仅演示模式）：');
    for (const a of demoAccountList())
      log(`  ${a.who.padEnd(10, '　')} ${a.username.padEnd(12)} ${a.password.padEnd(18)} ${a.note}`);
    log(
      '  管理员、监察和审计人员首次登录需绑定动态口令；没有验证器应用时：npm run yiwang -- totp <页面显示的密钥>',
    );
  }
  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return -1;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(`错误：${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
