import type { ServiceOffer, WhenItHappened } from '@ancrage/shared-kernel';

/**
 * A pathway the agency runs for a public, in cohorts (the study's encadré 3: a four-month « parcours
 * senior » for groups of 12 to 15, aiming to reach 60 people a year with 60% back in work; encadré
 * 5: a joint pathway with the Mission locale; encadré 7: a pathway for newly arrived migrants).
 * Reach and outcome rate belong to the same pathway, not to two unrelated plan actions.
 */
export interface PathwayOpenedData {
  safir: string;
  pathwayId: string;
  name: string;
  publics: string[];
  partnerIds: string[];
  services: ServiceOffer[];
  /** People the pathway aims to reach in a year. */
  yearlyReachTarget: number;
  /** Share of the people who left it that it aims to see in work (0 to 1). */
  employmentRateTarget: number;
  /** The plan action it serves, if any (its id in the plan of the year). */
  planActionId: string | null;
}

export interface CohortOutcomes {
  /** People who have left the pathway so far. */
  exits: number;
  /** Of whom in employment. */
  employment: number;
  /** Of whom in training. */
  training: number;
}

export type PathwayEvent = WhenItHappened<
  | { type: 'PathwayOpened'; data: PathwayOpenedData }
  | { type: 'CohortStarted'; data: { safir: string; pathwayId: string; cohortId: string; entries: number } }
  | { type: 'CohortOutcomesRecorded'; data: { safir: string; pathwayId: string; cohortId: string; on: string } & CohortOutcomes }
  | { type: 'PathwayClosed'; data: { safir: string; pathwayId: string; reason: string } }
>;

export const PATHWAY_EVENT_TYPES = ['PathwayOpened', 'CohortStarted', 'CohortOutcomesRecorded', 'PathwayClosed'] as const;
export const pathwayStream = (safir: string, pathwayId: string) => `pathway-${safir}-${pathwayId}`;
