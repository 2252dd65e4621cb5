import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ContextParts } from '@ancrage/platform';
import { ChangeCampaignHandler } from './commands/change-campaign.handler';
import { CampaignsController } from './http/campaigns.controller';
import { CampaignAgencyRow, CampaignParticipationRow, CampaignReportRow, CampaignRow } from './read-models/campaigns.entities';
import { campaignsProjection } from './read-models/campaigns.projection';

const ENTITIES = [CampaignRow, CampaignParticipationRow, CampaignReportRow, CampaignAgencyRow];

/** Recruitment campaigns and recruitment projects that mobilise several agencies. */
@Module({
  imports: [TypeOrmModule.forFeature(ENTITIES)],
  controllers: [CampaignsController],
  providers: [ChangeCampaignHandler],
})
export class CampaignsModule {}

/** What this context brings to a deployment (apps/api/src/contexts.ts). */
export const CAMPAIGNS_CONTEXT: ContextParts = {
  name: 'campaigns',
  entities: ENTITIES,
  migrations: [],
  projections: [campaignsProjection],
  module: CampaignsModule,
};
