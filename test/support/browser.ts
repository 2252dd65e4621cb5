/// <reference lib="dom" />
// Callbacks given to page.evaluate run in the browser.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import * as catalogue from '../../apps/web/src/i18n/catalogue';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTEFACTS = resolve(__dirname, '../../test-artifacts/web');

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium package (.ci/run does) or set CHROMIUM_PATH`);
  mkdirSync(ARTEFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    // Date inputs follow the process locale: a French user's browser shows jj/mm/aaaa.
    env: { ...process.env, LANG: 'fr_FR.UTF-8', LANGUAGE: 'fr' },
    args: [
      '--headless',
      '--lang=fr-FR',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A French user's browser: fr-FR locale and Paris time; an uncaught page error fails the test. */
export async function frenchContext(browser: Browser): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { context, page, errors };
}

/** Signs in through the page's own form, as a person would. */
export async function signIn(page: Page, base: string, token: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.getByLabel('Jeton d’accès').fill(token);
  await page.getByLabel('Jeton d’accès').press('Enter');
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
}

/** Opens a page and waits until its data is on screen (no loading message left). */
export async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.ancrage-loading'), undefined, { timeout: 20_000 });
  await page.waitForLoadState('networkidle');
}

/** WCAG 2.1 A and AA violations axe finds (RGAA's reference), as readable lines. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
}

/** Every code the API may send, which the page must show through the catalogue, never raw. */
const CODES = new Set(
  (Object.values(catalogue) as unknown[])
    .filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null)
    .flatMap((map) => Object.keys(map))
    .filter((k) => /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(k) || /^[A-Z][a-z]+([A-Z][a-z]+)+$/.test(k)),
);

/** Developer words on screen: catalogue codes, UPPER_SNAKE or camelCase identifiers. */
export async function visibleCodes(page: Page): Promise<string[]> {
  // Text node by text node: innerText would glue the words of neighbouring elements together.
  const texts = await page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const out: string[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (parent && parent.closest('script, style, noscript') === null && parent.getClientRects().length > 0) out.push(n.textContent ?? '');
    }
    return out;
  });
  const words = texts.flatMap((t) => t.match(/[A-Za-z][A-Za-z0-9_]+/g) ?? []);
  return [...new Set(words.filter((w) => CODES.has(w) || /^[A-Z0-9]+(_[A-Z0-9]+)+$/.test(w) || /^[a-z]+[A-Z][A-Za-z]*$/.test(w)))];
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTEFACTS, `${name.replace(/[^a-z0-9-]+/gi, '_')}.png`), fullPage: true });
}
