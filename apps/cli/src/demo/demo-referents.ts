import { ChangeReferents } from '@ancrage/referents';
import type { DemoPartner, ScaledAgency } from './demo-register';
import { AgencyLane, seededRandom } from './demo-steps';

const FIRST_NAMES = ['Camille', 'Nadia', 'Julien', 'Sophie', 'Karim', 'Élodie', 'Thomas', 'Fatou', 'Marc', 'Isabelle', 'Yacine', 'Claire'];
const LAST_NAMES = ['Durand', 'Benali', 'Martin', 'Lefebvre', 'Diallo', 'Moreau', 'Garnier', 'Rousseau', 'Fontaine', 'Chevalier'];

/** Who an agency deals with at its first-circle partners (the study: « des référents au sein des agences »). */
const ROLES: Record<string, [partnerSide: string, agencySide: string]> = {
  ml: ['Directrice adjointe, référente Garantie jeunes', 'Conseiller référent jeunes'],
  cap: ['Chargée de mission maintien et insertion', 'Conseillère référente travailleurs handicapés'],
  cd: ['Responsable du service insertion RSA', 'Conseiller référent accompagnement global'],
};

/**
 * Named referents for the Mission locale, Cap emploi and the departmental council, on both sides,
 * from January 2016; at some agencies the partner's referent leaves in 2018 and a successor is
 * named, recorded a few weeks later (the step's day) and dated on the day of the departure.
 *
 * This section draws from its own seeded source, so adding it left every other history as it was.
 */
export function referentsOfAgency(a: ScaledAgency, mine: DemoPartner[], lane: AgencyLane, seed: number): void {
  const random = seededRandom(seed * 37 + Number(a.safir));
  const person = () => `${FIRST_NAMES[Math.floor(random() * FIRST_NAMES.length)]} ${LAST_NAMES[Math.floor(random() * LAST_NAMES.length)]}`;
  const phone = () =>
    `0${a.safir.startsWith('97') ? 5 : 3} ${Array.from({ length: 4 }, () => String(10 + Math.floor(random() * 90))).join(' ')}`;
  for (const [prefix, [partnerRole, agencyRole]] of Object.entries(ROLES)) {
    const partner = mine.find((p) => p.partnerId.startsWith(`${prefix}-`));
    if (!partner) continue;
    const name = (referentId: string, side: 'PARTNER' | 'AGENCY', role: string, who: string, on: string, recordedOn = on) =>
      lane.at(
        recordedOn,
        lane.manager,
        (ctx) =>
          new ChangeReferents(
            a.safir,
            partner.partnerId,
            referentId,
            { kind: 'name', side, name: who, contact: { role, phone: phone(), email: emailOf(who, side, partner.partnerId) }, namedOn: on },
            ctx,
          ),
      );
    name(`${prefix}-partenaire`, 'PARTNER', partnerRole, person(), '2016-01-06');
    name(`${prefix}-agence`, 'AGENCY', agencyRole, person(), '2016-01-06');
    if (random() < 0.3) {
      const leftOn = `2018-0${3 + Math.floor(random() * 5)}-15`;
      const recordedOn = `2018-0${Number(leftOn.slice(6, 7)) + 1}-0${1 + Math.floor(random() * 9)}`;
      lane.at(
        recordedOn,
        lane.manager,
        (ctx) =>
          new ChangeReferents(
            a.safir,
            partner.partnerId,
            `${prefix}-partenaire`,
            { kind: 'withdraw', reason: 'a quitté ses fonctions', withdrawnOn: leftOn },
            ctx,
          ),
      );
      name(`${prefix}-partenaire-2`, 'PARTNER', partnerRole, person(), leftOn, recordedOn);
    }
  }
}

function emailOf(who: string, side: 'PARTNER' | 'AGENCY', partnerId: string): string {
  const [first, ...last] = who
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(' ');
  return `${first}.${last.join('-')}@${side === 'AGENCY' ? 'francetravail.fr' : `${partnerId}.example.org`}`;
}
