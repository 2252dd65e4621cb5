import { ChangeBasin } from '@ancrage/territory';
import { REGISTER_DATE, type ScaledAgency } from './demo-register';
import type { DemoStep } from './demo-steps';
import { DEMO_BASINS } from './demo-territory';

const admin = { id: 'demo-admin', role: 'admin' };
/** The basin's own partners, whose animation the territorial direction shares out between its agencies. */
const LOCAL_PARTNERS = ['ml', 'aci', 'etti', 'of', 'ccas', 'asso', 'cci', 'geiq'];
const LEADS_SHARED_ON = '2016-01-15';

/** The demo's basins, registered before their agencies. */
export function demoBasins(): DemoStep[] {
  return DEMO_BASINS.map((b) => ({
    date: REGISTER_DATE,
    lane: 'register',
    actor: admin,
    build: (ctx) => new ChangeBasin(b.code, { kind: 'register', name: b.name, departments: [b.department] }, ctx),
  }));
}

/**
 * In each basin several agencies share, the regional direction gives each local partner a lead
 * agency in turn (the study: « répartir entre les directions d'agences la gestion et l'animation
 * des partenariats »). Drawn from no random source, so the rest of the history stays as it was.
 */
export function demoBasinLeads(agencies: readonly ScaledAgency[]): DemoStep[] {
  return DEMO_BASINS.flatMap((b) => {
    const members = agencies.filter((a) => a.basin === b.code);
    if (members.length < 2) return [];
    return LOCAL_PARTNERS.map((prefix, i) => {
      const lead = members[i % members.length];
      return {
        date: LEADS_SHARED_ON,
        lane: `basin-${b.code}`,
        actor: { id: `director-${b.region}`, role: 'director' },
        build: (ctx) =>
          new ChangeBasin(
            b.code,
            { kind: 'assign-lead', partnerId: `${prefix}-${b.code}`, safir: lead.safir, note: 'répartition des partenariats du bassin' },
            ctx,
          ),
      };
    });
  });
}
