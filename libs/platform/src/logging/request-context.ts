import { AsyncLocalStorage } from 'node:async_hooks';

/** The fields every entry logged while a request is served carries (see JsonLogger.event). */
export const requestFields = new AsyncLocalStorage<{ correlationId: string }>();
