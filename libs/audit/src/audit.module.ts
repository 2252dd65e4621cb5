import { Module } from '@nestjs/common';
import { AuditService } from './audit.service';
import { AgencyTimelineController } from './http/agency-timeline.controller';
import { AuditController } from './http/audit.controller';

@Module({ controllers: [AuditController, AgencyTimelineController], providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
