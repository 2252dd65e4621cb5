import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import {
  ApiErrorFilter,
  AppConfig,
  inputGuard,
  jsonEncoding,
  MAX_BODY_BYTES,
  securityHeaders,
  buildOpenApiDocument,
  correlationMiddleware,
  createValidationPipe,
  DatabaseHandle,
  JsonLogger,
  requestContext,
  requestLogging,
} from '@ancrage/platform';
import { AppModule } from './app.module';
import { CONTEXTS } from './contexts';
import { EVENT_LOG } from './event-log';
import { mountWebApp } from './web/web-app';

export interface AppParts {
  config: AppConfig;
  database: DatabaseHandle;
  logger: JsonLogger;
  clock?: () => Date;
}

function moduleFor(parts: AppParts) {
  return AppModule.register({ ...parts, contexts: CONTEXTS, eventLog: EVENT_LOG });
}

/** The HTTP application, configured exactly as `ancrage serve` runs it (tests use this too). */
export async function createApp(parts: AppParts): Promise<INestApplication> {
  // The body parser is ours, not Nest's, so the input guard runs right after it and before routing.
  const app = await NestFactory.create<NestExpressApplication>(moduleFor(parts), {
    logger: parts.logger,
    forceCloseConnections: true,
    bodyParser: false,
  });
  // The page's bundles and the API's JSON travel gzipped (the first page is ~0.25 MB instead of ~1 MB):
  // JSON answers in one synchronous call (jsonEncoding), the rest streamed by compression.
  app.disable('x-powered-by');
  if (parts.config.trustProxy !== null) app.set('trust proxy', parts.config.trustProxy);
  app.use(securityHeaders);
  app.use(compression());
  app.use(jsonEncoding);
  app.use(correlationMiddleware);
  app.use(requestLogging(parts.logger));
  app.useBodyParser('json', { limit: MAX_BODY_BYTES });
  app.use(inputGuard);
  app.use(requestContext);
  mountWebApp(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiErrorFilter(parts.logger));
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}

/**
 * The OpenAPI document without a database: the module graph in preview mode (no provider is
 * instantiated), so `npm run build` can write it for the web client.
 */
export async function createOpenApiDocument(parts: AppParts) {
  const app = await NestFactory.create<NestExpressApplication>(moduleFor(parts), { preview: true, logger: false });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

/** The same modules without HTTP, for CLI commands. */
export async function createAppContext(parts: AppParts): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(moduleFor(parts), { logger: parts.logger });
}
