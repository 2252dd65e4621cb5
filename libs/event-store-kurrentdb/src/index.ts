export * from './mappings';
