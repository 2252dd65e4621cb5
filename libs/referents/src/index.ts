export * from './domain/referents.events';
export * from './domain/labels.fr';
export * from './referents.module';
export * from './commands/change-referents.command';
