import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ContextParts } from '@ancrage/platform';
import { AnchoringController } from './http/anchoring.controller';
import { Anchoring1764000007000 } from './migrations/1764000007000-anchoring';
import {
  AnchoringAgencyRow,
  AnchoringJointEventRow,
  AnchoringPartnerRow,
  AnchoringPartnershipRow,
  AnchoringStrongRow,
  AnchoringYearRow,
} from './read-models/anchoring.entities';
import { anchoringProjection } from './read-models/anchoring.projection';

const ENTITIES = [
  AnchoringAgencyRow,
  AnchoringPartnerRow,
  AnchoringPartnershipRow,
  AnchoringJointEventRow,
  AnchoringYearRow,
  AnchoringStrongRow,
];

/** Read-only context: it places agencies from the events of the others and writes none of its own. */
@Module({
  imports: [TypeOrmModule.forFeature(ENTITIES)],
  controllers: [AnchoringController],
})
export class AnchoringModule {}

/** What this context brings to a deployment (apps/api/src/contexts.ts). */
export const ANCHORING_CONTEXT: ContextParts = {
  name: 'anchoring',
  entities: ENTITIES,
  migrations: [Anchoring1764000007000],
  projections: [anchoringProjection],
  module: AnchoringModule,
};
