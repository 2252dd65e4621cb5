import { Module } from '@nestjs/common';
import { AccessModule } from '@ancrage/access';
import type { ContextParts } from '@ancrage/platform';
import { DigestScheduler } from './digest/digest.scheduler';
import { DigestService } from './digest/digest.service';
import { Mailer } from './digest/mailer';
import { AlertsController } from './http/alerts.controller';
import { DigestsController } from './http/digests.controller';
import { Digests1764000080000 } from './migrations/1764000080000-digests';

/**
 * Alerts and their e-mail digests. The alerts themselves come from the contexts that hold the facts
 * (AlertSources); this context serves them, composes the digests and sends them.
 */
@Module({
  imports: [AccessModule],
  controllers: [AlertsController, DigestsController],
  providers: [Mailer, DigestService, DigestScheduler],
  exports: [DigestService],
})
export class AlertsModule {}

/** What this context brings to a deployment (apps/api/src/contexts.ts). */
export const ALERTS_CONTEXT: ContextParts = {
  name: 'alerts',
  migrations: [Digests1764000080000],
  module: AlertsModule,
};
