import { Module } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL, type ContextParts } from '@ancrage/platform';
import { AuditService } from './audit.service';
import { MerkleTree1764000070000 } from './migrations/1764000070000-merkle-tree';
import { TreeSealer } from './tree/sealer';
import { TreeStore } from './tree/tree-store';
import { AgencyTimelineController } from './http/agency-timeline.controller';
import { AuditController } from './http/audit.controller';
import { NameRow, namesProjection } from './read-models/names.projection';

/** The audit context reads the log; its one read model names what events refer to by id. */
@Module({
  controllers: [AuditController, AgencyTimelineController],
  providers: [AuditService, TreeSealer, { provide: TreeStore, inject: [PG_POOL], useFactory: (pool: Pool) => new TreeStore(pool) }],
  exports: [AuditService, TreeSealer],
})
export class AuditModule {}

/** What this context brings to a deployment (apps/api/src/contexts.ts). */
export const AUDIT_CONTEXT: ContextParts = {
  name: 'audit',
  entities: [NameRow],
  migrations: [MerkleTree1764000070000],
  projections: [namesProjection],
  module: AuditModule,
};
