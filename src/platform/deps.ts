// What the composition root hands every module: the database, the clock, the field cipher, config.
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { FieldCipher } from './crypto.ts';
import type { Db } from './db/index.ts';

export type PlatformDeps = {
  db: Db;
  clock: Clock;
  cipher: FieldCipher;
  config: Config;
};
