import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Controller, Get, Inject, NotFoundException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { NextFunction, Request, Response } from 'express';
import { APP_CONFIG, AppConfig, DATABASE_HANDLE, DatabaseHandle, Public } from '@ancrage/platform';
import { readDemoUsers } from './demo-users-file';

/** dist/web (the page `npm run build` writes), found from the running file, in dist/ or in the sources (tests). */
export function webRoot(from = __dirname): string | null {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'dist/web/index.html'))) return join(dir, 'dist/web');
  }
  return null;
}

/**
 * The web application at /: its hashed assets cached for a year, and index.html for every page a
 * browser asks for (a navigation accepts text/html; the API's callers do not), so the page's own
 * routes (/agence/62001/fonds…) load it. Without a build, the API still runs, and says so at /.
 */
export function mountWebApp(app: NestExpressApplication): void {
  const root = webRoot();
  if (!root) {
    app.use('/', (req: Request, res: Response, next: NextFunction) =>
      req.method === 'GET' && req.path === '/'
        ? res.status(503).type('text/plain; charset=utf-8').send('La page web n’est pas construite : lancez « npm run build ».')
        : next(),
    );
    return;
  }
  app.useStaticAssets(join(root, 'assets'), { prefix: '/assets/', immutable: true, maxAge: '365d' });
  // The few files at the top (favicon…) by name: a static handler there would look on disk for every API path.
  const topFiles = new Set(
    readdirSync(root, { withFileTypes: true })
      .filter((f) => f.isFile() && f.name !== 'index.html')
      .map((f) => `/${f.name}`),
  );
  const serveTop = express.static(root, { index: false, maxAge: '5m' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (topFiles.has(req.path)) serveTop(req, res, next);
    else next();
  });
  const index = join(root, 'index.html');
  app.use((req: Request, res: Response, next: NextFunction) => {
    // `/` is the page for everyone; a deeper path is a page for a browser's navigation only.
    const isPage =
      req.method === 'GET' &&
      (req.path === '/' ||
        (/text\/html/.test(req.header('accept') ?? '') && !req.path.startsWith('/docs') && !req.path.startsWith('/assets/')));
    if (!isPage) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
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
    if (!this.database.embedded)
      throw new NotFoundException({ code: 'NO_DEMO', message: 'demo users are offered with the embedded demo database only' });
    return readDemoUsers(this.config.dataDir);
  }
}
