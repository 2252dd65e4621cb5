import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ContextParts } from '@ancrage/platform';
import { AllocateEnvelopeHandler } from './commands/allocate-envelope.handler';
import { ChangeFundHandler } from './commands/change-fund.handler';
import { CorrectPaymentHandler } from './commands/correct-payment.handler';
import { FundController } from './http/fund.controller';
import { Fund1764000003000 } from './migrations/1764000003000-fund';
import { FundRequests1764000040000 } from './migrations/1764000040000-fund-requests';
import { FundCommitmentRow, FundEnvelopeRow, FundMonthRow, FundRequestRow } from './read-models/fund.entities';
import { fundConsumption } from './read-models/fund-consumption.projection';
import { FundAlerts } from './alerts/fund-alerts';

@Module({
  imports: [TypeOrmModule.forFeature([FundEnvelopeRow, FundMonthRow, FundCommitmentRow, FundRequestRow])],
  controllers: [FundController],
  providers: [AllocateEnvelopeHandler, ChangeFundHandler, CorrectPaymentHandler, FundAlerts],
})
export class FundModule {}

/** What this context brings to a deployment (apps/api/src/contexts.ts). */
export const FUND_CONTEXT: ContextParts = {
  name: 'fund',
  entities: [FundEnvelopeRow, FundMonthRow, FundCommitmentRow, FundRequestRow],
  migrations: [Fund1764000003000, FundRequests1764000040000],
  projections: [fundConsumption],
  module: FundModule,
};
