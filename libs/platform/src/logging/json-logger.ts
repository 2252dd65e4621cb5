import type { LoggerService } from '@nestjs/common';

const LEVELS = { debug: 10, verbose: 10, info: 20, log: 20, warn: 30, error: 40, fatal: 50 } as const;
type Level = keyof typeof LEVELS;

/** One JSON object per line on stdout: what log collectors expect from a service. */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly minimum: 'debug' | 'info' | 'warn' | 'error' = 'info',
    private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  ) {}

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

  /** Structured entry with fields. */
  event(level: Level, message: string, fields: Record<string, unknown> = {}) {
    if (LEVELS[level] < LEVELS[this.minimum]) return;
    this.write(JSON.stringify({ time: new Date().toISOString(), level: level === 'log' ? 'info' : level, msg: message, ...fields }));
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
