import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import { Browser, chromium, Page } from 'playwright-core';
import request from 'supertest';
import { settableClock } from '../../apps/cli/src/commands/demo';
import { DemoResult, loadDemo } from '../../apps/cli/src/demo/load-demo';
import { EVENT_STORE, EventStore } from '../../libs/event-store/src';
import { ProjectionEngine } from '../../libs/projections/src';
import { Harness, startApp } from '../support/app-harness';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTEFACTS = resolve(__dirname, '../../test-artifacts/dashboard');
const digits = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

/**
 * The dashboard in headless Chromium, on the demo territory loaded through the real handlers: sign
 * in, open each view, and check the figures on screen against the API's own answers.
 */
describe('director dashboard in the browser', () => {
  let h: Harness;
  let demo: DemoResult;
  let browser: Browser;
  let page: Page;
  let base: string;
  const token = (role: string) => demo.users.find((u) => u.role === role && (role !== 'director' || u.scope === 'national'))!.token;
  const get = (path: string, who = 'director') => request(h.app.getHttpServer()).get(path).set('authorization', `Bearer ${token(who)}`).expect(200).then((r) => r.body);

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium package (.ci/run does) or set CHROMIUM_PATH`);
    mkdirSync(ARTEFACTS, { recursive: true });
    const { clock, set } = settableClock();
    h = await startApp({}, clock);
    demo = await loadDemo(h.app.get(CommandBus), set, { seed: 2018, scale: 1 });
    const head = await h.app.get<EventStore>(EVENT_STORE).headPosition();
    expect(await h.app.get(ProjectionEngine).waitFor(head, undefined, 60_000)).toBe(true);
    base = await h.app.getUrl();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('pageerror', (e) => {
      throw e;
    });
  });
  afterEach(() => page.close());

  async function signIn(role: string) {
    await page.goto(`${base}/`);
    await page.fill('#token', token(role));
    await page.press('#token', 'Enter');
    await page.waitForSelector('#app:not([hidden])');
    await page.waitForSelector('#view[data-ready=true]');
  }

  async function open(view: string, options: { year?: string; region?: string; agency?: string; asOf?: string } = {}) {
    if (options.year) await page.selectOption('#year', options.year);
    if (options.region !== undefined) await page.selectOption('#region', options.region);
    if (options.agency !== undefined) await page.selectOption('#agency', options.agency);
    if (options.asOf !== undefined) await page.fill('#as-of', options.asOf);
    await page.click(`#tab-${view}`);
    // Filters re-render too; wait for the last render to settle.
    await page.dispatchEvent('#as-of', 'change');
    await page.waitForSelector('#view[data-ready=true]');
    await page.screenshot({ path: join(ARTEFACTS, `${view}${options.agency ? `-${options.agency}` : ''}.png`), fullPage: true });
  }

  const figure = (name: string) => page.textContent(`[data-figure="${name}"]`);

  it('rejects a bad token on the sign-in page and signs in with a good one', async () => {
    await page.goto(`${base}/`);
    await page.fill('#token', 'anc_nobody.bad.token');
    await page.press('#token', 'Enter');
    await page.waitForSelector('#sign-in-error:has-text("invalide")');
    await signIn('director');
    expect(await page.textContent('#who-name')).toContain('Direction générale');
  });

  it('plan execution: the national figures match the API, as of the end of 2018', async () => {
    await signIn('director');
    await open('plans', { year: '2018', region: '', agency: '', asOf: '2018-12-31' });
    const api = await get('/action-plans/execution?year=2018&asOf=2018-12-31&limit=500');
    expect(Number(await figure('plans-count'))).toBe(api.summary.plans);
    expect(Number(await figure('late-actions'))).toBe(api.summary.lateActions);
    expect(await page.locator('#plans-table tbody tr').count()).toBe(api.total);
    expect(await page.locator('#plans-status').count()).toBe(1);
  });

  it('fund: the region roll-up and an agency replayed as of 30 June 2017 match the API', async () => {
    await signIn('director');
    await open('fund', { year: '2017', region: '32', agency: '', asOf: '2017-12-31' });
    const rollup = await get('/fund/rollup?year=2017&region=32&asOf=2017-12-31');
    expect(digits(await figure('fund-committed'))).toBe(Math.round(rollup.total.committedCents / 100));
    await open('fund', { agency: '62001', asOf: '2017-06-30' });
    const agency = await get('/agencies/62001/fund/2017?asOf=2017-06-30');
    expect(digits(await figure('agency-fund-committed'))).toBe(Math.round(agency.committedCents / 100));
    expect(digits(await figure('agency-fund-remaining'))).toBe(Math.round(agency.remainingCents / 100));
  });

  it('partnerships: the circle × quality matrix and an agency’s circles match the API', async () => {
    await signIn('director');
    await open('partnerships', { year: '2018', region: '32', agency: '', asOf: '2018-12-31' });
    const matrix = await get('/priority-circles/matrix?region=32&asOf=2018-12-31');
    expect(await page.locator('#circle-matrix tbody tr').count()).toBe(matrix.categories.length);
    await open('partnerships', { agency: '62001' });
    const circles: { circle: number; partners: number }[] = await get('/agencies/62001/priority-circles?asOf=2018-12-31');
    for (const c of circles) expect(Number(await figure(`circle-${c.circle}`))).toBe(c.partners);
  });

  it('anchoring profiles: agencies per configuration match the API, and the table sorts from the keyboard', async () => {
    await signIn('director');
    await open('anchoring', { year: '2018', region: '', agency: '', asOf: '2018-12-31' });
    const api = await get('/anchoring-profiles?year=2018&asOf=2018-12-31&limit=500');
    for (const [configuration, count] of Object.entries(api.byConfiguration)) expect(Number(await figure(`config-${configuration}`))).toBe(count);
    expect(await page.locator('#anchoring-table tbody tr').count()).toBe(38);
    const scoreHeader = page.locator('#anchoring-table th', { hasText: 'Score' });
    await scoreHeader.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    expect(await scoreHeader.getAttribute('aria-sort')).toBe('descending');
    const top = await page.locator('#anchoring-table tbody tr:first-child td:nth-child(3)').textContent();
    expect(Number(top)).toBe(Math.max(...api.items.map((p: { proactivityScore: number }) => p.proactivityScore)));
  });

  it('history: the agency timeline shows who recorded what, newest first, as the API does', async () => {
    await signIn('director');
    await open('history', { year: '2018', region: '32', agency: '62001', asOf: '' });
    const api = await get('/agencies/62001/timeline?limit=50');
    const firstRow = page.locator('#history-table tbody tr:first-child td');
    expect(Number(await firstRow.nth(5).textContent())).toBe(api.items[0].position);
    expect(await firstRow.nth(2).textContent()).toBe(`${api.items[0].actor} (${api.items[0].role})`);
  });

  it('a manager sees their own agency only, and the tabs answer the arrow keys', async () => {
    await signIn('manager');
    expect(await page.isHidden('#region-label')).toBe(true);
    expect(await page.locator('#agency option').allTextContents()).toEqual(['62001 Berck-sur-Mer']);
    await open('plans', { year: '2018', asOf: '2018-12-31' });
    const plan = await get('/agencies/62001/action-plans/2018?asOf=2018-12-31', 'manager');
    expect(Number(await figure('plan-actions'))).toBe(plan.plan.actions);
    await page.focus('#tab-plans');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('#view[data-ready=true]');
    expect(await page.getAttribute('#tab-fund', 'aria-selected')).toBe('true');
  });
});
