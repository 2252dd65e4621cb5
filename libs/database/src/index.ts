export * from './data-source';
export * from './embedded-postgres';
export * from './pg-types';
export * from './pool';
export * from './migrate';
