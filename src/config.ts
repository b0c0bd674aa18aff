import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

import { z } from 'zod';

import { SetupError } from './errors.js';

/**
 * Every setting in one place: environment variables win over the optional JSON config file
 * (`CEAC_WATCH_CONFIG`, default `<data dir>/config.json`). Names in the file are the env names.
 */
const booleanish = z
  .union([z.boolean(), z.string()])
  .transform((v) => (typeof v === 'boolean' ? v : ['1', 'true', 'yes', 'on'].includes(v.toLowerCase())));

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  CEAC_WATCH_DATA: z.string().min(1),
  DATABASE_URL: z.url().optional(),
  CEAC_BASE_URL: z.url().default('https://ceac.state.gov'),
  CEAC_USER_AGENT: z
    .string()
    .default('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36'),
  /** Minimum milliseconds between two requests to the CEAC site, across all workers. */
  CEAC_REQUEST_INTERVAL_MS: z.coerce.number().int().min(0).default(2000),
  CEAC_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(20000),
  CEAC_CAPTCHA: z.string().optional(),
  /** How checks reach CEAC: plain HTTP, a real browser (passes Cloudflare's challenge), or HTTP then the browser. */
  CEAC_TRANSPORT: z.enum(['http', 'browser', 'auto']).default('auto'),
  /** The Chromium or Chrome the browser transport drives (else /usr/bin/chromium, chromium, google-chrome). */
  CEAC_BROWSER: z.string().min(1).optional(),
  CEAC_WATCH_SECRET: z.string().optional(),
  CEAC_WATCH_ALLOW_PRIVATE_TARGETS: booleanish.default(false),
  /** Behind a reverse proxy you run: rate-limit by X-Forwarded-For instead of the socket address. */
  CEAC_WATCH_TRUST_PROXY: booleanish.default(false),
  /**
   * With CEAC_WATCH_TRUST_PROXY: how many proxies you run in front (each appends one address to
   * X-Forwarded-For); the client is the address that many from the right. Default 1.
   */
  CEAC_WATCH_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
  /** SMTP for password resets and the mailto:// channel default sender, e.g. smtp://user:pass@host:587. */
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('ceac-watch <ceac-watch@localhost>'),
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Time without a successful check before a `check_failing` event, in minutes. */
  CHECK_FAILING_AFTER_MIN: z.coerce.number().int().min(1).default(360),
});

export type Config = z.infer<typeof ConfigSchema>;

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CEAC_WATCH_DATA) return env.CEAC_WATCH_DATA;
  const base = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'ceac-watch');
}

export class ConfigError extends SetupError {
  override name = 'ConfigError';
  override readonly code = 'config';
}

/** Reads and validates the configuration; throws ConfigError with every problem named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = defaultDataDir(env);
  const file = env.CEAC_WATCH_CONFIG ?? join(dataDir, 'config.json');
  let fromFile: Record<string, unknown> = {};
  if (existsSync(file)) {
    try {
      fromFile = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch (err) {
      throw new ConfigError(`config file ${file} is not valid JSON: ${(err as Error).message}`);
    }
  }
  const fromEnv = Object.fromEntries(
    Object.keys(ConfigSchema.shape)
      .filter((k) => env[k] !== undefined && env[k] !== '')
      .map((k) => [k, env[k]]),
  );
  const parsed = ConfigSchema.safeParse({ ...fromFile, ...fromEnv, CEAC_WATCH_DATA: dataDir });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid configuration: ${problems}`);
  }
  return parsed.data;
}
