import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ContextParts } from '@ancrage/platform';
import { ChangeActionPlanHandler } from './commands/change-action-plan.handler';
import { ActionPlansController } from './http/action-plans.controller';
import { ActionPlans1764000006000 } from './migrations/1764000006000-action-plans';
import { ActionPlanRow, PlanActionProgressRow, PlanActionRow, PlanAgencyRow } from './read-models/plan.entities';
import { plansProjection } from './read-models/plans.projection';
import { PlanAlerts } from './alerts/plan-alerts';

const ENTITIES = [ActionPlanRow, PlanActionRow, PlanActionProgressRow, PlanAgencyRow];

@Module({
  imports: [TypeOrmModule.forFeature(ENTITIES)],
  controllers: [ActionPlansController],
  providers: [ChangeActionPlanHandler, PlanAlerts],
})
export class ActionPlansModule {}

/** What this context brings to a deployment (apps/api/src/contexts.ts). */
export const ACTION_PLANS_CONTEXT: ContextParts = {
  name: 'action-plans',
  entities: ENTITIES,
  migrations: [ActionPlans1764000006000],
  projections: [plansProjection],
  module: ActionPlansModule,
};
