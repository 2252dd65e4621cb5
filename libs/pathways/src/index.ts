export * from './domain/pathways.events';
export * from './domain/labels.fr';
export * from './pathways.module';
export * from './commands/change-pathway.command';
export * from './plan-indicators';
