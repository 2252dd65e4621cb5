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
import { trackingViewReads } from '@ancrage/projections';
import type { DatabaseHandle } from '../database/database';
import { EncodedJson, sendingEncoded } from './json-encoding';
import { CLOCK, Clock, DATABASE_HANDLE, PG_POOL } from '../tokens';

const CACHED_VIEW = 'ancrage:cached-view';

/**
 * Marks a GET endpoint whose answer depends only on read-model tables, its URL, the caller and
 * today's date: the answer is kept until a projection it read writes again. Not for endpoints that read
 * the event log itself (audit), whose truth must never come from memory, nor for tables read
 * other than through ReadModels (which notes the projections an answer depends on).
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

/** A rendered answer and what it was computed from. */
interface CachedAnswer {
  body: Promise<EncodedJson>;
  /** The stamp taken before the handler ran. */
  stamp: Stamp;
  /** The projections the handler read, once it has answered; null while it runs. */
  projections: ReadonlySet<string> | null;
}

/** Where the projections stood: an epoch (the listener's life, or the checkpoints read) and each one's writes heard. */
interface Stamp {
  epoch: string;
  writes: ReadonlyMap<string, number>;
  /** Writes heard of any projection. */
  total: number;
}

/**
 * Serves @CachedView answers from memory while the projections they read are unchanged. Every
 * projection batch, rebuild or swap notifies at commit (from any process) with the projection's
 * name; an answer notes which projections its handler read (through ReadModels) and is dropped
 * only when one of those writes again, so contacts logged all day do not empty the fund's or the
 * plan's answers. The stamp is taken before the handler runs, so a stored answer is never older
 * than the writes it is filed under. An answer that read no projection, or one still being
 * computed, is shared only while no projection has written at all. Without the LISTEN connection,
 * each request reads the checkpoint table instead.
 */
@Injectable()
export class ViewCacheInterceptor implements NestInterceptor, OnModuleInit, OnModuleDestroy {
  private readonly cache = new ViewCache();
  /** Writes heard per projection since the listener started; null while not listening (then each request asks). */
  private writes: Map<string, number> | null = null;
  private total = 0;
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
      this.writes = null;
      this.listener = null;
    };
    client.on('error', stopListening);
    client.on('end', stopListening);
    client.on('notification', ({ payload }) => {
      if (!this.writes) return;
      const name = payload ?? '';
      this.writes.set(name, (this.writes.get(name) ?? 0) + 1);
      this.total++;
    });
    try {
      await client.connect();
      await client.query('LISTEN projection_checkpoints');
      this.listener = client;
      this.writes = new Map();
    } catch {
      await client.end().catch(() => undefined);
    }
  }

  async onModuleDestroy(): Promise<void> {
    const client = this.listener;
    this.writes = null;
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
    return from(this.stamp()).pipe(
      switchMap((stamp) => {
        const who = req.principal ? `${req.principal.userId}:${JSON.stringify(req.principal.grants)}` : '-';
        const key = `${this.clock().toISOString().slice(0, 10)}|${who}|${req.originalUrl}`;
        const res = context.switchToHttp().getResponse<Response>();
        const found = this.cache.get(key) as CachedAnswer | undefined;
        const cached = found && stillValid(found, stamp) ? found : undefined;
        res.setHeader('x-view-cache', cached === undefined ? 'miss' : 'hit');
        let body = cached?.body;
        if (!body) {
          // The answer is kept serialised, and concurrent misses share one computation.
          const answer: CachedAnswer = { body: Promise.resolve({ json: '' }), stamp, projections: null };
          answer.body = new Promise<EncodedJson>((resolve, reject) => {
            const { projections } = trackingViewReads(() =>
              next.handle().subscribe({
                next: (b) => {
                  answer.projections = projections;
                  resolve({ json: JSON.stringify(b) });
                },
                error: reject,
              }),
            );
          });
          this.cache.set(key, answer);
          answer.body.catch(() => this.cache.get(key) === answer && this.cache.delete(key));
          body = answer.body;
        }
        return from(body).pipe(
          switchMap((encoded) => {
            res.type('application/json');
            sendingEncoded(res, encoded);
            return of(encoded.json);
          }),
        );
      }),
    );
  }

  private async stamp(): Promise<Stamp> {
    // The listener is opened once: its counts only grow while it lives, and once lost it is not reopened.
    if (this.writes !== null) return { epoch: 'listening', writes: new Map(this.writes), total: this.total };
    const { rows } = await this.pool.query<{ v: string | null }>(
      `SELECT string_agg(name || ':' || position || ':' || status || ':' || updated_at, ',' ORDER BY name) AS v FROM projection_checkpoints`,
    );
    return { epoch: rows[0].v ?? '', writes: new Map(), total: 0 };
  }
}

/** An answer stands while no projection it read has written since its stamp (any projection, if it read none). */
function stillValid(answer: CachedAnswer, now: Stamp): boolean {
  if (answer.stamp.epoch !== now.epoch) return false;
  const read = answer.projections;
  if (!read || read.size === 0) return answer.stamp.total === now.total;
  for (const name of read) if ((answer.stamp.writes.get(name) ?? 0) !== (now.writes.get(name) ?? 0)) return false;
  return true;
}
