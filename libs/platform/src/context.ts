import type { Type } from '@nestjs/common';
import type { MigrationInterface } from 'typeorm';
import type { UpcasterRegistry } from '@ancrage/event-store';
import type { Projection } from '@ancrage/projections';

/**
 * What a bounded context contributes to a deployment: its Nest module (controllers, handlers), its
 * tables, migrations, projections and upcasters. A deployment lists its contexts once.
 */
export interface ContextParts {
  name: string;
  module: Type;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: Function[];
  migrations?: (new () => MigrationInterface)[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- projections of every table shape, side by side
  projections?: Projection<any>[];
  registerUpcasters?(registry: UpcasterRegistry): void;
}
