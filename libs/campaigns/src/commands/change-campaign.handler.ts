import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AGENCY_DIRECTORY, AgencyDirectory } from '@ancrage/access';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { partnerFacts } from '@ancrage/partnerships';
import { CommandOutcome, DeciderRunner, logFor } from '@ancrage/platform';
import { CampaignCommand, campaignDecider } from '../domain/campaign.decider';
import { campaignStream } from '../domain/campaigns.events';
import { ChangeCampaign } from './change-campaign.command';

@CommandHandler(ChangeCampaign)
export class ChangeCampaignHandler implements ICommandHandler<ChangeCampaign> {
  constructor(
    private readonly runner: DeciderRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(AGENCY_DIRECTORY) private readonly agencies: AgencyDirectory,
  ) {}

  async execute({ safir, campaignId, change, context }: ChangeCampaign): Promise<CommandOutcome> {
    // What the decider cannot know from the campaign's stream: the employer in the register, the agency added.
    const facts =
      change.kind === 'launch'
        ? {
            employerKnown: change.employerPartnerId
              ? (await partnerFacts(logFor(context, this.store), change.employerPartnerId)).exists
              : false,
          }
        : change.kind === 'add-agency'
          ? { agencyKnown: (await this.agencies.regionOf(change.safir)) !== null }
          : {};
    return this.runner.run({
      streamId: campaignStream(campaignId),
      agency: safir,
      decider: campaignDecider,
      command: { ...change, ...facts, campaignId, actingSafir: safir } as CampaignCommand,
      context,
    });
  }
}
