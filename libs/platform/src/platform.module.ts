import { APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { closePool, createDataSource, createPool, installPgTypeParsers, migrate } from '@ancrage/database';
import { EVENT_STORE, EventStore, UpcasterRegistry } from '@ancrage/event-store';
import { ProjectionEngine, ReadModels } from '@ancrage/projections';
import { DeciderRunner } from './commands/decider-runner';
import { APP_CONFIG, AppConfig } from './config/app-config';
import type { ContextParts } from './context';
import type { EventLogAdapter } from './event-log';
import type { DatabaseHandle } from './database/database';
import { schemaOf } from './database/schema';
import { HealthController } from './health/health.controller';
import { JsonLogger } from './logging/json-logger';
import { ProjectionsController } from './projections/projections.controller';
import { ReadConsistency } from './projections/read-consistency';
import { AlertSources } from './alerts/alert-sources';
import { CLOCK, DATABASE_HANDLE, PG_POOL } from './tokens';
import { ViewCacheInterceptor } from './http/view-cache';
import { IdempotencyInterceptor } from './http/idempotency';

export interface PlatformOptions {
  config: AppConfig;
  database: DatabaseHandle;
  logger: JsonLogger;
  contexts: ContextParts[];
  /** The event store adapter the composition root chose. */
  eventLog: EventLogAdapter;
  clock?: () => Date;
}

/** Starts the projectors after boot and closes the store and pool on shutdown, in that order. */
@Injectable()
class PlatformLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly engine: ProjectionEngine,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly logger: JsonLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.engine.prepare();
    if (this.config.runProjections) {
      await this.engine.start();
      this.logger.event('info', 'projectors started', { projections: this.engine.names() });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.engine.stop();
    await this.store.close();
    await closePool(this.pool);
  }
}

@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    installPgTypeParsers();
    const { entities, migrations } = schemaOf(options.contexts, options.eventLog);
    const projections = options.contexts.flatMap((c) => c.projections ?? []);
    const upcasters = new UpcasterRegistry();
    options.contexts.forEach((c) => c.registerUpcasters?.(upcasters));

    return {
      module: PlatformModule,
      imports: [
        DiscoveryModule,
        CqrsModule.forRoot(),
        // Terminus logs a failed check with its own logger; the 503 answer says it all.
        TerminusModule.forRoot({ logger: false }),
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ type: 'postgres', url: options.database.url, entities, migrations }),
          dataSourceFactory: async () => {
            const applied = await migrate({ url: options.database.url, entities, migrations });
            if (applied.length) options.logger.event('info', 'migrations applied', { migrations: applied });
            const ds = createDataSource({ url: options.database.url, entities, migrations });
            await ds.initialize();
            return ds;
          },
        }),
      ],
      controllers: [HealthController, ProjectionsController],
      providers: [
        { provide: APP_CONFIG, useValue: options.config },
        { provide: DATABASE_HANDLE, useValue: options.database },
        { provide: JsonLogger, useValue: options.logger },
        { provide: CLOCK, useValue: options.clock ?? (() => new Date()) },
        {
          provide: PG_POOL,
          useFactory: () => {
            // A client dropped by the server is said, and must not crash the process.
            return createPool(options.database.url, 20, (e) =>
              options.logger.event('warn', 'database connection lost', { error: e.message }),
            );
          },
        },
        {
          provide: EVENT_STORE,
          inject: [PG_POOL],
          useFactory: (pool: Pool) =>
            options.eventLog.open({
              pool,
              connectionString: options.database.url,
              upcasters,
              log: (level, msg, fields) => options.logger.event(level, msg, fields),
            }),
        },
        {
          provide: ProjectionEngine,
          inject: [EVENT_STORE, PG_POOL, DataSource],
          useFactory: (store: EventStore, pool: Pool, ds: DataSource) =>
            new ProjectionEngine(store, pool, ds, projections, {
              log: (msg, fields) => options.logger.event('warn', msg, fields),
            }),
        },
        {
          provide: ReadModels,
          inject: [PG_POOL, ProjectionEngine],
          useFactory: (pool: Pool, engine: ProjectionEngine) => new ReadModels(pool, engine),
        },
        {
          provide: DeciderRunner,
          inject: [EVENT_STORE, CLOCK],
          useFactory: (store: EventStore, clock: () => Date) => new DeciderRunner(store, clock),
        },
        ReadConsistency,
        AlertSources,
        PlatformLifecycle,
        { provide: APP_INTERCEPTOR, useClass: ViewCacheInterceptor },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
      exports: [
        APP_CONFIG,
        DATABASE_HANDLE,
        JsonLogger,
        CLOCK,
        PG_POOL,
        EVENT_STORE,
        ProjectionEngine,
        ReadModels,
        DeciderRunner,
        ReadConsistency,
        AlertSources,
        CqrsModule,
      ],
    };
  }
}
