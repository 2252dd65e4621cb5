import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Pool } from 'pg';
import { from, Observable } from 'rxjs';
import { canonicalJson } from '@ancrage/event-store';
import { DomainError } from '@ancrage/shared-kernel';
import { PG_POOL } from '../tokens';
import { RequestValidationError } from './validation';

/** Marks a command route whose answer an Idempotency-Key may replay (set by @ApiCommand). */
export const IDEMPOTENT_COMMAND = 'ancrage:idempotent-command';
export const IdempotentCommand = () => SetMetadata(IDEMPOTENT_COMMAND, true);

const KEY = /^[\x21-\x7e]{1,200}$/;
/** A key reserved this long ago by a request that never finished (a crash) is free again. */
const ABANDONED_AFTER = '1 minute';
/** How long a request waits for the same request, sent a moment before, to finish. */
const WAIT_FOR_FIRST_MS = 10_000;
const PENDING = 0;

const keyProblem = (message: string, code: string) =>
  new RequestValidationError([{ field: 'Idempotency-Key', problems: [message], codes: [code] }]);

interface KeyRow {
  actor: string;
  route: string;
  digest: string;
  status: number;
  answer: Record<string, unknown> | null;
}

/**
 * An Idempotency-Key is bound to the request it first came with: the same user, route, path and
 * body. Sent again with that request, it answers the first outcome and records nothing; with
 * another request or by another user, it is refused (422) rather than silently dropping the command.
 *
 * The key is reserved before the command runs (a row in `idempotency_keys`, found by its primary
 * key), so two requests racing with one key cannot both be recorded: the second sees the first's
 * reservation, and is refused if it differs, or waits for the first's answer if it is the same. A
 * refused command frees its key (nothing was recorded; the corrected request may reuse it).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request & { principal?: { userId: string } }>();
    const key = req.header('idempotency-key');
    if (key === undefined || !this.reflector.get<boolean>(IDEMPOTENT_COMMAND, context.getHandler())) return next.handle();
    if (!KEY.test(key)) return from(Promise.reject(keyProblem('Idempotency-Key must be 1-200 printable ASCII characters', 'matches')));
    const request: Omit<KeyRow, 'status' | 'answer'> = {
      actor: req.principal?.userId ?? '-',
      route: `${req.method} ${(req.route as { path?: string } | undefined)?.path ?? req.path}`,
      digest: createHash('sha256')
        .update(canonicalJson({ params: req.params, body: (req.body as unknown) ?? null }))
        .digest('hex'),
    };
    const res = context.switchToHttp().getResponse<Response>();
    return from(
      this.once(key, request, res, () => new Promise((resolve, reject) => next.handle().subscribe({ next: resolve, error: reject }))),
    );
  }

  private async once(
    key: string,
    request: Omit<KeyRow, 'status' | 'answer'>,
    res: Response,
    run: () => Promise<unknown>,
  ): Promise<unknown> {
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      if (await this.reserve(key, request)) return this.runReserved(key, res, run);
      const first = await this.find(key);
      if (!first) continue; // freed meanwhile: reserve it again
      if (first.actor !== request.actor || first.route !== request.route || first.digest !== request.digest) {
        throw new DomainError(
          'IDEMPOTENCY_KEY_MISMATCH',
          'this Idempotency-Key was already used for another request: send a new key for a new request',
          'rule',
          'Idempotency-Key',
        );
      }
      if (first.status !== PENDING) {
        res.status(first.status);
        return { ...first.answer, replayed: true };
      }
      if (Date.now() >= deadline) {
        throw new DomainError(
          'IDEMPOTENCY_KEY_IN_USE',
          'the same request is still being recorded: retry it in a moment',
          'conflict',
          'Idempotency-Key',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Takes the key for this request, or says someone holds it (a finished or a running request). */
  private async reserve(key: string, request: Omit<KeyRow, 'status' | 'answer'>): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO idempotency_keys (key, actor, route, digest, status, answer) VALUES ($1, $2, $3, $4, ${PENDING}, 'null')
       ON CONFLICT (key) DO UPDATE SET actor = EXCLUDED.actor, route = EXCLUDED.route, digest = EXCLUDED.digest, created_at = now()
         WHERE idempotency_keys.status = ${PENDING} AND idempotency_keys.created_at < now() - interval '${ABANDONED_AFTER}'`,
      [key, request.actor, request.route, request.digest],
    );
    return rowCount === 1;
  }

  private async runReserved(key: string, res: Response, run: () => Promise<unknown>): Promise<unknown> {
    let answer: unknown;
    try {
      answer = await run();
    } catch (error) {
      await this.pool.query(`DELETE FROM idempotency_keys WHERE key = $1 AND status = ${PENDING}`, [key]).catch(() => undefined);
      throw error;
    }
    await this.pool.query(`UPDATE idempotency_keys SET status = $2, answer = $3 WHERE key = $1`, [
      key,
      res.statusCode,
      JSON.stringify(answer ?? null),
    ]);
    return answer;
  }

  private async find(key: string): Promise<KeyRow | undefined> {
    const { rows } = await this.pool.query<KeyRow>(`SELECT actor, route, digest, status, answer FROM idempotency_keys WHERE key = $1`, [
      key,
    ]);
    return rows[0];
  }
}
