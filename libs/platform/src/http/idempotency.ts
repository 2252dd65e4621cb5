import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Pool } from 'pg';
import { from, Observable, of, switchMap, tap } from 'rxjs';
import { canonicalJson } from '@ancrage/event-store';
import { PG_POOL } from '../tokens';
import { DomainError } from '@ancrage/shared-kernel';
import { RequestValidationError } from './validation';

/** Marks a command route whose answer an Idempotency-Key may replay (set by @ApiCommand). */
export const IDEMPOTENT_COMMAND = 'ancrage:idempotent-command';
export const IdempotentCommand = () => SetMetadata(IDEMPOTENT_COMMAND, true);

const KEY = /^[\x21-\x7e]{1,200}$/;

const keyProblem = (message: string, code: string) =>
  new RequestValidationError([{ field: 'Idempotency-Key', problems: [message], codes: [code] }]);

/**
 * An Idempotency-Key is bound to the request it first came with: the same user, route, path and
 * body. Sent again with that request, it answers the first outcome and records nothing; with
 * another request or by another user, it is refused (422) rather than silently dropping the command.
 * The keys are found by their primary key, never by reading a stream.
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
    const actor = req.principal?.userId ?? '-';
    const route = `${req.method} ${(req.route as { path?: string } | undefined)?.path ?? req.path}`;
    const digest = createHash('sha256')
      .update(canonicalJson({ params: req.params, body: (req.body as unknown) ?? null }))
      .digest('hex');
    const res = context.switchToHttp().getResponse<Response>();
    return from(
      this.pool.query<{ actor: string; route: string; digest: string; status: number; answer: Record<string, unknown> }>(
        `SELECT actor, route, digest, status, answer FROM idempotency_keys WHERE key = $1`,
        [key],
      ),
    ).pipe(
      switchMap(({ rows }) => {
        const first = rows[0];
        if (!first) {
          return next
            .handle()
            .pipe(
              switchMap((answer: unknown) =>
                from(
                  this.pool.query(
                    `INSERT INTO idempotency_keys (key, actor, route, digest, status, answer) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (key) DO NOTHING`,
                    [key, actor, route, digest, res.statusCode, JSON.stringify(answer ?? null)],
                  ),
                ).pipe(switchMap(() => of(answer))),
              ),
            );
        }
        if (first.actor !== actor || first.route !== route || first.digest !== digest) {
          throw new DomainError(
            'IDEMPOTENCY_KEY_MISMATCH',
            'this Idempotency-Key was already used for another request: send a new key for a new request',
            'rule',
            'Idempotency-Key',
          );
        }
        res.status(first.status);
        return of({ ...first.answer, replayed: true }).pipe(tap(() => undefined));
      }),
    );
  }
}
