export * from './postgres.event-store';
export * from './migrations/1764000000000-event-log';
export * from './migrations/1764000010000-event-log-bulk-append';
export * from './migrations/event-log-migrations';
