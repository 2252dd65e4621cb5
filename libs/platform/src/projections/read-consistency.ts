import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { ProjectionEngine } from '@ancrage/projections';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RequestValidationError } from '../http/validation';

/**
 * A command answers with the position it wrote; a query given `consistentWith=<position>` waits
 * (bounded) until the projections it reads have folded that far, so a user sees their own write.
 */
@Injectable()
export class ReadConsistency {
  constructor(
    private readonly engine: ProjectionEngine,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async waitFor(position: number | undefined, projections: readonly string[]): Promise<void> {
    if (position === undefined || position <= 0) return;
    // No command answered a position the log has not reached: waiting for it would only time out.
    const head = await this.store.headPosition();
    if (position > head) {
      throw new RequestValidationError([
        { field: 'consistentWith', problems: [`consistentWith ${position} is beyond the log's head (${head})`], codes: ['beyondHead'] },
      ]);
    }
    const reached = await this.engine.waitFor(position, projections, this.config.consistencyTimeoutMs);
    if (!reached) {
      throw new ServiceUnavailableException({
        code: 'PROJECTION_BEHIND',
        message: `read models have not reached position ${position} within ${this.config.consistencyTimeoutMs} ms; retry shortly`,
      });
    }
  }
}
