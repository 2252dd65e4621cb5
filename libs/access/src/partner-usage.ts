/**
 * What access control and histories need to know of the shared partner register: which agencies
 * work with a partner (a partnership or a joint event with it), and which partners an agency works
 * with. The partnerships context provides it from its read model.
 */
export interface PartnerUsage {
  agenciesWorkingWith(partnerId: string): Promise<{ agency: string; region: string | null }[]>;
  partnersOf(agency: string): Promise<string[]>;
}

export const PARTNER_USAGE = Symbol('PARTNER_USAGE');
