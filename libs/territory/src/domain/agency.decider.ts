import { Decider, DomainError, happenedBy } from '@ancrage/shared-kernel';
import type { TerritorialFigures } from './context-classification';
import { regionOfBasin, regionOfDepartment, REGIONS } from './geography';
import type { AgencyRegisteredData, TerritoryEvent } from './territory.events';

export interface AgencyState {
  registered: boolean;
  safir: string | null;
  region: string | null;
  lastContextDate: string | null;
}

export type AgencyCommand =
  | ({
      kind: 'register';
      openedOn?: string;
      /** Read by the handler from the basin's own stream: an agency is registered in a known basin. */
      basinRegistered: boolean;
    } & AgencyRegisteredData)
  | { kind: 'revise-context'; effectiveDate: string; figures: TerritorialFigures; source: string | null };

const PERCENT_FIELDS = ['unemploymentRate', 'longTermUnemploymentShare', 'seasonalJobShare', 'rsaShare'] as const;

export const agencyDecider: Decider<AgencyCommand, TerritoryEvent, AgencyState> = {
  initialState: () => ({ registered: false, safir: null, region: null, lastContextDate: null }),
  evolve(state, event) {
    switch (event.type) {
      case 'AgencyRegistered':
        return { ...state, registered: true, safir: event.data.safir, region: event.data.region };
      case 'TerritorialContextRevised':
        return { ...state, lastContextDate: event.data.effectiveDate };
    }
  },
  decide(command, state, { now }) {
    if (command.kind === 'register') {
      happenedBy(command.openedOn, now, 'openedOn');
      if (state.registered) throw new DomainError('AGENCY_EXISTS', `agency ${command.safir} is already registered`, 'conflict', 'safir');
      if (!REGIONS[command.region])
        throw new DomainError('UNKNOWN_REGION', `${command.region} is not an INSEE region code`, 'rule', 'region');
      if (regionOfDepartment(command.department) !== command.region) {
        throw new DomainError(
          'DEPARTMENT_NOT_IN_REGION',
          `department ${command.department} is not in region ${command.region}`,
          'rule',
          'department',
        );
      }
      if (regionOfBasin(command.employmentBasin) !== command.region) {
        throw new DomainError(
          'BASIN_NOT_IN_REGION',
          `employment basin ${command.employmentBasin} is not a zone d'emploi 2020 of region ${command.region}`,
          'rule',
          'employmentBasin',
        );
      }
      if (!command.basinRegistered) {
        throw new DomainError(
          'BASIN_NOT_FOUND',
          `employment basin ${command.employmentBasin} is not registered: an administrator registers it first`,
          'rule',
          'employmentBasin',
        );
      }
      const { kind: _kind, openedOn, basinRegistered: _known, ...data } = command;
      return [{ type: 'AgencyRegistered', data, ...(openedOn ? { occurredAt: `${openedOn}T00:00:00.000Z` } : {}) }];
    }
    if (!state.registered) throw new DomainError('AGENCY_NOT_FOUND', 'no such agency', 'not_found');
    happenedBy(command.effectiveDate, now, 'effectiveDate');
    for (const field of PERCENT_FIELDS) {
      const v = command.figures[field];
      if (!(v >= 0 && v <= 100))
        throw new DomainError('NOT_A_PERCENTAGE', `${field} must be a percentage between 0 and 100`, 'rule', field);
    }
    return [
      {
        type: 'TerritorialContextRevised',
        data: { safir: state.safir!, effectiveDate: command.effectiveDate, figures: command.figures, source: command.source },
        occurredAt: `${command.effectiveDate}T00:00:00.000Z`,
      },
    ];
  },
};
