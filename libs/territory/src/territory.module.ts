import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AGENCY_DIRECTORY } from '@ancrage/access';
import type { ContextParts } from '@ancrage/platform';
import { TerritoryAgencyDirectory } from './agency-directory.provider';
import { RegisterAgencyHandler } from './commands/register-agency.handler';
import { ReviseTerritorialContextHandler } from './commands/revise-territorial-context.handler';
import { AgenciesController } from './http/agencies.controller';
import { TerritoryAgencies1764000002000 } from './migrations/1764000002000-territory-agencies';
import { AgencyRow } from './read-models/agency.entity';
import { agencyDirectory } from './read-models/agency-directory.projection';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AgencyRow])],
  controllers: [AgenciesController],
  providers: [RegisterAgencyHandler, ReviseTerritorialContextHandler, { provide: AGENCY_DIRECTORY, useClass: TerritoryAgencyDirectory }],
  exports: [AGENCY_DIRECTORY],
})
export class TerritoryModule {}

/** What this context brings to a deployment (apps/api/src/contexts.ts). */
export const TERRITORY_CONTEXT: ContextParts = {
  name: 'territory',
  entities: [AgencyRow],
  migrations: [TerritoryAgencies1764000002000],
  projections: [agencyDirectory],
  module: TerritoryModule,
};
