export * from './projection';
export * from './memory-rows';
export * from './projection-engine';
export * from './migrations/1764000000100-projection-checkpoints';
