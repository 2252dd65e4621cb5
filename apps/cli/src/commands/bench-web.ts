import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { INestApplication } from '@nestjs/common';
import { createApp } from '@ancrage/api';
import { webRoot } from '@ancrage/api';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { ProjectionEngine } from '@ancrage/projections';
import { JsonLogger, loadConfig, externalDatabase } from '@ancrage/platform';
import { scratchDatabase } from '../bench/scratch-database';
import { runDemo, settableClock } from './demo';

/** The pages people open most, as the role that opens them; each also read at a past date. */
const PAGES: { who: 'manager' | 'director'; path: string }[] = [
  { who: 'manager', path: '/agence/62001' },
  { who: 'manager', path: '/agence/62001/partenaires' },
  { who: 'manager', path: '/agence/62001/plan?annee=2018' },
  { who: 'manager', path: '/agence/62001/fonds?annee=2018' },
  { who: 'manager', path: '/agence/62001/historique' },
  { who: 'director', path: '/pilotage?annee=2018' },
  { who: 'director', path: '/pilotage/plans?annee=2018' },
  { who: 'director', path: '/pilotage/fonds?annee=2018' },
  { who: 'director', path: '/pilotage/partenariats' },
  { who: 'director', path: '/pilotage/ancrage?annee=2018' },
];

// The callbacks given to page.evaluate run in the browser: the little of the DOM they touch.
declare const document: { querySelector(selector: string): unknown };
declare const sessionStorage: { setItem(key: string, value: string): void };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/**
 * `ancrage bench-web`: the demo on a scratch database, the API and the built page on a free port,
 * Debian's Chromium driving them. Prints, per page, the time until its figures are on screen (live
 * and at a past date, median of N loads) and what the first page costs in gzipped JS and CSS.
 */
export async function benchWeb(options: { runs: string }): Promise<void> {
  const runs = Number(options.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 50) throw new Error('--runs must be an integer between 1 and 50');
  const root = webRoot();
  if (!root) throw new Error('dist/web is missing: run `npm run build` first');
  // playwright-core is a development dependency: the bench is run from a checkout, not in production.
  const { chromium } = await import('playwright-core');
  const base = loadConfig();
  const scratch = await scratchDatabase(base.databaseUrl, 'ancrage-web-bench');
  const config = { ...base, databaseUrl: scratch.url, logLevel: 'error' as const, demoOnFirstStart: false };
  const logger = new JsonLogger('error', (line) => process.stderr.write(`${line}\n`));
  const { clock, set } = settableClock();
  let app: INestApplication | undefined;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    app = await createApp({ config, database: externalDatabase(scratch.url, true), logger, clock });
    await app.listen(0, '127.0.0.1');
    const demo = await runDemo(app, config, set, { seed: 2018, scale: 1 });
    const head = await app.get<EventStore>(EVENT_STORE).headPosition();
    await app.get(ProjectionEngine).waitFor(head, undefined, 300_000);
    const url = await app.getUrl();
    const tokens = {
      manager: demo.users.find((u) => u.role === 'manager')!.token,
      director: demo.users.find((u) => u.userId === 'director-32')!.token,
    };

    // What the first page costs: every script and stylesheet the manager's home loads, gzipped.
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    const assets = new Set<string>();
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/assets/') && /\.(js|css)$/.test(path)) assets.add(path);
    });
    await page.goto(`${url}/`);
    await page.evaluate((t) => sessionStorage.setItem('ancrage.token', t), tokens.manager);
    await page.goto(`${url}/agence/62001`);
    await page.waitForFunction(() => !document.querySelector('.ancrage-loading') && document.querySelector('main h1'));
    await page.waitForLoadState('networkidle');
    const sizes = [...assets].map((path) => ({ path, gzip: gzipSync(readFileSync(join(root, path))).length }));
    const js = sizes.filter((s) => s.path.endsWith('.js')).reduce((t, s) => t + s.gzip, 0);
    const css = sizes.filter((s) => s.path.endsWith('.css')).reduce((t, s) => t + s.gzip, 0);
    await context.close();

    console.log(
      `Web bench on ${scratch.server} PostgreSQL, demo of ${demo.agencies} agencies and ${head} events, Debian Chromium; ${runs} loads per page`,
    );
    console.log(`first page (manager's home): JS ${kB(js)} + CSS ${kB(css)} = ${kB(js + css)} gzipped, in ${sizes.length} files`);
    console.log(
      `${'page'.padEnd(34)} ${'as'.padEnd(9)} ${'live p50'.padStart(9)} ${'live max'.padStart(9)} ${'past p50'.padStart(9)} ${'past max'.padStart(9)}`,
    );
    const results = [];
    for (const { who, path } of PAGES) {
      const ctx = await browser.newContext({ locale: 'fr-FR' });
      const p = await ctx.newPage();
      await p.goto(`${url}/`);
      await p.evaluate((t) => sessionStorage.setItem('ancrage.token', t), tokens[who]);
      const times = { live: [] as number[], past: [] as number[] };
      for (const [kind, target] of [
        ['live', path],
        ['past', `${path}${path.includes('?') ? '&' : '?'}au=2018-06-30`],
      ] as const) {
        for (let i = 0; i < runs; i++) {
          // A fresh navigation each time: the page loads, signs the user in from the session, asks
          // the API for its views, and is interactive once the last figure is on screen.
          await p.goto(`${url}${target}`, { waitUntil: 'commit' });
          // Checked at every frame: the first frame with the page's title and no loading message left.
          const ready = await p.waitForFunction(
            () => (!document.querySelector('.ancrage-loading') && document.querySelector('main h1') ? performance.now() : null),
            undefined,
            { timeout: 30_000, polling: 'raf' },
          );
          times[kind].push((await ready.jsonValue()) as number);
          await p.waitForLoadState('networkidle');
        }
      }
      await ctx.close();
      const line = {
        path,
        who,
        liveP50: Math.round(median(times.live)),
        liveMax: Math.round(Math.max(...times.live)),
        pastP50: Math.round(median(times.past)),
        pastMax: Math.round(Math.max(...times.past)),
      };
      results.push(line);
      console.log(
        `${path.padEnd(34)} ${who.padEnd(9)} ${`${line.liveP50} ms`.padStart(9)} ${`${line.liveMax} ms`.padStart(9)} ${`${line.pastP50} ms`.padStart(9)} ${`${line.pastMax} ms`.padStart(9)}`,
      );
    }
    console.log(JSON.stringify({ firstPage: { jsGzipBytes: js, cssGzipBytes: css }, pages: results }));
  } finally {
    await browser.close();
    await app?.close();
    await scratch.drop();
  }
}
