export * from './domain-error';
export * from './decider';
export * from './facts-in-the-past';
