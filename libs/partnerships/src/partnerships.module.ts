import { Global, Module } from '@nestjs/common';
import { PARTNER_USAGE } from '@ancrage/access';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ContextParts } from '@ancrage/platform';
import { ChangeJointEventHandler } from './commands/change-joint-event.handler';
import { ChangePartnerHandler } from './commands/change-partner.handler';
import { ChangePartnershipHandler } from './commands/change-partnership.handler';
import { PartnersController } from './http/partners.controller';
import { PartnershipsController } from './http/partnerships.controller';
import { Partnerships1764000004000 } from './migrations/1764000004000-partnerships';
import { PartnershipExpectations1764000040100 } from './migrations/1764000040100-partnership-expectations';
import { PartnershipRowsService } from './read-models/partnership-rows.service';
import { PartnerUsageDirectory } from './read-models/partner-usage.provider';
import {
  JointEventRow,
  PartnerRow,
  PartnershipAgencyRow,
  PartnershipCircleCountsRow,
  PartnershipMonthRow,
  PartnershipRow,
} from './read-models/partnerships.entities';
import { partnershipsProjection } from './read-models/partnerships.projection';
import { PartnershipAlerts } from './alerts/partnership-alerts';
import { ImportRuns } from './import/import-runs';
import { SpreadsheetImport } from './import/spreadsheet-import';
import { ImportsController } from './http/imports.controller';
import { ImportRuns1764000080100 } from './migrations/1764000080100-import-runs';

const ENTITIES = [PartnerRow, PartnershipRow, PartnershipMonthRow, JointEventRow, PartnershipAgencyRow, PartnershipCircleCountsRow];

/** Global: access control and histories read who works with which partner (PARTNER_USAGE). */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(ENTITIES)],
  controllers: [PartnersController, PartnershipsController, ImportsController],
  providers: [
    PartnershipRowsService,
    PartnershipAlerts,
    SpreadsheetImport,
    ImportRuns,
    ChangePartnerHandler,
    ChangePartnershipHandler,
    ChangeJointEventHandler,
    { provide: PARTNER_USAGE, useClass: PartnerUsageDirectory },
  ],
  exports: [PARTNER_USAGE, SpreadsheetImport],
})
export class PartnershipsModule {}

/** What this context brings to a deployment (apps/api/src/contexts.ts). */
export const PARTNERSHIPS_CONTEXT: ContextParts = {
  name: 'partnerships',
  entities: ENTITIES,
  migrations: [Partnerships1764000004000, PartnershipExpectations1764000040100, ImportRuns1764000080100],
  projections: [partnershipsProjection],
  module: PartnershipsModule,
};
