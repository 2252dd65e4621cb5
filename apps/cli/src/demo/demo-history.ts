import { ChangePartner } from '@ancrage/partnerships';
import { RegisterAgency } from '@ancrage/territory';
import { DEMO_YEARS } from './demo-territory';
import { demoBasinLeads, demoBasins } from './demo-basins';
import { fundYear } from './demo-fund';
import { demoCampaigns } from './demo-campaigns';
import { instancesOfAgency } from './demo-instances';
import { referentsOfAgency } from './demo-referents';
import { demoPathways } from './demo-pathways';
import { demoStories } from './demo-stories';
import { contactsYear, jointEventsYear, partnershipsSetUp } from './demo-partnerships';
import { actionPlanYear, diagnosticYear } from './demo-plans';
import {
  DemoPartner,
  demoPartners,
  partnersOf,
  REGISTER_DATE,
  ScaledAgency,
  scaledAgencies,
  territorialContextYear,
} from './demo-register';
import { AgencyLane, DemoStep, seededRandom } from './demo-steps';

// What load-demo and the tests know the demo by; the sections live in the files imported above.
export { REGISTER_DATE, demoPartners, demoUsers, scaledAgencies } from './demo-register';
export type { DemoPartner, DemoUser, ScaledAgency } from './demo-register';
export { seededRandom } from './demo-steps';
export type { DemoStep } from './demo-steps';

/**
 * The demo history as a timeline of commands, 2016 to 2018, every one through the real handlers.
 * Proactive agencies initiate more joint events, keep circle-1/2 partners under agreement, co-construct
 * their diagnostic and spend the 5% on specific and innovative actions; the others less so.
 *
 * All sections draw from one seeded random source, so the order they are called in below is part
 * of what a seed means: reordering them changes every history.
 */
export function demoHistory(options: { seed: number; scale: number }): {
  steps: DemoStep[];
  agencies: ScaledAgency[];
  partners: DemoPartner[];
} {
  const random = seededRandom(options.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const agencies = scaledAgencies(options.scale);
  const partners = demoPartners();
  const steps: DemoStep[] = [];
  const admin = { id: 'demo-admin', role: 'admin' };
  const push = (date: string, lane: string, actor: DemoStep['actor'], build: DemoStep['build']) => steps.push({ date, lane, actor, build });
  steps.push(...demoBasins());

  for (const p of partners) {
    push(
      REGISTER_DATE,
      'register',
      admin,
      (ctx) =>
        new ChangePartner(
          p.partnerId,
          {
            kind: 'register',
            partnerId: p.partnerId,
            name: p.name,
            category: p.category,
            subkind: p.subkind,
            siret: null,
            scale: p.scale,
            parentPartnerId: null,
          },
          ctx,
        ),
    );
  }

  for (const a of agencies) {
    const lane: AgencyLane = {
      at: (date, actor, build) => push(date, a.safir, actor, build),
      between,
      pick,
      random,
      manager: { id: `manager-${a.safir}`, role: 'manager' },
      director: { id: `director-${a.region}`, role: 'director' },
    };
    push(
      REGISTER_DATE,
      'register',
      admin,
      (ctx) =>
        new RegisterAgency(
          { safir: a.safir, name: a.name, region: a.region, department: a.department, employmentBasin: a.basin, areaType: a.areaType },
          ctx,
        ),
    );

    const mine = partnersOf(a, partners);
    const circles = partnershipsSetUp(a, mine, lane);
    for (const year of DEMO_YEARS) {
      const figures = territorialContextYear(a, year, lane);
      contactsYear(a, year, mine, circles, lane);
      const findings = diagnosticYear(a, year, figures, lane);
      actionPlanYear(a, year, findings, lane);
      fundYear(a, year, lane);
      jointEventsYear(a, year, mine, circles, lane);
    }
    instancesOfAgency(a, mine, lane, options.seed);
    referentsOfAgency(a, mine, lane, options.seed);
  }
  steps.push(...demoCampaigns(agencies), ...demoPathways(agencies), ...demoBasinLeads(agencies), ...demoStories(agencies));
  steps.sort((x, y) => x.date.localeCompare(y.date));
  return { steps, agencies, partners };
}
