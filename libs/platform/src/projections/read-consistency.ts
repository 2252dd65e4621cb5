import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { ProjectionEngine } from '../../../projections/src';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/**
 * A command answers with the position it wrote; a query given `consistentWith=<position>` waits
 * (bounded) until the projections it reads have folded that far, so a user sees their own write.
 */
@Injectable()
export class ReadConsistency {
  constructor(
    private readonly engine: ProjectionEngine,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async waitFor(position: number | undefined, projections: readonly string[]): Promise<void> {
    if (position === undefined || position <= 0) return;
    const reached = await this.engine.waitFor(position, projections, this.config.consistencyTimeoutMs);
    if (!reached) {
      throw new ServiceUnavailableException({
        code: 'PROJECTION_BEHIND',
        message: `read models have not reached position ${position} within ${this.config.consistencyTimeoutMs} ms; retry shortly`,
      });
    }
  }
}
