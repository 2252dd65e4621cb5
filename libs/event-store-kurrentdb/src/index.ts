export * from './mappings';
export * from './kurrentdb-appends';
