import { useSyncExternalStore } from 'react';
import { useSearchParams } from 'react-router';

/**
 * "As of" and "as known at" live in the address (`?au=2018-06-30&connu=2018-07-15T10:00`), so a
 * past view can be bookmarked and sent. Every view reads them through useReadParams().
 */
export interface Past {
  /** What had happened by the end of that day (occurredAt ≤ asOf). */
  asOf?: string;
  /** What had been recorded by that instant (recordedAt ≤ knownAt). */
  knownAt?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function usePast(): Past & { set(next: Past): void; isPast: boolean } {
  const [params, setParams] = useSearchParams();
  const au = params.get('au') ?? undefined;
  const connu = params.get('connu') ?? undefined;
  const asOf = au && DATE.test(au) ? au : undefined;
  const knownAt = connu && !Number.isNaN(Date.parse(connu)) ? new Date(connu).toISOString() : undefined;
  return {
    asOf,
    knownAt,
    isPast: asOf !== undefined || knownAt !== undefined,
    set(next: Past) {
      setParams((current) => {
        const out = new URLSearchParams(current);
        for (const [key, value] of [
          ['au', next.asOf],
          ['connu', next.knownAt],
        ] as const) {
          if (value) out.set(key, value);
          else out.delete(key);
        }
        return out;
      });
    },
  };
}

// After a write, views read with `consistentWith` for a short while, so the user sees their change
// even when the projections are a little behind.
let written: number | undefined;
let expiry: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();
const FRESH_MS = 30_000;

export function rememberWrite(position: number | null | undefined): void {
  if (!position) return;
  written = Math.max(position, written ?? 0);
  clearTimeout(expiry);
  expiry = setTimeout(() => {
    written = undefined;
    listeners.forEach((l) => l());
  }, FRESH_MS);
  listeners.forEach((l) => l());
}

const lastWrite = () => written;

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** The query parameters every view takes: the past asked for, and the caller's last write. */
export function useReadParams(): { asOf?: string; knownAt?: string; consistentWith?: number } {
  const { asOf, knownAt } = usePast();
  const consistentWith = useSyncExternalStore(subscribe, lastWrite);
  return { ...(asOf ? { asOf } : {}), ...(knownAt ? { knownAt } : {}), ...(consistentWith ? { consistentWith } : {}) };
}
