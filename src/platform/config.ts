// Configuration from the environment, read once at start. Every knob is documented in README.md.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** demo mode seeds the demo city and prints demo accounts; on unless YIWANG_DEMO=0 */
  isDemo: boolean;
  /** 32-byte key for field encryption (ID numbers, phones) and blind indexes */
  fieldKey: Buffer;
  /** cookies get the Secure flag (set when served behind HTTPS) */
  isSecureCookies: boolean;
  logLevel: string;
  /** trust X-Forwarded-For from a reverse proxy */
  trustProxy: boolean;
  /** sign-in attempts per client IP per minute on each auth route */
  authRateLimitPerMinute: number;
  /** sign-in and TOTP attempts per account per hour, from any number of addresses */
  authAttemptsPerAccountHour: number;
  /** TrueType CJK font for PDF notices (YIWANG_PDF_FONT); unset: the Debian fonts in the default list */
  pdfFontPath: string | undefined;
  /** the platform's public address for links printed on documents (YIWANG_PUBLIC_URL); unset: the request's */
  publicUrl: string | undefined;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.YIWANG_DATA_DIR ?? 'data');
  const isDemo = env.YIWANG_DEMO !== '0';
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    isDemo,
    fieldKey: loadFieldKey(env, dataDir, isDemo),
    isSecureCookies: env.YIWANG_SECURE_COOKIES === '1',
    logLevel: env.LOG_LEVEL ?? (isDemo ? 'warn' : 'info'),
    trustProxy: env.YIWANG_TRUST_PROXY === '1',
    authRateLimitPerMinute: Number(env.YIWANG_AUTH_RATE_LIMIT ?? 20),
    authAttemptsPerAccountHour: Number(env.YIWANG_AUTH_ACCOUNT_LIMIT ?? 100),
    pdfFontPath: env.YIWANG_PDF_FONT || undefined,
    publicUrl: env.YIWANG_PUBLIC_URL?.replace(/\/+$/, '') || undefined,
  };
}

/**
 * YIWANG_FIELD_KEY (64 hex chars) wins; a key file already in the data folder comes next; in demo mode
 * a key is generated into the data folder once. Outside demo mode a missing key stops the start.
 */
function loadFieldKey(env: NodeJS.ProcessEnv, dataDir: string, isDemo: boolean): Buffer {
  if (env.YIWANG_FIELD_KEY) {
    const key = Buffer.from(env.YIWANG_FIELD_KEY, 'hex');
    if (key.length !== 32) throw new Error('YIWANG_FIELD_KEY must be 64 hex characters (32 bytes)');
    return key;
  }
  const file = join(dataDir, 'field.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  if (!isDemo) {
    throw new Error(
      'YIWANG_FIELD_KEY is not set: outside demo mode the field-encryption key must come from configuration',
    );
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('hex'), { mode: 0o600 });
  return key;
}
