import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { validateEnvironment } from './environment';

export { ConfigError } from './environment';

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
  /** Readiness fails while a projection lags the log by more events than this. */
  readyMaxLag: number;
  /** The folder agreement documents' bytes are kept in; null: in PostgreSQL, beside the log. */
  documentsDir: string | null;
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
    /** PEM file of the Ed25519 private key that signs tree heads (`ancrage audit keygen`). */
    signingKeyFile: string | null;
    /** PEM file of the public key heads are verified with (derived from the private key when unset). */
    publicKeyFile: string | null;
    /** How often the server seals the log into the Merkle tree and signs a head (0: never on its own). */
    sealIntervalMs: number;
    /** The witness folder every signed head is also written to, outside the database. */
    witnessDir: string;
    /** An HTTP endpoint every signed head is also POSTed to (JSON), when set. */
    witnessUrl: string | null;
  };
  mail: {
    /** null: no mail is sent (digests are off). */
    smtp: { host: string; port: number; secure: boolean; user: string | null; password: string | null } | null;
    from: string;
    /** Where recipients reach the page (links in digests). */
    publicUrl: string;
    /** The hour (Europe/Paris) digests are sent at; weekly ones on Mondays. */
    digestHour: number;
  };
}

/** `true`, a hop count, or addresses / subnets / names such as `loopback, 10.0.0.0/8` (Express's syntax). */
function trustProxy(raw: string | undefined): AppConfig['trustProxy'] {
  if (raw === undefined) return null;
  const value = raw.trim().toLowerCase();
  if (['true', 'yes', 'on'].includes(value)) return true;
  if (['false', 'no', 'off'].includes(value)) return null;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/** The configuration, from the environment validated by its schema (config/environment.ts). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const e = validateEnvironment(env);
  const dataDir = e.ANCRAGE_DATA_DIR ? resolve(e.ANCRAGE_DATA_DIR) : join(projectRoot(), '.data');
  return {
    databaseUrl: e.DATABASE_URL ?? null,
    dataDir,
    embeddedPort: e.ANCRAGE_EMBEDDED_PG_PORT ?? 54329,
    host: e.HOST ?? '127.0.0.1',
    port: e.PORT ?? 3000,
    trustProxy: trustProxy(e.ANCRAGE_TRUST_PROXY),
    runProjections: e.ANCRAGE_PROJECTIONS ?? true,
    demoOnFirstStart: e.ANCRAGE_DEMO ?? true,
    logLevel: e.LOG_LEVEL ?? 'info',
    consistencyTimeoutMs: e.ANCRAGE_CONSISTENCY_TIMEOUT_MS ?? 5000,
    readyMaxLag: e.ANCRAGE_READY_MAX_LAG ?? 10_000,
    documentsDir: e.ANCRAGE_DOCUMENTS_DIR ? resolve(e.ANCRAGE_DOCUMENTS_DIR) : null,
    auth: {
      jwtSecret: e.ANCRAGE_JWT_SECRET ?? null,
      jwksUrl: e.ANCRAGE_JWKS_URL ?? null,
      jwtIssuer: e.ANCRAGE_JWT_ISSUER ?? null,
      jwtAudience: e.ANCRAGE_JWT_AUDIENCE ?? null,
      failuresPerMinute: e.ANCRAGE_AUTH_FAILURES_PER_MINUTE ?? 20,
    },
    audit: {
      signingKeyFile: e.ANCRAGE_AUDIT_KEY_FILE ? resolve(e.ANCRAGE_AUDIT_KEY_FILE) : null,
      publicKeyFile: e.ANCRAGE_AUDIT_PUBLIC_KEY_FILE ? resolve(e.ANCRAGE_AUDIT_PUBLIC_KEY_FILE) : null,
      sealIntervalMs: e.ANCRAGE_SEAL_INTERVAL_MS ?? 60_000,
      witnessDir: e.ANCRAGE_WITNESS_DIR ? resolve(e.ANCRAGE_WITNESS_DIR) : join(dataDir, 'witness'),
      witnessUrl: e.ANCRAGE_WITNESS_URL ?? null,
    },
    mail: {
      smtp: e.ANCRAGE_SMTP_HOST
        ? {
            host: e.ANCRAGE_SMTP_HOST,
            port: e.ANCRAGE_SMTP_PORT ?? (e.ANCRAGE_SMTP_SECURE ? 465 : 587),
            secure: e.ANCRAGE_SMTP_SECURE ?? false,
            user: e.ANCRAGE_SMTP_USER ?? null,
            password: e.ANCRAGE_SMTP_PASSWORD ?? null,
          }
        : null,
      from: e.ANCRAGE_MAIL_FROM ?? 'Ancrage <ne-pas-repondre@ancrage.localhost>',
      publicUrl: (e.ANCRAGE_PUBLIC_URL ?? `http://${e.HOST ?? '127.0.0.1'}:${e.PORT ?? 3000}`).replace(/\/+$/, ''),
      digestHour: e.ANCRAGE_DIGEST_HOUR ?? 7,
    },
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
