export * from './domain/instances.events';
export * from './domain/labels.fr';
export * from './instances.module';
export * from './commands/change-instance.command';
