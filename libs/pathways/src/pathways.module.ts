import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ContextParts } from '@ancrage/platform';
import { ChangePathwayHandler } from './commands/change-pathway.handler';
import { PathwaysController } from './http/pathways.controller';
import { CohortOutcomesRow, CohortRow, PathwayRow } from './read-models/pathways.entities';
import { pathwaysProjection } from './read-models/pathways.projection';

const ENTITIES = [PathwayRow, CohortRow, CohortOutcomesRow];

/** Pathways run in cohorts, with their reach and their outcome rates over time. */
@Module({
  imports: [TypeOrmModule.forFeature(ENTITIES)],
  controllers: [PathwaysController],
  providers: [ChangePathwayHandler],
})
export class PathwaysModule {}

/** What this context brings to a deployment (apps/api/src/contexts.ts). */
export const PATHWAYS_CONTEXT: ContextParts = {
  name: 'pathways',
  entities: ENTITIES,
  migrations: [],
  projections: [pathwaysProjection],
  module: PathwaysModule,
};
