import { AsyncLocalStorage } from 'node:async_hooks';

const reads = new AsyncLocalStorage<Set<string>>();

/**
 * Runs `work` noting which projections it reads through ReadModels: what a view's answer depends
 * on, so that a cached answer is dropped only when one of those projections writes again.
 */
export function trackingViewReads<T>(work: () => T): { result: T; projections: ReadonlySet<string> } {
  const projections = new Set<string>();
  return { result: reads.run(projections, work), projections };
}

/** Called by ReadModels on every read: notes the projection in the tracking request, if any. */
export function noteViewRead(projection: string): void {
  reads.getStore()?.add(projection);
}
