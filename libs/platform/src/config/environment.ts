import { applyDecorators } from '@nestjs/common';
import { plainToInstance, Transform, type TransformFnParams } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  type ValidationArguments,
} from 'class-validator';

/**
 * The environment variables Ancrage reads, as a class-validator schema (the library the API's
 * requests are validated with): one declaration per variable, its type, bounds and message.
 * `loadConfig` turns the validated values into an AppConfig.
 */

const blankIsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** "12" becomes 12; anything else stays a string, for @IsInt to refuse with the text as given. */
const integer = ({ value }: TransformFnParams) => {
  const raw = blankIsUnset(value);
  return typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw) : raw;
};

const TRUE = ['1', 'true', 'yes', 'on'];
const FALSE = ['0', 'false', 'no', 'off'];
const flag = ({ value }: TransformFnParams) => {
  const raw = blankIsUnset(value);
  if (typeof raw !== 'string') return raw;
  const word = raw.trim().toLowerCase();
  return TRUE.includes(word) ? true : FALSE.includes(word) ? false : raw;
};

const got = (a: ValidationArguments) => `got "${String(a.value)}"`;
const between = (min: number, max: number) => ({
  message: (a: ValidationArguments) => `${a.property} must be an integer between ${min} and ${max}, ${got(a)}`,
});
const Integer = (min: number, max: number) =>
  applyDecorators(Transform(integer), IsOptional(), IsInt(between(min, max)), Min(min, between(min, max)), Max(max, between(min, max)));
const Flag = () =>
  applyDecorators(
    Transform(flag),
    IsOptional(),
    IsBoolean({ message: (a: ValidationArguments) => `${a.property} must be true or false, ${got(a)}` }),
  );
const Text = () =>
  applyDecorators(
    Transform(({ value }) => blankIsUnset(value)),
    IsOptional(),
    IsString(),
  );

export class Environment {
  @Text() DATABASE_URL?: string;
  @Text() ANCRAGE_DATA_DIR?: string;
  @Integer(1024, 65535) ANCRAGE_EMBEDDED_PG_PORT?: number;
  @Text() HOST?: string;
  @Integer(0, 65535) PORT?: number;

  /** Express's `trust proxy`: `true`, a hop count, or addresses / subnets / names (`loopback, 10.0.0.0/8`). */
  @Transform(({ value }) => blankIsUnset(value))
  @IsOptional()
  @Matches(/^[a-zA-Z0-9.:/,\s]+$/, {
    message: (a) => `ANCRAGE_TRUST_PROXY must be true, a hop count or addresses (loopback, 10.0.0.0/8…), ${got(a)}`,
  })
  ANCRAGE_TRUST_PROXY?: string;

  @Flag() ANCRAGE_PROJECTIONS?: boolean;
  @Flag() ANCRAGE_DEMO?: boolean;

  @Transform(({ value }) => (typeof blankIsUnset(value) === 'string' ? (value as string).trim().toLowerCase() : undefined))
  @IsOptional()
  @IsIn(['debug', 'info', 'warn', 'error'], { message: (a) => `LOG_LEVEL must be debug, info, warn or error, ${got(a)}` })
  LOG_LEVEL?: 'debug' | 'info' | 'warn' | 'error';

  @Integer(0, 60000) ANCRAGE_CONSISTENCY_TIMEOUT_MS?: number;
  /** Readiness fails while a projection is further behind the log than this many events. */
  @Integer(0, 100_000_000) ANCRAGE_READY_MAX_LAG?: number;

  @Transform(({ value }) => blankIsUnset(value))
  @IsOptional()
  @MinLength(32, { message: 'ANCRAGE_JWT_SECRET must be at least 32 characters' })
  ANCRAGE_JWT_SECRET?: string;

  @Transform(({ value }) => blankIsUnset(value))
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: (a) => `ANCRAGE_JWKS_URL must be an http(s) URL, ${got(a)}` })
  ANCRAGE_JWKS_URL?: string;

  @Text() ANCRAGE_JWT_ISSUER?: string;
  @Text() ANCRAGE_JWT_AUDIENCE?: string;
  @Integer(1, 100000) ANCRAGE_AUTH_FAILURES_PER_MINUTE?: number;
  @Text() ANCRAGE_AUDIT_KEY_FILE?: string;
  @Text() ANCRAGE_AUDIT_PUBLIC_KEY_FILE?: string;
  @Integer(0, 86_400_000) ANCRAGE_SEAL_INTERVAL_MS?: number;
  @Text() ANCRAGE_WITNESS_DIR?: string;

  /** Agreement documents: the folder their bytes are kept in (unset: PostgreSQL). */
  @Text() ANCRAGE_DOCUMENTS_DIR?: string;

  @Transform(({ value }) => blankIsUnset(value))
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: (a) => `ANCRAGE_WITNESS_URL must be an http(s) URL, ${got(a)}` })
  ANCRAGE_WITNESS_URL?: string;

  /** Mail: digests are sent through this SMTP server (none is sent while it is unset). */
  @Text() ANCRAGE_SMTP_HOST?: string;
  @Integer(1, 65535) ANCRAGE_SMTP_PORT?: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  @Flag() ANCRAGE_SMTP_SECURE?: boolean;
  @Text() ANCRAGE_SMTP_USER?: string;
  @Text() ANCRAGE_SMTP_PASSWORD?: string;

  @Transform(({ value }) => blankIsUnset(value))
  @IsOptional()
  @Matches(/^(.+<)?[^\s@<>]+@[^\s@<>]+>?$/, { message: (a) => `ANCRAGE_MAIL_FROM must be an address (Name <a@b.fr>), ${got(a)}` })
  ANCRAGE_MAIL_FROM?: string;

  /** The page's address as recipients reach it, for the links in digests. */
  @Transform(({ value }) => blankIsUnset(value))
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: (a) => `ANCRAGE_PUBLIC_URL must be an http(s) URL, ${got(a)}` })
  ANCRAGE_PUBLIC_URL?: string;

  /** Digests are sent every day at this hour, Paris time (weekly ones on Mondays). */
  @Integer(0, 23) ANCRAGE_DIGEST_HOUR?: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** The environment, validated: the first problem found stops the process with its message. */
export function validateEnvironment(env: NodeJS.ProcessEnv): Environment {
  const values = plainToInstance(Environment, { ...env });
  const problems = validateSync(values, { forbidUnknownValues: false, stopAtFirstError: true });
  if (problems.length > 0) {
    const messages = problems.flatMap((p) => Object.values(p.constraints ?? {}));
    throw new ConfigError(messages.join('; '));
  }
  return values;
}
