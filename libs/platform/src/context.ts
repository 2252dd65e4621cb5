import type { MigrationInterface } from 'typeorm';
import type { UpcasterRegistry } from '../../event-store/src';
import type { Projection } from '../../projections/src';

/** What a bounded context contributes to the platform: its tables, migrations, projections, upcasters. */
export interface ContextParts {
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: Function[];
  migrations?: (new () => MigrationInterface)[];
  projections?: Projection<any>[];
  registerUpcasters?(registry: UpcasterRegistry): void;
}
