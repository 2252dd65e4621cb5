import { Module } from '@nestjs/common';
import type { ContextParts } from '@ancrage/platform';
import { AuditService } from './audit.service';
import { AgencyTimelineController } from './http/agency-timeline.controller';
import { AuditController } from './http/audit.controller';
import { NameRow, namesProjection } from './read-models/names.projection';

/** The audit context reads the log; its one read model names what events refer to by id. */
@Module({ controllers: [AuditController, AgencyTimelineController], providers: [AuditService], exports: [AuditService] })
export class AuditModule {}

/** What this context brings to a deployment (apps/api/src/contexts.ts). */
export const AUDIT_CONTEXT: ContextParts = { name: 'audit', entities: [NameRow], projections: [namesProjection], module: AuditModule };
