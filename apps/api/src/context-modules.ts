import type { Type } from '@nestjs/common';
import { AccessModule } from '../../../libs/access/src';
import { TerritoryModule } from '../../../libs/territory/src';

/** Nest modules of the bounded contexts (controllers and handlers). */
export const CONTEXT_MODULES: Type[] = [AccessModule, TerritoryModule];
