import { Controller, Get, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService, MemoryHealthIndicator } from '@nestjs/terminus';
import type { Response } from 'express';
import type { Pool } from 'pg';
import { EVENT_STORE, type EventStore } from '@ancrage/event-store';
import { ProjectionEngine } from '@ancrage/projections';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { DatabaseHandle } from '../database/database';
import { Public } from '../http/public.decorator';
import { DATABASE_HANDLE, PG_POOL } from '../tokens';
import { HealthView, LivenessView, ReadinessView } from './health.views';

/** A process whose heap grew past this is not well: restart it. */
const HEAP_LIMIT_BYTES = 1.5 * 1024 ** 3;

@ApiTags('platform')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATABASE_HANDLE) private readonly database: DatabaseHandle,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly engine: ProjectionEngine,
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly memory: MemoryHealthIndicator,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The API is up and its database answers (no authentication)' })
  @ApiOkResponse({ description: 'the API is up and its database answers', type: HealthView })
  async summary(): Promise<HealthView> {
    return { status: 'ok', headPosition: await this.store.headPosition(), embeddedDatabase: this.database.embedded };
  }

  @Get('live')
  @Public()
  @ApiOperation({ summary: 'Liveness: the process answers and its heap is within bounds (no database call)' })
  @ApiOkResponse({ description: 'alive', type: LivenessView })
  @ApiServiceUnavailableResponse({ description: 'the heap is past its bound: restart the process', type: LivenessView })
  live(@Res({ passthrough: true }) res: Response): Promise<LivenessView> {
    return this.answer(res, () => this.health.check([() => this.memory.checkHeap('heap', HEAP_LIMIT_BYTES)]));
  }

  @Get('ready')
  @Public()
  @ApiOperation({
    summary: 'Readiness: the database answers and every projection is within ANCRAGE_READY_MAX_LAG events of the log',
    description:
      'A load balancer sends requests only to a ready process. A process whose views lag (a rebuild, a burst of imports) answers 503 until it catches up.',
  })
  @ApiOkResponse({ description: 'ready', type: ReadinessView })
  @ApiServiceUnavailableResponse({
    description: 'the database does not answer, or a projection lags; `error` says which',
    type: ReadinessView,
  })
  ready(@Res({ passthrough: true }) res: Response): Promise<ReadinessView> {
    return this.answer(res, () => this.health.check([() => this.databaseAnswers(), () => this.projectionsKeepUp()]));
  }

  /** Terminus throws its 503 as an exception; the error filter would reshape it, so it is answered here. */
  private async answer<T>(res: Response, check: () => Promise<T>): Promise<T> {
    try {
      return await check();
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      res.status(503);
      return error.getResponse() as T;
    }
  }

  private async databaseAnswers() {
    const session = this.indicator.check('database');
    const started = Date.now();
    try {
      await this.pool.query('SELECT 1');
      return session.up({ ms: Date.now() - started });
    } catch (error) {
      return session.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }

  private async projectionsKeepUp() {
    const session = this.indicator.check('projections');
    try {
      const statuses = await this.engine.status();
      const maxLag = this.config.readyMaxLag;
      const lagging = statuses.filter((s) => s.lag > maxLag).map((s) => s.name);
      const lag = Math.max(0, ...statuses.map((s) => s.lag));
      return lagging.length === 0 ? session.up({ lag, maxLag }) : session.down({ lag, maxLag, lagging });
    } catch (error) {
      return session.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
