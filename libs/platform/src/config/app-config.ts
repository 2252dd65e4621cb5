import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Everything the process reads from its environment, in one place (README: Configuration). */
export interface AppConfig {
  /** External PostgreSQL; when absent an embedded server is started. */
  databaseUrl: string | null;
  dataDir: string;
  embeddedPort: number;
  host: string;
  port: number;
  /**
   * Express's `trust proxy` (ANCRAGE_TRUST_PROXY): which reverse proxies' X-Forwarded-For to believe,
   * so the failure limit counts clients, not the proxy. null: none (the socket address counts).
   */
  trustProxy: string | number | boolean | null;
  /** Run the projectors in this process (one per projection is elected across processes). */
  runProjections: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Load the demo territory on first start with the embedded store (never on an external database). */
  demoOnFirstStart: boolean;
  /** How long a query asking for a position waits for the projections. */
  consistencyTimeoutMs: number;
  auth: {
    /** HS256 secret for JWTs signed by a trusted issuer. */
    jwtSecret: string | null;
    /** JWKS URL of an organisation's identity provider (RS256 / ES256). */
    jwksUrl: string | null;
    jwtIssuer: string | null;
    jwtAudience: string | null;
    /** Authentication failures allowed per client address and minute before 429. */
    failuresPerMinute: number;
  };
  audit: {
    /** PEM file of the Ed25519 private key that signs digests (`ancrage audit keygen`). */
    signingKeyFile: string | null;
  };
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0, max = 65535): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  return n;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

function secret(env: NodeJS.ProcessEnv): string | null {
  const value = env.ANCRAGE_JWT_SECRET;
  if (!value) return null;
  if (value.length < 32) throw new ConfigError('ANCRAGE_JWT_SECRET must be at least 32 characters');
  return value;
}

/** `true`, a hop count, or addresses / subnets / names such as `loopback, 10.0.0.0/8` (Express's syntax). */
function trustProxy(raw: string | undefined): AppConfig['trustProxy'] {
  if (raw === undefined || raw.trim() === '') return null;
  const value = raw.trim().toLowerCase();
  if (['true', 'yes', 'on'].includes(value)) return true;
  if (['false', 'no', 'off'].includes(value)) return null;
  if (/^\d+$/.test(value)) return Number(value);
  if (!/^[a-z0-9.:/,\s]+$/.test(value)) throw new ConfigError(`ANCRAGE_TRUST_PROXY must be true, a hop count or addresses (loopback, 10.0.0.0/8…), got "${raw}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const logLevel = (env.LOG_LEVEL ?? 'info').toLowerCase();
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be debug, info, warn or error, got "${env.LOG_LEVEL}"`);
  return {
    databaseUrl: env.DATABASE_URL || null,
    dataDir: env.ANCRAGE_DATA_DIR ? resolve(env.ANCRAGE_DATA_DIR) : join(projectRoot(), '.data'),
    embeddedPort: integer(env, 'ANCRAGE_EMBEDDED_PG_PORT', 54329, 1024),
    host: env.HOST || '127.0.0.1',
    port: integer(env, 'PORT', 3000),
    trustProxy: trustProxy(env.ANCRAGE_TRUST_PROXY),
    runProjections: flag(env, 'ANCRAGE_PROJECTIONS', true),
    demoOnFirstStart: flag(env, 'ANCRAGE_DEMO', true),
    logLevel: logLevel as AppConfig['logLevel'],
    consistencyTimeoutMs: integer(env, 'ANCRAGE_CONSISTENCY_TIMEOUT_MS', 5000, 0, 60000),
    auth: {
      jwtSecret: secret(env),
      jwksUrl: env.ANCRAGE_JWKS_URL || null,
      jwtIssuer: env.ANCRAGE_JWT_ISSUER || null,
      jwtAudience: env.ANCRAGE_JWT_AUDIENCE || null,
      failuresPerMinute: integer(env, 'ANCRAGE_AUTH_FAILURES_PER_MINUTE', 20, 1, 100000),
    },
    audit: { signingKeyFile: env.ANCRAGE_AUDIT_KEY_FILE ? resolve(env.ANCRAGE_AUDIT_KEY_FILE) : null },
  };
}

/**
 * The checkout Ancrage runs from (the folder of its package.json), so `npm start` and a CLI command
 * run from any other folder share one default data directory.
 */
export function projectRoot(): string {
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'ancrage') return dir;
  }
  return process.cwd();
}

export const APP_CONFIG = Symbol('APP_CONFIG');
