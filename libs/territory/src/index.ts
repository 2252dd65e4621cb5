export * from './domain/territory.events';
export * from './domain/context-classification';
export * from './domain/geography';
export * from './territory.module';
export * from './commands/register-agency.command';
export * from './commands/revise-territorial-context.command';
export * from './domain/labels.fr';
