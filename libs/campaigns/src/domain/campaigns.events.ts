import type { ServiceOffer, WhenItHappened } from '@ancrage/shared-kernel';

/**
 * A recruitment campaign (the study's encadré 2: a leisure complex whose recruitment an agency
 * runs under a service contract, 6,000 applications for 600 posts handled by two dedicated
 * advisers) or a recruitment project that mobilises several agencies jointly (the TGV Tours –
 * Bordeaux line, the ITER site). One agency leads it; others join it and report their figures.
 */
export interface CampaignLaunchedData {
  campaignId: string;
  leadSafir: string;
  name: string;
  /** The employer recruited for, from the partner register, if any. */
  employerPartnerId: string | null;
  plannedEndOn: string | null;
  posts: number;
  dedicatedAdvisers: number;
  services: ServiceOffer[];
}

export type CampaignEvent = WhenItHappened<
  | { type: 'CampaignLaunched'; data: CampaignLaunchedData }
  | { type: 'CampaignAgencyJoined'; data: { campaignId: string; leadSafir: string; safir: string } }
  | {
      type: 'CampaignProgressReported';
      /** Counts to date for the reporting agency (cumulative), as of `on`. */
      data: { campaignId: string; leadSafir: string; safir: string; on: string; applications: number; hires: number };
    }
  | { type: 'CampaignClosed'; data: { campaignId: string; leadSafir: string; outcome: string } }
>;

export const CAMPAIGN_EVENT_TYPES = ['CampaignLaunched', 'CampaignAgencyJoined', 'CampaignProgressReported', 'CampaignClosed'] as const;
export const campaignStream = (campaignId: string) => `campaign-${campaignId}`;
