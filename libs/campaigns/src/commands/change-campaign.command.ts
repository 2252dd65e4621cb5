import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ancrage/platform';
import type { CampaignCommand } from '../domain/campaign.decider';

type Distribute<C> = C extends CampaignCommand ? Omit<C, 'campaignId' | 'actingSafir' | 'employerKnown' | 'agencyKnown'> : never;
export type CampaignChange = Distribute<CampaignCommand>;

/** Launch a campaign, add an agency to it, report an agency's figures, or close it; `safir` is the agency acting. */
export class ChangeCampaign extends Command<CommandOutcome> {
  constructor(
    readonly safir: string,
    readonly campaignId: string,
    readonly change: CampaignChange,
    readonly context: CommandContext,
  ) {
    super();
  }
}
