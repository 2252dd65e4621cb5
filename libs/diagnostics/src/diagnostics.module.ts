import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ContextParts } from '@ancrage/platform';
import { ChangeDiagnosticHandler } from './commands/change-diagnostic.handler';
import { DiagnosticsController } from './http/diagnostics.controller';
import { Diagnostics1764000005000 } from './migrations/1764000005000-diagnostics';
import { DiagnosticAgencyRow, DiagnosticRevisionRow, DiagnosticRow } from './read-models/diagnostic.entities';
import { diagnosticsProjection } from './read-models/diagnostics.projection';

const ENTITIES = [DiagnosticRow, DiagnosticRevisionRow, DiagnosticAgencyRow];

@Module({
  imports: [TypeOrmModule.forFeature(ENTITIES)],
  controllers: [DiagnosticsController],
  providers: [ChangeDiagnosticHandler],
})
export class DiagnosticsModule {}

/** What this context brings to a deployment (apps/api/src/contexts.ts). */
export const DIAGNOSTICS_CONTEXT: ContextParts = {
  name: 'diagnostics',
  entities: ENTITIES,
  migrations: [Diagnostics1764000005000],
  projections: [diagnosticsProjection],
  module: DiagnosticsModule,
};
