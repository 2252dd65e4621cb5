// Test helpers of the event store port: the contract suite every adapter runs, and event fixtures.
export * from './event-store.contract';
export * from './event-fixtures';
