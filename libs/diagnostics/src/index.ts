export * from './domain/diagnostic.events';
export * from './domain/diagnostic.decider';
export * from './commands/change-diagnostic.command';
export * from './diagnostic-facts';
export * from './diagnostics.module';
