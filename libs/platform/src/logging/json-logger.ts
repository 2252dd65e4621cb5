import type { LoggerService } from '@nestjs/common';
import pino, { type Logger as Pino } from 'pino';
import { requestFields } from './request-context';

type Level = 'debug' | 'verbose' | 'info' | 'log' | 'warn' | 'error' | 'fatal';
const PINO_LEVEL: Record<Level, 'debug' | 'info' | 'warn' | 'error' | 'fatal'> = {
  debug: 'debug',
  verbose: 'debug',
  info: 'info',
  log: 'info',
  warn: 'warn',
  error: 'error',
  fatal: 'fatal',
};

/**
 * Secrets never reach a log line, wherever they sit: request headers (pino-http), fields of an
 * entry, or one level down (`{ user: { token } }`).
 */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  ...['authorization', 'token', 'password', 'secret', 'jwtSecret', 'privateKey', 'apiKey'].flatMap((key) => [key, `*.${key}`]),
];

/**
 * The process's logger: pino, one JSON object per line (`time`, `level`, `msg`, then fields), with
 * secrets redacted. Nest's framework logs go through it too (it is Nest's LoggerService).
 */
export class JsonLogger implements LoggerService {
  readonly pino: Pino;

  constructor(minimum: 'debug' | 'info' | 'warn' | 'error' = 'info', write?: (line: string) => void) {
    this.pino = pino(
      {
        level: minimum,
        base: undefined,
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
        redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      },
      write ? { write: (chunk: string) => write(chunk.trimEnd()) } : pino.destination({ fd: 1, sync: true }),
    );
  }

  /** Structured entry with fields; while a request is served, with its correlation id. */
  event(level: Level, message: string, fields: Record<string, unknown> = {}) {
    const request = requestFields.getStore();
    this.pino[PINO_LEVEL[level]](request ? { ...request, ...fields } : fields, message);
  }

  log(message: unknown, ...rest: unknown[]) {
    this.emit('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.emit('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.emit('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.emit('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.emit('debug', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]) {
    this.emit('fatal', message, rest);
  }

  private emit(level: Level, message: unknown, rest: unknown[]) {
    // Nest passes the context (class name) last, and an error's stack before it.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const fields: Record<string, unknown> = {};
    if (context) fields.context = context;
    if (rest.length && typeof rest[0] === 'string' && level === 'error') fields.stack = rest[0];
    if (message instanceof Error) {
      fields.stack = message.stack;
      message = message.message;
    }
    if (typeof message === 'object' && message !== null) {
      Object.assign(fields, message);
      message = (message as { msg?: string }).msg ?? '';
    }
    this.event(level, String(message), fields);
  }
}
