import type { Type } from '@nestjs/common';

/** Nest modules of the bounded contexts (controllers and handlers). */
export const CONTEXT_MODULES: Type[] = [];
