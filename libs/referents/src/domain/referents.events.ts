import type { WhenItHappened } from '@ancrage/shared-kernel';

/**
 * The named people of a partnership (the study: "des relations de proximité au quotidien avec des
 * référents au sein des agences"; "référents nommés" is one of the quality criteria): on the
 * partner's side, who the agency calls; on the agency's side, who the partner calls.
 */
export const REFERENT_SIDES = ['PARTNER', 'AGENCY'] as const;
export type ReferentSide = (typeof REFERENT_SIDES)[number];

export interface ReferentContact {
  /** Their function: « chargée de relations entreprises », « conseiller référent formation »… */
  role: string;
  phone: string | null;
  email: string | null;
}

export interface ReferentNamedData extends ReferentContact {
  safir: string;
  partnerId: string;
  referentId: string;
  side: ReferentSide;
  name: string;
}

export type ReferentEvent = WhenItHappened<
  | { type: 'ReferentNamed'; data: ReferentNamedData }
  | { type: 'ReferentContactChanged'; data: { safir: string; partnerId: string; referentId: string } & ReferentContact }
  | { type: 'ReferentWithdrawn'; data: { safir: string; partnerId: string; referentId: string; reason: string } }
>;

export const REFERENT_EVENT_TYPES = ['ReferentNamed', 'ReferentContactChanged', 'ReferentWithdrawn'] as const;
/** One stream per agency and partner: the people of one partnership. */
export const referentsStream = (safir: string, partnerId: string) => `referents-${safir}-${partnerId}`;
