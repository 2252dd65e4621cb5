import {
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
  OnModuleDestroy,
  OnModuleInit,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { Client, type Pool } from 'pg';
import { from, Observable, of, switchMap } from 'rxjs';
import type { DatabaseHandle } from '../database/database';
import { CLOCK, Clock, DATABASE_HANDLE, PG_POOL } from '../tokens';

const CACHED_VIEW = 'ancrage:cached-view';

/**
 * Marks a GET endpoint whose answer depends only on read-model tables, its URL, the caller and
 * today's date: the answer is kept until any projection writes again. Not for endpoints that read
 * the event log itself (audit), whose truth must never come from memory.
 */
export const CachedView = () => SetMetadata(CACHED_VIEW, true);

/** A bounded LRU of rendered answers. */
export class ViewCache {
  private readonly entries = new Map<string, unknown>();

  constructor(private readonly capacity = 1000) {}

  get(key: string): unknown {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  set(key: string, value: unknown): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}

/**
 * Serves @CachedView answers from memory while the projections' checkpoints are unchanged. Every
 * projection batch, rebuild or swap notifies at commit (from any process); the generation is read
 * before the handler runs, so a stored answer is never older than the generation it is filed under.
 * Without the LISTEN connection, each request reads the checkpoint table instead.
 */
@Injectable()
export class ViewCacheInterceptor implements NestInterceptor, OnModuleInit, OnModuleDestroy {
  private readonly cache = new ViewCache();
  /** Bumped on every checkpoint notification; null while not listening (then each request asks). */
  private generation: number | null = null;
  private listener: Client | null = null;

  constructor(
    private readonly reflector: Reflector,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DATABASE_HANDLE) private readonly database: DatabaseHandle,
  ) {}

  async onModuleInit(): Promise<void> {
    const client = new Client({ connectionString: this.database.url });
    const stopListening = () => {
      this.generation = null;
      this.listener = null;
    };
    client.on('error', stopListening);
    client.on('end', stopListening);
    client.on('notification', () => this.generation !== null && this.generation++);
    try {
      await client.connect();
      await client.query('LISTEN projection_checkpoints');
      this.listener = client;
      this.generation = 0;
    } catch {
      await client.end().catch(() => undefined);
    }
  }

  async onModuleDestroy(): Promise<void> {
    const client = this.listener;
    this.generation = null;
    await client?.end().catch(() => undefined);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request & { principal?: { userId: string; grants: unknown } }>();
    // A caller waiting for its own write (consistentWith) is answered fresh, after the wait.
    const cacheable =
      this.reflector.get<boolean>(CACHED_VIEW, context.getHandler()) &&
      req.method === 'GET' &&
      (req.query.format === undefined || req.query.format === 'json') &&
      req.query.consistentWith === undefined;
    if (!cacheable) return next.handle();
    return from(this.version()).pipe(
      switchMap((version) => {
        const who = req.principal ? `${req.principal.userId}:${JSON.stringify(req.principal.grants)}` : '-';
        const key = `${version}|${this.clock().toISOString().slice(0, 10)}|${who}|${req.originalUrl}`;
        const res = context.switchToHttp().getResponse<Response>();
        const cached = this.cache.get(key) as Promise<string> | undefined;
        res.setHeader('x-view-cache', cached === undefined ? 'miss' : 'hit');
        // The answer is kept serialised, and concurrent misses share one computation.
        const body =
          cached ??
          new Promise<string>((resolve, reject) => next.handle().subscribe({ next: (b) => resolve(JSON.stringify(b)), error: reject }));
        if (!cached) {
          this.cache.set(key, body);
          body.catch(() => this.cache.delete(key));
        }
        return from(body).pipe(
          switchMap((json) => {
            res.type('application/json');
            return of(json);
          }),
        );
      }),
    );
  }

  private async version(): Promise<string> {
    if (this.generation !== null) return `g${this.generation}`;
    const { rows } = await this.pool.query<{ v: string | null }>(
      `SELECT string_agg(name || ':' || position || ':' || status || ':' || updated_at, ',' ORDER BY name) AS v FROM projection_checkpoints`,
    );
    return rows[0].v ?? '';
  }
}
