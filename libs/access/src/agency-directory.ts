/**
 * What other contexts need to know of agencies: the region an agency belongs to (null when the
 * agency is unknown), for access control, and agencies' names, for what is written to people. The
 * territory context provides it; no other context reads its tables.
 */
export interface AgencyDirectory {
  regionOf(safir: string): Promise<string | null>;
  /** The names of the agencies known today (an unknown code is left out). */
  namesOf(safirs: readonly string[]): Promise<Map<string, string>>;
  /** The agencies registered in an employment basin. */
  agenciesInBasin(code: string): Promise<string[]>;
}

export const AGENCY_DIRECTORY = Symbol('AGENCY_DIRECTORY');
