export * from './postgres.event-store';
export * from './migrations/1764000000000-event-log';
