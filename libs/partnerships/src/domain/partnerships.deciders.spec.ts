import { DomainError, fold } from '@ancrage/shared-kernel';
import { validSiret, dataInclusionCode } from './categories';
import { jointEventDecider } from './joint-event.decider';
import { partnerDecider } from './partner.decider';
import { PartnershipCommand, partnershipDecider } from './partnership.decider';
import type { PartnershipEvent } from './partnerships.events';

const ctx = { now: new Date('2018-05-01T00:00:00Z'), actor: 'm', role: 'manager' };
const open = { exists: true, closed: false, category: 'CAP_EMPLOI' as const };
const base = { safir: '62001', partnerId: 'cap-62', partner: open, today: '2018-05-01' };
type Variant = PartnershipCommand extends infer C ? (C extends PartnershipCommand ? Omit<C, keyof typeof base> : never) : never;
const decide = (
  given: PartnershipEvent[],
  c: Variant & Partial<Omit<typeof base, 'partner'>> & { partner?: PartnershipCommand['partner'] },
) => partnershipDecider.decide({ ...base, ...c }, fold(partnershipDecider, given), ctx);
const signed = decide([], {
  kind: 'sign',
  agreementId: 'a1',
  reference: 'CONV-2016-12',
  scale: 'DEPARTMENTAL',
  formal: true,
  objectives: ['COMPLEMENTARY_SERVICES'],
  startDate: '2016-01-01',
  endDate: '2018-12-31',
  services: ['ACCOMPAGNEMENT_GLOBAL', 'PMSMP', 'PMSMP'],
});

describe('SIRET', () => {
  it('accepts Luhn-valid numbers and La Poste establishments, refuses the rest', () => {
    expect(validSiret('73282932000074')).toBe(true);
    expect(validSiret('73282932000075')).toBe(false);
    expect(validSiret('35600000001234')).toBe(false);
    expect(validSiret('35600000012346')).toBe(true); // digit sum 30, not Luhn-valid: the La Poste rule
    expect(validSiret('1234')).toBe(false);
  });
  it('maps categories to data·inclusion codes', () => {
    expect(dataInclusionCode('MISSION_LOCALE', null)).toBe('ML');
    expect(dataInclusionCode('SIAE', 'ETTI')).toBe('ETTI');
    expect(dataInclusionCode('CARSAT', null)).toBeNull();
  });
});

describe('partner decider', () => {
  const register = {
    kind: 'register' as const,
    partnerId: 'ml-berck',
    name: 'Mission locale',
    category: 'MISSION_LOCALE' as const,
    subkind: null,
    siret: null,
    scale: 'LOCAL' as const,
    parentPartnerId: null,
    parentExists: false,
  };
  it('registers with the data·inclusion code, refuses a bad SIRET or subkind', () => {
    expect(partnerDecider.decide(register, partnerDecider.initialState(), ctx)[0].data).toMatchObject({ dataInclusionCode: 'ML' });
    expect(() => partnerDecider.decide({ ...register, siret: '12345678901234' }, partnerDecider.initialState(), ctx)).toThrow(/siret/);
    expect(() => partnerDecider.decide({ ...register, subkind: 'ETTI' }, partnerDecider.initialState(), ctx)).toThrow(/subkind/);
  });
});

describe('partnership decider', () => {
  it('refuses a second signature while an agreement is active, and an end before the start', () => {
    expect(() =>
      decide(signed, {
        kind: 'sign',
        agreementId: 'a2',
        reference: 'r',
        scale: 'LOCAL',
        formal: false,
        objectives: [],
        startDate: '2018-06-01',
        endDate: null,
        services: [],
      }),
    ).toThrow(/still active/);
    expect(() =>
      decide([], {
        kind: 'sign',
        agreementId: 'a1',
        reference: 'r',
        scale: 'LOCAL',
        formal: false,
        objectives: [],
        startDate: '2018-06-01',
        endDate: '2018-01-01',
        services: [],
      }),
    ).toThrow(/end before/);
  });
  it('records the service offer an agreement mobilises, each once', () => {
    expect(signed[0].data).toMatchObject({ services: ['ACCOMPAGNEMENT_GLOBAL', 'PMSMP'] });
  });

  it('renews only a signed, unterminated agreement, to a later end', () => {
    expect(decide(signed, { kind: 'renew', agreementId: 'a1', endDate: '2021-12-31' })[0].type).toBe('AgreementRenewed');
    expect(() => decide(signed, { kind: 'renew', agreementId: 'a1', endDate: '2017-12-31' })).toThrow(DomainError);
    const terminated = [...signed, ...decide(signed, { kind: 'terminate', agreementId: 'a1', terminatedOn: '2018-03-01', reason: 'r' })];
    expect(() => decide(terminated, { kind: 'renew', agreementId: 'a1', endDate: '2021-12-31' })).toThrow(/terminated/);
    expect(() => decide([], { kind: 'renew', agreementId: 'zz', endDate: '2021-12-31' })).toThrow(/no agreement/);
  });
  it('needs a reason to move a partner away from its default circle', () => {
    expect(() => decide([], { kind: 'assign-circle', circle: 3, reason: null })).toThrow(/circle 1 by default/);
    expect(decide([], { kind: 'assign-circle', circle: 3, reason: 'peu de public commun' })[0].data).toMatchObject({
      circle: 3,
      defaultCircle: 1,
    });
    expect(decide([], { kind: 'assign-circle', circle: 1, reason: null })[0].data).toMatchObject({ circle: 1 });
  });
  it('refuses contacts and assessments with a closed partner, or dated after today', () => {
    const closed = { exists: true, closed: true, category: 'CAP_EMPLOI' as const };
    expect(() =>
      decide([], { kind: 'log-contact', contactKind: 'MEETING', date: '2018-04-01', participants: [], note: null, partner: closed }),
    ).toThrow(/closed/);
    expect(() => decide([], { kind: 'log-contact', contactKind: 'MEETING', date: '2018-05-02', participants: [], note: null })).toThrow(
      expect.objectContaining({ code: 'FUTURE_DATE', field: 'date' }),
    );
    expect(() => decide([], { kind: 'assess', score: 3, criteria: {}, assessedOn: '2018-06-01' })).toThrow(
      expect.objectContaining({ code: 'FUTURE_DATE', field: 'assessedOn' }),
    );
    expect(() => decide([], { kind: 'assess', score: 3, criteria: {}, assessedOn: '2018-04-01', partner: closed })).toThrow(/closed/);
  });
});

describe('joint event decider', () => {
  const plan = {
    kind: 'plan' as const,
    safir: '62001',
    jointEventId: 'e1',
    eventKind: 'JOB_DATING' as const,
    date: '2018-04-12',
    title: 'Job dating saisonniers',
    partnerIds: [],
    publics: ['jeunes'],
    planActionId: null,
    services: [],
    unknownPartners: [],
  };
  const planned = jointEventDecider.decide(plan, jointEventDecider.initialState(), ctx);
  const state = fold(jointEventDecider, planned);
  it('records outcomes where hires never exceed candidates presented', () => {
    const outcomes = { jobSeekersPresent: 40, employersPresent: 6, candidatesPresented: 18, hires: 12 };
    expect(jointEventDecider.decide({ kind: 'hold', safir: '62001', jointEventId: 'e1', outcomes }, state, ctx)[0].type).toBe(
      'JointEventHeld',
    );
    expect(() =>
      jointEventDecider.decide({ kind: 'hold', safir: '62001', jointEventId: 'e1', outcomes: { ...outcomes, hires: 19 } }, state, ctx),
    ).toThrow(/hires/);
    expect(() =>
      jointEventDecider.decide(
        { kind: 'hold', safir: '62001', jointEventId: 'e1', outcomes: { ...outcomes, employersPresent: -1 } },
        state,
        ctx,
      ),
    ).toThrow(/non-negative/);
    expect(() =>
      jointEventDecider.decide({ kind: 'hold', safir: '62001', jointEventId: 'e1', outcomes }, state, {
        ...ctx,
        now: new Date('2018-04-01T00:00:00Z'),
      }),
    ).toThrow(expect.objectContaining({ code: 'JOINT_EVENT_NOT_YET_HELD' }));
  });
});
