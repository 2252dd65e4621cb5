import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Controller, Get, Inject, NotFoundException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { APP_CONFIG, AppConfig, DATABASE_HANDLE, DatabaseHandle, Public } from '../../../../libs/platform/src';
import { readDemoUsers } from './demo-users-file';

/** apps/web, found from the running file whether it runs from dist/ or from the sources (tests). */
export function webRoot(from = __dirname): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'apps/web/index.html'))) return join(dir, 'apps/web');
  }
  throw new Error(`apps/web not found above ${from}`);
}

/** The dashboard's files at / and the charting library at /vendor; no build step, plain ES modules. */
export function mountDashboard(app: NestExpressApplication): void {
  app.useStaticAssets(webRoot(), { index: 'index.html', maxAge: '5m' });
  app.useStaticAssets(dirname(require.resolve('chart.js')), { prefix: '/vendor/chart.js/', maxAge: '1d' });
}

/**
 * Offers the demo users' tokens on the sign-in page, with the embedded demo only: they exist only
 * on a machine that loaded the demo into its own embedded database.
 */
@ApiExcludeController()
@Controller('demo')
export class DemoUsersController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_HANDLE) private readonly database: DatabaseHandle,
  ) {}

  @Get('users')
  @Public()
  users() {
    if (!this.database.embedded) throw new NotFoundException({ code: 'NO_DEMO', message: 'demo users are offered with the embedded demo database only' });
    return readDemoUsers(this.config.dataDir);
  }
}
