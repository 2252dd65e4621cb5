export const PG_POOL = Symbol('PG_POOL');
export const CLOCK = Symbol('CLOCK');
export const DATABASE_HANDLE = Symbol('DATABASE_HANDLE');
export type Clock = () => Date;
