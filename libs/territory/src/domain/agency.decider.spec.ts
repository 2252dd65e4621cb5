import { DomainError, fold } from '@ancrage/shared-kernel';
import { agencyDecider, AgencyCommand } from './agency.decider';
import { classifyContext } from './context-classification';
import type { TerritoryEvent } from './territory.events';

const ctx = { now: new Date('2018-01-01T00:00:00Z'), actor: 'a', role: 'admin' };
const when = (given: TerritoryEvent[], c: AgencyCommand) => agencyDecider.decide(c, fold(agencyDecider, given), ctx);
const register: AgencyCommand = {
  kind: 'register',
  safir: '75001',
  name: 'Paris 15e',
  region: '11',
  department: '75',
  employmentBasin: '1109',
  areaType: 'URBAN',
  basinRegistered: true,
};
const registered = when([], register);

describe('agency decider', () => {
  it('registers an agency whose department and basin belong to its region', () => {
    expect(registered).toEqual([
      {
        type: 'AgencyRegistered',
        data: { safir: '75001', name: 'Paris 15e', region: '11', department: '75', employmentBasin: '1109', areaType: 'URBAN' },
      },
    ]);
    expect(() => when(registered, register)).toThrow(DomainError);
  });

  it.each([
    [{ region: '99' }, 'region'],
    [{ department: '13' }, 'department'],
    [{ employmentBasin: '9301' }, 'employmentBasin'],
    [{ basinRegistered: false }, 'employmentBasin'],
  ])('refuses %p naming the field', (change, field) => {
    try {
      when([], { ...register, ...change });
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).field).toBe(field);
    }
  });

  it('revises the context of a registered agency, dated when it takes effect', () => {
    const figures = { unemploymentRate: 12.1, longTermUnemploymentShare: 48, seasonalJobShare: 3, rsaShare: 9, qpv: true };
    const [e] = when(registered, { kind: 'revise-context', effectiveDate: '2017-12-31', figures, source: 'INSEE' });
    expect(e).toMatchObject({
      type: 'TerritorialContextRevised',
      data: { safir: '75001', figures },
      occurredAt: '2017-12-31T00:00:00.000Z',
    });
    expect(() => when([], { kind: 'revise-context', effectiveDate: '2017-12-31', figures, source: null })).toThrow(/no such agency/);
    expect(() =>
      when(registered, { kind: 'revise-context', effectiveDate: '2017-12-31', figures: { ...figures, rsaShare: 140 }, source: null }),
    ).toThrow(/rsaShare/);
  });

  it('refuses an opening or a revision dated after today', () => {
    const figures = { unemploymentRate: 8, longTermUnemploymentShare: 40, seasonalJobShare: 3, rsaShare: 9, qpv: false };
    const future = (c: AgencyCommand, given: TerritoryEvent[] = []) => {
      try {
        when(given, c);
      } catch (error) {
        return error instanceof DomainError ? { code: error.code, field: error.field } : error;
      }
      return 'accepted';
    };
    expect(future({ ...register, openedOn: '2018-01-02' })).toEqual({ code: 'FUTURE_DATE', field: 'openedOn' });
    expect(future({ ...register, openedOn: '2018-01-01' })).toBe('accepted');
    expect(future({ kind: 'revise-context', effectiveDate: '2018-01-02', figures, source: null }, registered)).toEqual({
      code: 'FUTURE_DATE',
      field: 'effectiveDate',
    });
  });
});

describe('context classification', () => {
  it('classes a low-unemployment basin as favourable and explains the score', () => {
    const c = classifyContext({ unemploymentRate: 6.5, longTermUnemploymentShare: 38, seasonalJobShare: 5, rsaShare: 4, qpv: false });
    expect(c).toMatchObject({ class: 'FAVOURABLE', score: 0 });
    expect(c.points).toHaveLength(6);
    expect(c.rule).toContain('favourable');
  });
  it('classes a basin with some difficulties as intermediate', () => {
    expect(
      classifyContext({ unemploymentRate: 9.2, longTermUnemploymentShare: 40, seasonalJobShare: 20, rsaShare: 5, qpv: true }).class,
    ).toBe('INTERMEDIATE');
  });
  it('classes high unemployment with long-term and RSA shares as difficult', () => {
    expect(
      classifyContext({ unemploymentRate: 14, longTermUnemploymentShare: 50, seasonalJobShare: 4, rsaShare: 11, qpv: false }),
    ).toMatchObject({ class: 'DIFFICULT', score: 4 });
  });
});
