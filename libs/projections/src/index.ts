export * from './projection';
export * from './memory-rows';
export * from './projection-engine';
export * from './read-models';
export * from './view-reads';
export * from './bitemporal/cut';
export type { Filter, FindOptions } from './bitemporal/versioned-table';
export { sameValue } from './bitemporal/same-value';
export * from './migrations/1764000000100-projection-checkpoints';
export * from './migrations/1764000050000-projection-shapes';

import { ProjectionCheckpoints1764000000100 } from './migrations/1764000000100-projection-checkpoints';
import { ProjectionShapes1764000050000 } from './migrations/1764000050000-projection-shapes';
/** The engine's own tables: checkpoints and the shapes of the tables each projection folds into. */
export const PROJECTION_MIGRATIONS = [ProjectionCheckpoints1764000000100, ProjectionShapes1764000050000];
