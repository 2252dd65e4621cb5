import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ContextParts } from '@ancrage/platform';
import { ChangeReferentsHandler } from './commands/change-referents.handler';
import { ReferentsController } from './http/referents.controller';
import { ReferentRow } from './read-models/referents.entities';
import { referentsProjection } from './read-models/referents.projection';

const ENTITIES = [ReferentRow];

/** The named people of each partnership: who the agency calls at the partner, and who the partner calls at the agency. */
@Module({
  imports: [TypeOrmModule.forFeature(ENTITIES)],
  controllers: [ReferentsController],
  providers: [ChangeReferentsHandler],
})
export class ReferentsModule {}

/** What this context brings to a deployment (apps/api/src/contexts.ts). */
export const REFERENTS_CONTEXT: ContextParts = {
  name: 'referents',
  entities: ENTITIES,
  migrations: [],
  projections: [referentsProjection],
  module: ReferentsModule,
};
