import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ContextParts } from '@ancrage/platform';
import { ChangeInstanceHandler } from './commands/change-instance.handler';
import { InstancesController } from './http/instances.controller';
import { InstanceMeetingRow, InstanceRow } from './read-models/instances.entities';
import { instancesProjection } from './read-models/instances.projection';

const ENTITIES = [InstanceRow, InstanceMeetingRow];

/** Local instances and networks: the SPE de proximité, the cercle de l'alternance, business clubs… and the agency's attendance. */
@Module({
  imports: [TypeOrmModule.forFeature(ENTITIES)],
  controllers: [InstancesController],
  providers: [ChangeInstanceHandler],
})
export class InstancesModule {}

/** What this context brings to a deployment (apps/api/src/contexts.ts). */
export const INSTANCES_CONTEXT: ContextParts = {
  name: 'instances',
  entities: ENTITIES,
  migrations: [],
  projections: [instancesProjection],
  module: InstancesModule,
};
