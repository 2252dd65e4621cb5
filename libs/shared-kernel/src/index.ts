export * from './domain-error';
export * from './decider';
export * from './facts-in-the-past';
export * from './access-policy';
export * from './text-of';
export * from './alerts';
export * from './paris-day';
export * from './service-offer';
