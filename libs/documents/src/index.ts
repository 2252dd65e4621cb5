export * from './domain/documents.events';
export * from './domain/labels.fr';
export * from './documents.module';
export * from './commands/change-agreement-documents.command';
