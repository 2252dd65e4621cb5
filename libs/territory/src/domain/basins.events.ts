import type { WhenItHappened } from '@ancrage/shared-kernel';

/**
 * An employment basin (a zone d'emploi 2020) as the network knows it: several agencies may share
 * one, and the territorial direction shares out between them who leads each partnership (the
 * study: « répartir entre les directions d'agences la gestion et l'animation des partenariats »).
 */
export interface BasinRegisteredData {
  /** The INSEE zone d'emploi 2020 code: 4 digits, the first two its region's. */
  code: string;
  name: string;
  region: string;
  /** The departments it covers, from the Code officiel géographique. */
  departments: string[];
}

export type BasinEvent = WhenItHappened<
  | { type: 'BasinRegistered'; data: BasinRegisteredData }
  | { type: 'BasinRenamed'; data: { code: string; name: string } }
  /** From its day on, this agency leads the basin's partnership with this partner, for all the basin's agencies. */
  | { type: 'BasinLeadAgencyAssigned'; data: { code: string; partnerId: string; safir: string; note: string | null } }
>;

export const BASIN_EVENT_TYPES = ['BasinRegistered', 'BasinRenamed', 'BasinLeadAgencyAssigned'] as const;
export const basinStream = (code: string) => `basin-${code}`;
