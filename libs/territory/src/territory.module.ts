import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AGENCY_DIRECTORY } from '@ancrage/access';
import type { ContextParts } from '@ancrage/platform';
import { TerritoryAgencyDirectory } from './agency-directory.provider';
import { ChangeBasinHandler } from './commands/change-basin.handler';
import { RegisterAgencyHandler } from './commands/register-agency.handler';
import { ReviseTerritorialContextHandler } from './commands/revise-territorial-context.handler';
import { AgenciesController } from './http/agencies.controller';
import { BasinsController } from './http/basins.controller';
import { TerritoryAgencies1764000002000 } from './migrations/1764000002000-territory-agencies';
import { AgencyRow } from './read-models/agency.entity';
import { agencyDirectory } from './read-models/agency-directory.projection';
import {
  AgencyInstanceRow,
  BasinLeadRow,
  BasinRow,
  PartnerLinkRow,
  PartnerNameRow,
  TerritoryCampaignRow,
} from './read-models/basins.entities';
import { basinsProjection } from './read-models/basins.projection';

const ENTITIES = [AgencyRow, BasinRow, PartnerLinkRow, PartnerNameRow, BasinLeadRow, AgencyInstanceRow, TerritoryCampaignRow];

@Global()
@Module({
  imports: [TypeOrmModule.forFeature(ENTITIES)],
  controllers: [AgenciesController, BasinsController],
  providers: [
    RegisterAgencyHandler,
    ChangeBasinHandler,
    ReviseTerritorialContextHandler,
    { provide: AGENCY_DIRECTORY, useClass: TerritoryAgencyDirectory },
  ],
  exports: [AGENCY_DIRECTORY],
})
export class TerritoryModule {}

/** What this context brings to a deployment (apps/api/src/contexts.ts). */
export const TERRITORY_CONTEXT: ContextParts = {
  name: 'territory',
  entities: ENTITIES,
  migrations: [TerritoryAgencies1764000002000],
  projections: [agencyDirectory, basinsProjection],
  module: TerritoryModule,
};
