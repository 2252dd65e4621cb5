import { CommandBus } from '@nestjs/cqrs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { settableClock } from '@ancrage/cli';
import { DemoResult, loadDemo } from '@ancrage/cli';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { ProjectionEngine } from '@ancrage/projections';
import { Harness, startApp } from '../support/app-harness';
import { accessibilityViolations, frenchContext, launchBrowser, open, screenshot, signIn, visibleCodes } from '../support/browser';

/** Every page each role lands on or reaches, on the demo territory (38 agencies, 2016-2018). */
const PAGES: Record<string, string[]> = {
  manager: [
    '/agence/62001',
    '/agence/62001?au=2018-12-31',
    '/agence/62001/partenaires',
    '/agence/62001/partenaires/ml-3213',
    '/agence/62001/evenements?annee=2018',
    '/agence/62001/instances?annee=2018',
    '/agence/62001/parcours?annee=2018',
    '/agence/62001/diagnostic?annee=2018',
    '/agence/62001/plan?annee=2018',
    '/agence/62001/fonds?annee=2018',
    '/agence/62001/territoire',
    '/agence/62001/historique',
    '/agence/62001/tracabilite?annee=2018',
    '/partenaires',
    '/compte',
    '/alertes?au=2018-06-30',
    '/agence/62001/import',
    '/bassin/3213',
  ],
  'director-32': [
    '/pilotage',
    '/alertes?au=2018-06-30',
    '/pilotage/agences',
    '/pilotage/plans',
    '/pilotage/fonds',
    '/pilotage/partenariats',
    '/pilotage/ancrage',
    '/pilotage/diagnostics',
    '/agence/62001/fonds?annee=2018&au=2018-06-30',
    '/agence/62001/instances?annee=2018&au=2018-06-30',
    '/pilotage/bassins',
    '/bassin/3213?au=2018-06-30',
  ],
  'director-national': ['/pilotage?annee=2018', '/pilotage/ancrage?annee=2018', '/pilotage/campagnes', '/agence/73001/campagnes'],
  auditor: ['/controle', '/controle/comparer', '/controle/journal', '/controle/droits', '/agence/62001/historique', '/pilotage/plans'],
  admin: [
    '/administration/utilisateurs',
    '/administration/utilisateurs/manager-62001',
    '/administration/agences',
    '/administration/enveloppes',
  ],
};

describe('the web application, page by page, for every role', () => {
  let h: Harness;
  let demo: DemoResult;
  let browser: Browser;
  let base: string;
  const token = (who: string) => {
    const [role, scope] = who.split('-');
    return demo.users.find(
      (u) => u.role === role && (role !== 'director' || (scope === 'national' ? u.scope === 'national' : u.userId === who)),
    )!.token;
  };
  const api = (path: string, who: string) =>
    request(h.app.getHttpServer())
      .get(path)
      .set('authorization', `Bearer ${token(who)}`)
      .expect(200)
      .then((r) => r.body);

  beforeAll(async () => {
    const { clock, set } = settableClock();
    h = await startApp({}, clock);
    demo = await loadDemo(h.app.get(CommandBus), set, { seed: 2018, scale: 1 });
    const head = await h.app.get<EventStore>(EVENT_STORE).headPosition();
    expect(await h.app.get(ProjectionEngine).waitFor(head, undefined, 60_000)).toBe(true);
    base = await h.app.getUrl();
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  describe.each(Object.keys(PAGES))('as %s', (who) => {
    let context: BrowserContext;
    let page: Page;
    let errors: string[];

    beforeAll(async () => {
      ({ context, page, errors } = await frenchContext(browser));
      await signIn(page, base, token(who));
    });
    afterAll(() => context.close());

    it.each(PAGES[who])('%s: loads, passes axe (WCAG 2.1 AA), shows no developer code', async (path) => {
      await open(page, `${base}${path}`);
      await screenshot(page, `${who}${path}`);
      expect({ path, violations: await accessibilityViolations(page) }).toEqual({ path, violations: [] });
      expect({ path, codes: await visibleCodes(page) }).toEqual({ path, codes: [] });
      expect(errors).toEqual([]);
    });
  });

  it('shows the figures the API answers (fund of an agency, as of a date)', async () => {
    const { context, page } = await frenchContext(browser);
    await signIn(page, base, token('manager'));
    await open(page, `${base}/agence/62001/fonds?annee=2018&au=2018-06-30`);
    const fund = await api('/agencies/62001/fund/2018?asOf=2018-06-30', 'manager');
    const tile = (label: string) =>
      page
        .locator('.ancrage-figure')
        .filter({ has: page.locator('.ancrage-figure__label', { hasText: new RegExp(`^${label}$`) }) })
        .locator('.ancrage-figure__value')
        .innerText();
    const euros = (cents: number) =>
      new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(cents / 100);
    expect(await tile('Enveloppe')).toBe(euros(fund.envelopeCents));
    expect(await tile('Engagé')).toBe(euros(fund.committedCents));
    expect(await tile('Reste à engager')).toBe(euros(fund.remainingCents));
    await context.close();
  });

  it('tells the study: graphique 3, encadrés 1, 3, 10 and 16', async () => {
    const matrix = await api('/priority-circles/matrix', 'admin');
    const capEmploi = matrix.categories.find((r: { category: string }) => r.category === 'CAP_EMPLOI');
    // « plus de 7 agences sur 10 interrogées considèrent que le partenariat avec Cap emploi est prioritaire et de qualité »
    expect(capEmploi.priorityAndGoodQualityShare).toBeGreaterThan(0.7);
    const lens = await api('/agencies/62003/diagnostics/2018', 'admin');
    expect(lens.sections.LABOUR_SUPPLY.keyFigures).toContainEqual(
      expect.objectContaining({ label: 'demandeurs d’emploi au RSA', value: 26 }),
    );
    const charleville = await api('/agencies/08001/diagnostics/2017', 'admin');
    expect(charleville.coConstruction).toBe('CO_CONSTRUCTED');
    expect(charleville.partners.filter((p: { involvement: string }) => p.involvement === 'CO_CONSTRUCTED')).toHaveLength(7);
    const montreuil = await api('/agencies/62002/action-plans/2018?asOf=2018-06-30', 'admin');
    expect(montreuil.actions.find((x: { actionId: string }) => x.actionId === 'a-parcours-senior')).toMatchObject({
      measuredBy: { pathwayId: 'parcours-senior', measure: 'REACH' },
      latestValueOnDate: 29,
    });
    const rennes = await api('/agencies/35001/instances/french-tech', 'admin');
    expect(
      rennes.meetings.every((m: { attended: boolean; attendedBy: string[] }) => m.attended && m.attendedBy[0] === 'AGENCY_DIRECTOR'),
    ).toBe(true);
  });
});
