/**
 * What access control needs to know of agencies: the region an agency belongs to (null when the
 * agency is unknown). The territory context provides it; access never reads its tables.
 */
export interface AgencyDirectory {
  regionOf(safir: string): Promise<string | null>;
}

export const AGENCY_DIRECTORY = Symbol('AGENCY_DIRECTORY');
