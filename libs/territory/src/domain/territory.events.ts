import type { TerritorialFigures } from './context-classification';

export type AreaType = 'RURAL' | 'PERI_URBAN' | 'URBAN';
export const AREA_TYPES: readonly AreaType[] = ['RURAL', 'PERI_URBAN', 'URBAN'];

export interface AgencyRegisteredData {
  safir: string;
  name: string;
  region: string;
  department: string;
  employmentBasin: string;
  areaType: AreaType;
}

export type TerritoryEvent =
  | { type: 'AgencyRegistered'; data: AgencyRegisteredData }
  | {
      type: 'TerritorialContextRevised';
      data: { safir: string; effectiveDate: string; figures: TerritorialFigures; source: string | null };
    };

export const TERRITORY_EVENT_TYPES = ['AgencyRegistered', 'TerritorialContextRevised'] as const;
export const agencyStream = (safir: string) => `agency-${safir}`;
