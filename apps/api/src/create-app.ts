import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import {
  ApiErrorFilter,
  AppConfig,
  correlationMiddleware,
  CorrelatedRequest,
  createValidationPipe,
  DatabaseHandle,
  JsonLogger,
} from '../../../libs/platform/src';
import { AppModule } from './app.module';
import { CONTEXTS } from './contexts';
import { CONTEXT_MODULES } from './context-modules';
import { mountDashboard } from './dashboard/dashboard';

export interface AppParts {
  config: AppConfig;
  database: DatabaseHandle;
  logger: JsonLogger;
  clock?: () => Date;
}

function moduleFor(parts: AppParts) {
  return AppModule.register({ ...parts, contexts: CONTEXTS, modules: CONTEXT_MODULES });
}

/** The HTTP application, configured exactly as `ancrage serve` runs it (tests use this too). */
export async function createApp(parts: AppParts): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(moduleFor(parts), { logger: parts.logger, forceCloseConnections: true });
  app.use(correlationMiddleware);
  app.use((req: Request, res: Response, next: NextFunction) => {
    res.on('finish', () => {
      const r = req as CorrelatedRequest;
      parts.logger.event('info', 'request', {
        method: req.method,
        path: req.originalUrl,
        status: res.statusCode,
        ms: Date.now() - r.startedAt,
        correlationId: r.correlationId,
      });
    });
    next();
  });
  mountDashboard(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiErrorFilter(parts.logger));
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Ancrage API')
      .setDescription(
        'Event-sourced tracker of how employment agencies anchor themselves in their territory. ' +
          'Commands answer with the log position they wrote; queries accept `consistentWith` to wait for it.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}

/** The same modules without HTTP, for CLI commands. */
export async function createAppContext(parts: AppParts): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(moduleFor(parts), { logger: parts.logger });
}
